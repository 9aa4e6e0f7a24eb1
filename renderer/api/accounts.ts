import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CallArgs } from '../../shared/contract';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { POLL_COUNTS_MS, POLL_LIST_MS } from './intervals';
import { accountKeys, authKeys } from './keys';

/** After any account change: the list, every dashboard and the identities (sign-in state) may all have moved. */
function invalidateAccounts(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.all }),
    queryClient.invalidateQueries({ queryKey: authKeys.identities() }),
  ]).then(() => undefined);
}

/**
 * Every account with its last known status (`accounts.list`). Polled on POLL_LIST_MS as a fallback: main re-checks
 * stale statuses when listed and pushes `accounts.changed` when one moves.
 */
export function useAccounts() {
  const client = useClient();
  return useQuery({
    queryKey: accountKeys.list(),
    queryFn: () => client.call('accounts.list', {}),
    refetchInterval: POLL_LIST_MS,
  });
}

/** One account's dashboard (`accounts.dashboard`): node counts per pool, jobs by state, quotas; refreshed on POLL_COUNTS_MS. */
export function useAccountDashboard(id: string) {
  const client = useClient();
  return useQuery({
    queryKey: accountKeys.dashboard(id),
    queryFn: () => client.call('accounts.dashboard', { id }),
    refetchInterval: POLL_COUNTS_MS,
  });
}

/** Adds a shared-key account; main tests the connection first and refuses (nothing saved) with a named problem. */
export function useAddSharedKeyAccount() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: CallArgs<'accounts.addSharedKey'>) => client.call('accounts.addSharedKey', args),
    // The arguments carry the key: drop the finished mutation at once instead of caching it for minutes.
    gcTime: 0,
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Edits an account; a changed URL, name or key is tested by main before anything is saved. */
export function useUpdateAccount() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: CallArgs<'accounts.update'>) => client.call('accounts.update', args),
    // The arguments carry the key: drop the finished mutation at once instead of caching it for minutes.
    gcTime: 0,
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Removes an account and its stored secret. */
export function useRemoveAccount() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.call('accounts.remove', { id }),
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Marks or unmarks a favourite. */
export function useSetFavourite() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: CallArgs<'accounts.setFavourite'>) => client.call('accounts.setFavourite', args),
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Re-tests one account now (`accounts.check`). */
export function useCheckAccount() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.call('accounts.check', { id }),
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Adds Entra ID accounts picked from the identity's last discovery. */
export function useAddEntraAccounts() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: CallArgs<'accounts.addEntra'>) => client.call('accounts.addEntra', args),
    onSuccess: () => invalidateAccounts(queryClient),
  });
}

/** Runs the sample workload on the local emulator (`local.runSample`), then refreshes its dashboard. */
export function useRunSampleWorkload() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('local.runSample', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.dashboards() }),
  });
}

/** Refetches every account query when main pushes `accounts.changed`; mount once, at the app root. */
export function useAccountsChangedEvent(): void {
  const queryClient = useQueryClient();
  useContractEvent('accounts.changed', () => {
    void invalidateAccounts(queryClient);
  });
}
