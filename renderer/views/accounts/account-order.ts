import type { AccountSummary } from '../../../shared/models';

type Orderable = Pick<AccountSummary, 'id' | 'kind' | 'displayName' | 'favourite'>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function rank(account: Orderable): number {
  return account.kind === 'local' ? 0 : 1;
}

/** Favourites first; within each group the local emulator first, then by display name (case- and accent-blind, numbers in order). */
export function orderAccounts<T extends Orderable>(accounts: readonly T[]): T[] {
  return [...accounts].sort(
    (a, b) =>
      Number(b.favourite) - Number(a.favourite) ||
      rank(a) - rank(b) ||
      collator.compare(a.displayName, b.displayName) ||
      a.id.localeCompare(b.id),
  );
}
