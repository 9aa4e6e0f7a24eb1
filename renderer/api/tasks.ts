import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { BulkItemResult, BulkProgress, TaskDetail } from '../../shared/models';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { backoffInterval, failureStreak } from './history';
import { POLL_ENTITY_MS } from './intervals';
import { jobKeys, taskIndexKeys, taskKeys } from './keys';

/** One task in full (`tasks.get`), polled on POLL_ENTITY_MS. */
export function useTask(accountId: string | undefined, jobId: string, taskId: string): UseQueryResult<TaskDetail, AppError> {
  const client = useClient();
  return useQuery<TaskDetail, AppError>({
    queryKey: taskKeys.detail(accountId ?? '', jobId, taskId),
    queryFn: () => client.call('tasks.get', { accountId: accountId ?? '', jobId, taskId }),
    enabled: accountId !== undefined,
    refetchInterval: (query) => backoffInterval(POLL_ENTITY_MS, failureStreak(query)),
    refetchIntervalInBackground: false,
  });
}

/** After tasks changed: the job's task index windows and counts, and its open tasks unless they were deleted (they would 404). */
function invalidateJobTasks(queryClient: QueryClient, accountId: string, jobId: string, deleted: boolean): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: deleted ? taskKeys.allPages(accountId, jobId) : taskKeys.job(accountId, jobId) }),
    queryClient.invalidateQueries({ queryKey: jobKeys.counts(accountId) }),
    queryClient.invalidateQueries({ queryKey: taskIndexKeys.job(accountId, jobId) }),
  ]).then(() => undefined);
}

/** Adds tasks (`tasks.add`; main sends collections of 100 and reports `bulk.progress`); answers one result per task. */
export function useAddTasks() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<BulkItemResult[], AppError, CallArgs<'tasks.add'>>({
    mutationFn: (args) => client.call('tasks.add', args),
    onSettled: (_result, _error, args) => invalidateJobTasks(queryClient, args.accountId, args.jobId, false),
  });
}

/** Terminates, reactivates or deletes tasks (`tasks.action`, with `bulk.progress`); answers one result per task. */
export function useTaskAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<BulkItemResult[], AppError, CallArgs<'tasks.action'>>({
    mutationFn: (args) => client.call('tasks.action', args),
    onSettled: (_result, _error, args) => invalidateJobTasks(queryClient, args.accountId, args.jobId, args.action === 'delete'),
  });
}

/** The latest `bulk.progress` event of one operation; undefined before its first event or without an operation. */
export function useBulkProgress(operationId: string | undefined): BulkProgress | undefined {
  const [latest, setLatest] = useState<BulkProgress | undefined>(undefined);
  useContractEvent('bulk.progress', (payload) => {
    if (operationId !== undefined && payload.operationId === operationId) setLatest(payload);
  });
  return latest?.operationId === operationId ? latest : undefined;
}
