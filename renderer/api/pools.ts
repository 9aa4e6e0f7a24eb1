// Typed hooks for pools: the polled list and detail, and every pool action.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { AutoScaleRunView, PoolDetail, PoolSummary } from '../../shared/models';
import { useClient } from './client-context';
import { livePolling } from './history';
import { POLL_ENTITY_MS, POLL_LIST_MS } from './intervals';
import { nodeKeys, poolKeys } from './keys';

/** The pools of one account with node counts by state (`pools.list`), polled on POLL_LIST_MS. */
export function usePools(accountId: string | undefined) {
  const client = useClient();
  return useQuery<PoolSummary[], AppError>({
    queryKey: poolKeys.list(accountId ?? ''),
    queryFn: () => client.call('pools.list', { accountId: accountId ?? '' }),
    enabled: accountId !== undefined,
    ...livePolling(POLL_LIST_MS),
  });
}

/** One pool in full (`pools.get`), polled on POLL_ENTITY_MS while its page is open. */
export function usePool(accountId: string | undefined, poolId: string | undefined) {
  const client = useClient();
  return useQuery<PoolDetail, AppError>({
    queryKey: poolKeys.detail(accountId ?? '', poolId ?? ''),
    queryFn: () => client.call('pools.get', { accountId: accountId ?? '', poolId: poolId ?? '' }),
    enabled: accountId !== undefined && poolId !== undefined,
    ...livePolling(POLL_ENTITY_MS),
  });
}

/** After a pool changes: the new detail (when main returned it) shows at once, and lists and nodes refetch. */
function afterPoolChange(queryClient: QueryClient, accountId: string, poolId: string, detail?: PoolDetail): Promise<void> {
  if (detail) queryClient.setQueryData(poolKeys.detail(accountId, poolId), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: poolKeys.list(accountId) }),
    queryClient.invalidateQueries({ queryKey: poolKeys.detail(accountId, poolId) }),
    queryClient.invalidateQueries({ queryKey: nodeKeys.pool(accountId, poolId) }),
  ]).then(() => undefined);
}

/** Creates a pool from the form or the JSON editor (`pools.add`). */
export function useAddPool() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<{ id: string }, AppError, CallArgs<'pools.add'>>({
    mutationFn: (args) => client.call('pools.add', args),
    onSuccess: (_result, args) => queryClient.invalidateQueries({ queryKey: poolKeys.list(args.accountId) }),
  });
}

/** Deletes a pool (`pools.delete`); the service keeps it in `deleting` for a while. */
export function useDeletePool() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<{ deleting: boolean }, AppError, CallArgs<'pools.delete'>>({
    mutationFn: (args) => client.call('pools.delete', args),
    onSuccess: (_result, args) => afterPoolChange(queryClient, args.accountId, args.poolId),
  });
}

/** Resizes to fixed targets (`pools.resize`). */
export function useResizePool() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<PoolDetail, AppError, CallArgs<'pools.resize'>>({
    mutationFn: (args) => client.call('pools.resize', args),
    onSuccess: (detail, args) => afterPoolChange(queryClient, args.accountId, args.poolId, detail),
  });
}

/** Stops a resize in progress (`pools.stopResize`). */
export function useStopResize() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<PoolDetail, AppError, CallArgs<'pools.stopResize'>>({
    mutationFn: (args) => client.call('pools.stopResize', args),
    onSuccess: (detail, args) => afterPoolChange(queryClient, args.accountId, args.poolId, detail),
  });
}

/** Turns autoscale on, or changes its formula (`pools.enableAutoScale`). */
export function useEnableAutoScale() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<PoolDetail, AppError, CallArgs<'pools.enableAutoScale'>>({
    mutationFn: (args) => client.call('pools.enableAutoScale', args),
    onSuccess: (detail, args) => afterPoolChange(queryClient, args.accountId, args.poolId, detail),
  });
}

/** Turns autoscale off (`pools.disableAutoScale`). */
export function useDisableAutoScale() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<PoolDetail, AppError, CallArgs<'pools.disableAutoScale'>>({
    mutationFn: (args) => client.call('pools.disableAutoScale', args),
    onSuccess: (detail, args) => afterPoolChange(queryClient, args.accountId, args.poolId, detail),
  });
}

/** Evaluates a formula without applying it (`pools.evaluateAutoScale`): the AutoScaleRun results or the service's error. */
export function useEvaluateAutoScale() {
  const client = useClient();
  return useMutation<AutoScaleRunView, AppError, CallArgs<'pools.evaluateAutoScale'>>({
    mutationFn: (args) => client.call('pools.evaluateAutoScale', args),
  });
}
