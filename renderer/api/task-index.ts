import { hashKey, useQueries, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { TaskIndexStatus, TaskWindow } from '../../shared/models';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { backoffInterval, failureStreak } from './history';
import { POLL_TASK_INDEX_MS } from './intervals';
import { taskIndexKeys } from './keys';

/** The sort and filter of a window request (everything but account, job, offset and limit). */
export type TaskWindowQuery = Pick<CallArgs<'taskIndex.window'>, 'sort' | 'filter'>;

/** How long a window nobody looks at stays cached: long enough to scroll back, short enough to hold only the screen. */
export const WINDOW_GC_MS = 10_000;

/** The fastest the list re-reads its windows after `taskIndex.changed` events (a syncing index sends many). */
export const INDEX_EVENT_THROTTLE_MS = 1_000;

/** A cached window, as pickPlaceholder weighs it. */
export interface CachedWindow {
  query: unknown;
  data: TaskWindow | undefined;
  updatedAt: number;
}

/**
 * What a window shows while its own answer loads: the newest cached window of the same sort and filter (its total keeps
 * the scrollbar steady; its rows stay at their own offset), else the newest of any (after a filter change the old rows
 * stay until the new arrive). useQueries has no previous data of its own when a query's key changes.
 */
export function pickPlaceholder(cached: readonly CachedWindow[], query: TaskWindowQuery): TaskWindow | undefined {
  let any: CachedWindow | undefined;
  for (const entry of cached) if (entry.data && (!any || entry.updatedAt > any.updatedAt)) any = entry;
  return newestOfQuery(cached, query) ?? any?.data;
}

/** The newest cached window answered for exactly this sort and filter (keys compare by value, as react-query's do). */
export function newestOfQuery(cached: readonly CachedWindow[], query: TaskWindowQuery): TaskWindow | undefined {
  const wanted = hashKey([query]);
  let same: CachedWindow | undefined;
  for (const entry of cached) {
    if (entry.data && hashKey([entry.query]) === wanted && (!same || entry.updatedAt > same.updatedAt)) same = entry;
  }
  return same?.data;
}

/** The job's cached windows with the query each answered. */
function cachedWindows(queryClient: QueryClient, accountId: string, jobId: string): CachedWindow[] {
  const queryAt = taskIndexKeys.window(accountId, jobId, {}, 0, 0).length - 3;
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: taskIndexKeys.job(accountId, jobId) })
    .map((q) => ({ query: q.queryKey[queryAt], data: q.state.data as TaskWindow | undefined, updatedAt: q.state.dataUpdatedAt }));
}

/** The window queries of the list, and how many rows match its sort and filter (undefined until an answer for them). */
export interface TaskWindows {
  windows: UseQueryResult<TaskWindow, AppError>[];
  total: number | undefined;
}

/**
 * Windows of a job's task index (`taskIndex.window`), one query per start offset. While a window loads it shows a
 * cached one (see pickPlaceholder), so the list never flashes empty; each answer carries its own offset, so rows are
 * placed by that, not by which query returned them.
 */
export function useTaskWindows(accountId: string, jobId: string, query: TaskWindowQuery, starts: readonly number[], limit: number): TaskWindows {
  const client = useClient();
  const queryClient = useQueryClient();
  const windows: UseQueryResult<TaskWindow, AppError>[] = useQueries({
    queries: starts.map((offset) => ({
      queryKey: taskIndexKeys.window(accountId, jobId, query, offset, limit),
      queryFn: () => client.call('taskIndex.window', { accountId, jobId, offset, limit, ...query }),
      placeholderData: () => pickPlaceholder(cachedWindows(queryClient, accountId, jobId), query),
      gcTime: WINDOW_GC_MS,
      refetchInterval: (q: Parameters<typeof failureStreak>[0]) => backoffInterval(POLL_TASK_INDEX_MS, failureStreak(q)),
      refetchIntervalInBackground: false,
    })),
  });
  return { windows, total: newestOfQuery(cachedWindows(queryClient, accountId, jobId), query)?.total };
}

/** Runs at most once per `ms`: the first request at once, later ones merged into one run at the end of the wait. */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: () => void,
    private readonly ms: number,
  ) {}

  /** Asks for a run. */
  request(): void {
    if (this.timer !== undefined) return;
    const wait = this.last + this.ms - Date.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, wait);
  }

  /** Drops a pending run (the view went away). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.last = Date.now();
    this.run();
  }
}

/** Marks a job's windows read from an index older than `version` stale; the ones on screen refetch. */
export function invalidateOlderWindows(queryClient: QueryClient, accountId: string, jobId: string, version: number): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: taskIndexKeys.job(accountId, jobId),
    predicate: (query) => {
      const data = query.state.data as TaskWindow | undefined;
      return data === undefined || data.status.version < version;
    },
  });
}

/**
 * Follows `taskIndex.changed` for one job: answers the latest status it reported, and re-reads the windows on screen
 * when the index moved past them, at most once per INDEX_EVENT_THROTTLE_MS however fast events come.
 */
export function useTaskIndexChanges(accountId: string, jobId: string): TaskIndexStatus | undefined {
  const queryClient = useQueryClient();
  const [reported, setReported] = useState<{ job: string; status: TaskIndexStatus } | undefined>();
  const latest = useRef<TaskIndexStatus | undefined>(undefined);
  const throttle = useRef<Throttle | undefined>(undefined);
  const job = `${accountId}\n${jobId}`;

  useEffect(() => {
    latest.current = undefined;
    const t = new Throttle(() => {
      const status = latest.current;
      if (!status) return;
      setReported({ job, status });
      void invalidateOlderWindows(queryClient, accountId, jobId, status.version);
    }, INDEX_EVENT_THROTTLE_MS);
    throttle.current = t;
    return () => t.cancel();
  }, [queryClient, accountId, jobId, job]);

  useContractEvent('taskIndex.changed', (payload) => {
    if (payload.accountId !== accountId || payload.jobId !== jobId) return;
    if (latest.current && latest.current.version > payload.status.version) return;
    latest.current = payload.status;
    throttle.current?.request();
  });
  return reported?.job === job ? reported.status : undefined;
}
