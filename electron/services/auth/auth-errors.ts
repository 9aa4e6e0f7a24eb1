import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../../../shared/errors';

/** Error codes the Entra ID services throw; the UI keys its account states off these. */
export const AuthErrorCodes = {
  /** Tokens can no longer be refreshed silently: the account shows "sign-in needed" with a button. */
  signInNeeded: 'SignInNeeded',
  /** The user (or the app) cancelled an interactive or device code sign-in. */
  signInCancelled: 'SignInCancelled',
  /** The identity provider refused the sign-in. */
  signInFailed: 'SignInFailed',
  /** Entra ID could not be reached (network, DNS, TLS, 5xx): not the user's fault, retry later. */
  unreachable: 'IdentityProviderUnreachable',
} as const;

const NETWORK_CODES = new Set(['network_error', 'no_network_connectivity', 'endpoints_resolution_error']);
const CANCEL_CODES = new Set(['user_canceled', 'device_code_polling_cancelled', 'access_denied', 'user_cancelled']);

/** Only short, fixed-alphabet identifiers from msal/Entra reach messages; free text (which could echo input) never does. */
function safeCode(value: string | undefined): string | undefined {
  return value && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : undefined;
}

function aadstsCode(error: AuthError): string | undefined {
  return /\bAADSTS\d{4,6}\b/.exec(error.errorMessage)?.[0];
}

function reasonOf(error: AuthError): string {
  return [safeCode(error.errorCode), safeCode(error.subError), aadstsCode(error)].filter(Boolean).join(' ') || 'unknown';
}

/** The error thrown when an identity must sign in again; `identity` is the account's display name, never a secret. */
export function signInNeeded(identity: string, reason: string): AppError {
  return new AppError({
    code: AuthErrorCodes.signInNeeded,
    message: `Sign-in needed for ${identity}.`,
    status: 401,
    details: { reason },
  });
}

function isUnreachable(error: AuthError): boolean {
  if (NETWORK_CODES.has(error.errorCode)) return true;
  return error instanceof ServerError && (error.status ?? 0) >= 500;
}

/** Maps anything msal throws while refreshing silently to SignInNeeded or Unreachable, without token material. */
export function silentError(error: unknown, identity: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError && isUnreachable(error)) {
    return new AppError({
      code: AuthErrorCodes.unreachable,
      message: `Microsoft Entra ID could not be reached to refresh the sign-in of ${identity}.`,
      status: 503,
      details: { reason: reasonOf(error) },
    });
  }
  if (error instanceof InteractionRequiredAuthError || error instanceof AuthError) {
    return signInNeeded(identity, reasonOf(error));
  }
  return signInNeeded(identity, 'unexpected');
}

/** Maps a failed interactive or device code sign-in to Cancelled, Unreachable or Failed. */
export function signInError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) {
    if (CANCEL_CODES.has(error.errorCode)) {
      return new AppError({ code: AuthErrorCodes.signInCancelled, message: 'Sign-in was cancelled.' });
    }
    if (isUnreachable(error)) {
      return new AppError({
        code: AuthErrorCodes.unreachable,
        message: 'Microsoft Entra ID could not be reached.',
        status: 503,
        details: { reason: reasonOf(error) },
      });
    }
    return new AppError({
      code: AuthErrorCodes.signInFailed,
      message: `Sign-in failed (${reasonOf(error)}).`,
      details: { reason: reasonOf(error) },
    });
  }
  return new AppError({ code: AuthErrorCodes.signInFailed, message: 'Sign-in failed.' });
}

/** The error for a sign-in the caller aborted. */
export function cancelled(): AppError {
  return new AppError({ code: AuthErrorCodes.signInCancelled, message: 'Sign-in was cancelled.' });
}
