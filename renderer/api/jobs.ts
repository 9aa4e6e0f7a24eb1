import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { JobDetail, JobSummary, JobTaskCounts } from '../../shared/models';
import { useClient } from './client-context';
import { livePolling } from './history';
import { POLL_COUNTS_MS, POLL_ENTITY_MS, POLL_LIST_MS } from './intervals';
import { failureKeys, historyKeys, jobKeys, taskIndexKeys, taskKeys } from './keys';
import { idBatches } from './visible-batches';

/** The account's jobs (`jobs.list`), optionally filtered by state on the service; polled on POLL_LIST_MS. */
export function useJobs(accountId: string | undefined, state: string | undefined): UseQueryResult<JobSummary[], AppError> {
  const client = useClient();
  return useQuery<JobSummary[], AppError>({
    queryKey: jobKeys.list(accountId ?? '', state),
    queryFn: () => client.call('jobs.list', state ? { accountId: accountId ?? '', state } : { accountId: accountId ?? '' }),
    enabled: accountId !== undefined,
    ...livePolling(POLL_LIST_MS),
  });
}

/** One job in full (`jobs.get`), polled on POLL_ENTITY_MS. */
export function useJob(accountId: string | undefined, jobId: string): UseQueryResult<JobDetail, AppError> {
  const client = useClient();
  return useQuery<JobDetail, AppError>({
    queryKey: jobKeys.detail(accountId ?? '', jobId),
    queryFn: () => client.call('jobs.get', { accountId: accountId ?? '', jobId }),
    enabled: accountId !== undefined,
    ...livePolling(POLL_ENTITY_MS),
  });
}

/** Task counts for a set of jobs, merged from however many calls they took. */
export interface TaskCountsResult {
  byId: Record<string, JobTaskCounts>;
  /** True until every batch has answered once. */
  isPending: boolean;
  isFetching: boolean;
  /** The first batch error, if any batch failed as a whole (per-job errors sit in `byId`). */
  error: AppError | null;
  /** When the oldest batch last succeeded (0 before any did). */
  updatedAt: number;
  refetch: () => void;
}

/**
 * `jobs.taskCounts` for exactly the given jobs, at most 50 ids per call and one query per batch, polled on
 * POLL_COUNTS_MS. Callers pass the rows on screen, never the whole list: counts cost one service call per job.
 */
export function useTaskCounts(accountId: string | undefined, jobIds: readonly string[]): TaskCountsResult {
  const client = useClient();
  const batches = accountId === undefined ? [] : idBatches(jobIds);
  // Calls only ever reject with AppError (the client wraps every failure), so narrowing the error type is safe.
  const combine = useCallback((results: UseQueryResult<Record<string, JobTaskCounts>>[]): TaskCountsResult => {
    const byId: Record<string, JobTaskCounts> = {};
    for (const r of results) Object.assign(byId, r.data);
    const updated = results.map((r) => r.dataUpdatedAt);
    return {
      byId,
      isPending: results.some((r) => r.isPending),
      isFetching: results.some((r) => r.isFetching),
      error: (results.find((r) => r.error)?.error ?? null) as AppError | null,
      updatedAt: updated.length && updated.every((t) => t > 0) ? Math.min(...updated) : 0,
      refetch: () => results.forEach((r) => void r.refetch()),
    };
  }, []);
  return useQueries({
    queries: batches.map((ids) => ({
      queryKey: jobKeys.countsBatch(accountId ?? '', ids),
      queryFn: () => client.call('jobs.taskCounts', { accountId: accountId ?? '', jobIds: ids }),
      ...livePolling(POLL_COUNTS_MS),
    })),
    combine,
  });
}

/** Creates a job (`jobs.add`); the list refreshes after. */
export function useAddJob() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<{ id: string }, AppError, CallArgs<'jobs.add'>>({
    mutationFn: (args) => client.call('jobs.add', args),
    onSuccess: (_result, args) => queryClient.invalidateQueries({ queryKey: [...jobKeys.lists(), args.accountId] }),
  });
}

/**
 * Disables, enables, terminates or deletes a job (`jobs.action`); the lists and counts refresh after, and the job
 * and its tasks too unless it was deleted (refetching a deleted job would only answer 404).
 */
export function useJobAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<{ accepted: boolean }, AppError, CallArgs<'jobs.action'>>({
    mutationFn: (args) => client.call('jobs.action', args),
    onSettled: (_result, _error, args) => {
      const keys: (readonly unknown[])[] = [[...jobKeys.lists(), args.accountId], jobKeys.counts(args.accountId)];
      if (args.action !== 'delete') keys.push(jobKeys.detail(args.accountId, args.jobId), taskKeys.job(args.accountId, args.jobId));
      return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

/** Refetches everything the job page shows (the job, its counts, its task windows, its failures and its chart) at once. */
export function useRefreshJob(accountId: string, jobId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: jobKeys.detail(accountId, jobId) }),
      queryClient.invalidateQueries({ queryKey: jobKeys.counts(accountId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.job(accountId, jobId) }),
      queryClient.invalidateQueries({ queryKey: taskIndexKeys.job(accountId, jobId) }),
      queryClient.invalidateQueries({ queryKey: failureKeys.summary(accountId, jobId) }),
      queryClient.invalidateQueries({ queryKey: [...historyKeys.all, accountId, 'job', jobId] }),
    ]);
  }, [queryClient, accountId, jobId]);
}
