import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { BulkItemResult, BulkProgress, TaskDetail, TaskPage } from '../../shared/models';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { backoffInterval, failureStreak } from './history';
import { POLL_ENTITY_MS, POLL_LIST_MS } from './intervals';
import { jobKeys, taskKeys } from './keys';

/** How many tasks one `tasks.page` call asks for (the service's maximum). */
export const TASK_PAGE_SIZE = 1000;

/**
 * Above this many loaded pages the task list stops refreshing on its own: a refresh re-reads every loaded page,
 * and a user deep in a huge job would otherwise cost the service thousands of rows every 10 s.
 */
export const MAX_AUTO_REFRESH_PAGES = 5;

/** The server-side filter of a task list. */
export type TaskPageFilter = Pick<CallArgs<'tasks.page'>, 'state' | 'idPrefix'>;

/**
 * A job's tasks, paged from the service (`tasks.page`, 1000 per page, following the continuation) with the state
 * filter and id prefix applied server-side. Call `fetchNextPage` as the user nears the end of the loaded rows.
 */
export function useTaskPages(accountId: string | undefined, jobId: string, filter: TaskPageFilter) {
  const client = useClient();
  return useInfiniteQuery<TaskPage, AppError, InfiniteData<TaskPage, string | undefined>, readonly unknown[], string | undefined>({
    queryKey: taskKeys.pages(accountId ?? '', jobId, filter.state, filter.idPrefix),
    queryFn: ({ pageParam }) => {
      const args: CallArgs<'tasks.page'> = { accountId: accountId ?? '', jobId, maxResults: TASK_PAGE_SIZE, ...filter };
      if (pageParam) args.continuation = pageParam;
      return client.call('tasks.page', args);
    },
    initialPageParam: undefined,
    getNextPageParam: (last) => last.continuation,
    enabled: accountId !== undefined,
    refetchInterval: (query) =>
      (query.state.data?.pages.length ?? 0) > MAX_AUTO_REFRESH_PAGES ? false : backoffInterval(POLL_LIST_MS, failureStreak(query)),
    refetchIntervalInBackground: false,
  });
}

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

/** After tasks changed: the job's task pages and counts, and its open tasks unless they were deleted (they would 404). */
function invalidateJobTasks(queryClient: QueryClient, accountId: string, jobId: string, deleted: boolean): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: deleted ? taskKeys.allPages(accountId, jobId) : taskKeys.job(accountId, jobId) }),
    queryClient.invalidateQueries({ queryKey: jobKeys.counts(accountId) }),
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
