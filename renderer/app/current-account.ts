import type { AccountSummary } from '../../shared/models';
import { orderAccounts } from '../views/accounts/account-order';

/** The localStorage key of the current account's id (an id, never a secret). */
export const CURRENT_ACCOUNT_STORAGE_KEY = 'batchLens.currentAccount';

type Choosable = Pick<AccountSummary, 'id' | 'kind' | 'displayName' | 'favourite'>;

/** The account to start with: the first favourite (in list order), else the local emulator, else the first account. */
export function defaultAccountId(accounts: readonly Choosable[]): string | undefined {
  const ordered = orderAccounts(accounts);
  const favourite = ordered.find((a) => a.favourite);
  if (favourite) return favourite.id;
  return (ordered.find((a) => a.kind === 'local') ?? ordered[0])?.id;
}

/** The remembered account while it still exists, else the default (so a removed account never stays selected). */
export function resolveCurrentAccountId(accounts: readonly Choosable[], rememberedId: string | null | undefined): string | undefined {
  if (rememberedId && accounts.some((a) => a.id === rememberedId)) return rememberedId;
  return defaultAccountId(accounts);
}

/** The slice of Storage the current account needs. */
export type AccountStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads the remembered id; a storage that throws means "nothing remembered". */
export function loadCurrentAccountId(storage: AccountStorage | undefined): string | undefined {
  try {
    return storage?.getItem(CURRENT_ACCOUNT_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the id; returns false when storage refused, so the choice still applies for this session. */
export function saveCurrentAccountId(storage: AccountStorage | undefined, id: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(CURRENT_ACCOUNT_STORAGE_KEY, id);
    return true;
  } catch {
    return false;
  }
}
