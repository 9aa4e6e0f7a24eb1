import type { AccountStatus } from '../../../shared/models';
import { AppError } from '../../../shared/errors';

const UNREACHABLE = new Set([
  'MalformedUrl',
  'NameNotResolved',
  'ConnectionRefused',
  'ConnectionTimeout',
  'TlsError',
  'ServiceUnreachable',
  'IdentityProviderUnreachable',
  'LocalEmulatorStopped',
]);

export interface StatusFinding {
  status: AccountStatus;
  statusCode?: string;
  statusMessage?: string;
}

/** Sorts a failed check into the status the Accounts page shows, keeping the message that names the problem. */
export function statusFromError(error: unknown): StatusFinding {
  const e = error instanceof AppError ? error : new AppError({ code: 'InternalError', message: String((error as Error)?.message ?? error) });
  if (e.code === 'SignInNeeded') return { status: 'signInNeeded', statusCode: e.code, statusMessage: e.message };
  if (e.code === 'AuthenticationFailed' || e.code === 'KeyMissing' || e.status === 401 || e.status === 403) {
    return { status: 'authFailed', statusCode: e.code, statusMessage: e.message };
  }
  if (UNREACHABLE.has(e.code)) return { status: 'unreachable', statusCode: e.code, statusMessage: e.message };
  return { status: 'error', statusCode: e.code, statusMessage: e.message };
}
