// Typed hooks for compute nodes: the polled node list of a pool, one node, and node actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { BulkItemResult, NodeDetail, NodeSummary } from '../../shared/models';
import { useClient } from './client-context';
import { livePolling } from './history';
import { POLL_COUNTS_MS, POLL_ENTITY_MS } from './intervals';
import { nodeKeys, poolKeys } from './keys';

/**
 * Every node of a pool (`nodes.list`, the list columns only), polled on POLL_COUNTS_MS. One query feeds the
 * heatmap and the node list; the list filters it locally so a filter change costs no request.
 */
export function useNodes(accountId: string | undefined, poolId: string | undefined) {
  const client = useClient();
  return useQuery<NodeSummary[], AppError>({
    queryKey: nodeKeys.list(accountId ?? '', poolId ?? '', undefined),
    queryFn: () => client.call('nodes.list', { accountId: accountId ?? '', poolId: poolId ?? '' }),
    enabled: accountId !== undefined && poolId !== undefined,
    ...livePolling(POLL_COUNTS_MS),
  });
}

/** One node in full (`nodes.get`: recent tasks, start task info, errors), polled on POLL_ENTITY_MS. */
export function useNode(accountId: string | undefined, poolId: string | undefined, nodeId: string | undefined) {
  const client = useClient();
  return useQuery<NodeDetail, AppError>({
    queryKey: nodeKeys.detail(accountId ?? '', poolId ?? '', nodeId ?? ''),
    queryFn: () => client.call('nodes.get', { accountId: accountId ?? '', poolId: poolId ?? '', nodeId: nodeId ?? '' }),
    enabled: accountId !== undefined && poolId !== undefined && nodeId !== undefined,
    ...livePolling(POLL_ENTITY_MS),
  });
}

/** Reboot, reimage, remove or (dis)able scheduling (`nodes.action`); answers one result per node. */
export function useNodeAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<BulkItemResult[], AppError, CallArgs<'nodes.action'>>({
    mutationFn: (args) => client.call('nodes.action', args),
    onSuccess: (_results, args) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: nodeKeys.all }),
        queryClient.invalidateQueries({ queryKey: poolKeys.detail(args.accountId, args.poolId) }),
      ]).then(() => undefined),
  });
}
