import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AccountSummary } from '../../shared/models';
import { useAccounts } from '../api/accounts';
import { browserStorage } from '../theme/theme-storage';
import { orderAccounts } from '../views/accounts/account-order';
import { loadCurrentAccountId, resolveCurrentAccountId, saveCurrentAccountId } from './current-account';

/** The account the Pools and Jobs views work on, and how to change it. */
export interface CurrentAccount {
  /** The chosen account once the list has loaded; undefined while loading or when there are no accounts. */
  account: AccountSummary | undefined;
  accountId: string | undefined;
  /** Every account, favourites first (the switcher's order). */
  accounts: AccountSummary[];
  isPending: boolean;
  /** Why the account list could not be loaded, if it could not. */
  error: unknown;
  /** Makes an account current and remembers it for the next start. */
  select(id: string): void;
}

const CurrentAccountContext = createContext<CurrentAccount | null>(null);

/** Tracks the current account (remembered in localStorage); mount once, inside the client and query providers. */
export function CurrentAccountProvider({ children }: { children: ReactNode }) {
  const [remembered, setRemembered] = useState(() => loadCurrentAccountId(browserStorage()));
  const list = useAccounts();
  const select = useCallback((id: string) => {
    setRemembered(id);
    saveCurrentAccountId(browserStorage(), id);
  }, []);
  const value = useMemo<CurrentAccount>(() => {
    const accounts = orderAccounts(list.data ?? []);
    const accountId = resolveCurrentAccountId(accounts, remembered);
    return {
      account: accounts.find((a) => a.id === accountId),
      accountId,
      accounts,
      isPending: list.isPending,
      error: list.error,
      select,
    };
  }, [list.data, list.isPending, list.error, remembered, select]);
  return <CurrentAccountContext value={value}>{children}</CurrentAccountContext>;
}

/** The current account for views that work on one account (Pools, Jobs). */
export function useCurrentAccount(): CurrentAccount {
  const value = useContext(CurrentAccountContext);
  if (!value) throw new Error('useCurrentAccount needs a <CurrentAccountProvider> above it');
  return value;
}
