// Chart history hook, and the live-polling policy every polled hook of the monitoring views shares.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '../../shared/errors';
import type { ChartSeries } from '../../shared/models';
import { useClient } from './client-context';
import { POLL_LIST_MS } from './intervals';
import { historyKeys } from './keys';

/** The longest a failing query waits between polls, so an unreachable account is retried at least this often. */
export const MAX_POLL_BACKOFF_MS = 5 * 60_000;

/** The poll interval after `failures` consecutive failed fetches: doubles per failure from `baseMs`, capped. */
export function backoffInterval(baseMs: number, failures: number): number {
  if (failures <= 0) return baseMs;
  return Math.min(baseMs * 2 ** Math.min(failures, 16), Math.max(baseMs, MAX_POLL_BACKOFF_MS));
}

/** How long polling waits while fetches keep failing, or undefined while they succeed (for RefreshBar's warning). */
export function failingRetryMs(baseMs: number, failures: number): number | undefined {
  return failures > 0 ? backoffInterval(baseMs, failures) : undefined;
}

/** The parts of a react-query query's state the failure streak is read from. */
export interface PollQuery {
  state: { errorUpdateCount: number; dataUpdatedAt: number; errorUpdatedAt: number };
}

const streakBaseline = new WeakMap<object, number>();

/**
 * Failed polls since the last success. react-query's own fetchFailureCount restarts with every fetch, so it
 * cannot make polling back off further and further through a long outage; this count does.
 */
export function failureStreak(query: PollQuery): number {
  const { state } = query;
  if (state.dataUpdatedAt >= state.errorUpdatedAt) {
    streakBaseline.set(query, state.errorUpdateCount);
    return 0;
  }
  return state.errorUpdateCount - (streakBaseline.get(query) ?? 0);
}

/**
 * react-query options for a live view: poll every `baseMs` while the window is visible (react-query skips
 * interval refetches of hidden documents when refetchIntervalInBackground is false), backing off after failures.
 */
export function livePolling(baseMs: number) {
  return {
    refetchInterval: (query: PollQuery) => backoffInterval(baseMs, failureStreak(query)),
    refetchIntervalInBackground: false,
  } as const;
}

/** Sampled history of a pool or job over the last `rangeMs` (`history.series`); polls every 10 s like the sampler. */
export function useHistory(
  accountId: string | undefined,
  kind: 'pool' | 'job',
  id: string | undefined,
  rangeMs: number,
): UseQueryResult<ChartSeries, AppError> {
  const client = useClient();
  return useQuery<ChartSeries, AppError>({
    queryKey: historyKeys.series(accountId ?? '', kind, id ?? '', rangeMs),
    queryFn: () => client.call('history.series', { accountId: accountId ?? '', kind, id: id ?? '', rangeMs }),
    enabled: accountId !== undefined && id !== undefined,
    // Keep the chart on screen while another range of the same entity loads; never show another entity's chart.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === id ? previous : undefined),
    ...livePolling(POLL_LIST_MS),
  });
}
