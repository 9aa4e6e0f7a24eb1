import type { AccountStatus, AccountSummary } from '../../../shared/models';

/** Fluent Badge colours the status badge uses. */
export type StatusColour = 'success' | 'danger' | 'severe' | 'warning' | 'informative';

/** How one status is shown: its words and its colour. */
export interface StatusBadge {
  label: string;
  colour: StatusColour;
}

const BADGES: Readonly<Record<AccountStatus, StatusBadge>> = {
  connected: { label: 'Connected', colour: 'success' },
  authFailed: { label: 'Auth failed', colour: 'danger' },
  unreachable: { label: 'Unreachable', colour: 'severe' },
  signInNeeded: { label: 'Sign-in needed', colour: 'warning' },
  error: { label: 'Error', colour: 'danger' },
  // Main has not checked the account yet (or is checking it right now).
  unknown: { label: 'Checking…', colour: 'informative' },
};

/** The badge for a status; `checking` wins while the page is re-testing the account itself. */
export function statusBadge(status: AccountStatus, checking = false): StatusBadge {
  return checking ? BADGES.unknown : BADGES[status];
}

/** The line under the badge: the service's code and its message, or nothing for a healthy or unchecked account. */
export function statusDetail(account: Pick<AccountSummary, 'status' | 'statusCode' | 'statusMessage'>): string | undefined {
  if (account.status === 'connected' || account.status === 'unknown') return undefined;
  const message = account.statusMessage?.trim();
  const code = account.statusCode?.trim();
  if (!message) return code || undefined;
  if (!code || message.includes(code)) return message;
  return `${code}: ${message}`;
}

/** True when the account can be signed in again from its row (an Entra ID account whose tokens expired). */
export function canSignInAgain(account: Pick<AccountSummary, 'status' | 'entra'>): boolean {
  return account.status === 'signInNeeded' && account.entra !== undefined;
}

/** Human words for an account's kind. */
export function kindLabel(kind: AccountSummary['kind']): string {
  if (kind === 'local') return 'Local emulator';
  return kind === 'entra' ? 'Microsoft Entra ID' : 'Shared key';
}

/** True for accounts the user may edit and remove (everything but the built-in local emulator). */
export function isEditable(account: Pick<AccountSummary, 'kind' | 'id'>): boolean {
  return account.kind !== 'local' && account.id !== 'local';
}
