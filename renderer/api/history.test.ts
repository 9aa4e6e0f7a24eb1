import { describe, expect, it } from 'vitest';
import { backoffInterval, failingRetryMs, failureStreak, livePolling, MAX_POLL_BACKOFF_MS } from './history';
import { historyKeys, nodeKeys, poolKeys } from './keys';

describe('backoffInterval', () => {
  it('polls at the base interval while fetches succeed', () => {
    expect(backoffInterval(10_000, 0)).toBe(10_000);
  });

  it('doubles the interval with each consecutive failure', () => {
    expect(backoffInterval(10_000, 1)).toBe(20_000);
    expect(backoffInterval(10_000, 2)).toBe(40_000);
    expect(backoffInterval(5_000, 3)).toBe(40_000);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffInterval(10_000, 8)).toBe(MAX_POLL_BACKOFF_MS);
    expect(backoffInterval(10_000, 10_000)).toBe(MAX_POLL_BACKOFF_MS);
  });
});

describe('livePolling', () => {
  it('backs off further with every failed poll of an outage and resets after a success', () => {
    const options = livePolling(5_000);
    expect(options.refetchIntervalInBackground).toBe(false);
    const query = { state: { errorUpdateCount: 0, dataUpdatedAt: 100, errorUpdatedAt: 0 } };
    expect(options.refetchInterval(query)).toBe(5_000);
    const waits: number[] = [];
    for (let poll = 1; poll <= 3; poll++) {
      query.state = { ...query.state, errorUpdateCount: poll, errorUpdatedAt: 100 + poll };
      waits.push(options.refetchInterval(query));
    }
    expect(waits).toEqual([10_000, 20_000, 40_000]);
    query.state = { ...query.state, dataUpdatedAt: 200 };
    expect(options.refetchInterval(query)).toBe(5_000);
    query.state = { ...query.state, errorUpdateCount: 4, errorUpdatedAt: 300 };
    expect(options.refetchInterval(query)).toBe(10_000);
  });

  it('counts failures from the start for a query that never succeeded', () => {
    expect(failureStreak({ state: { errorUpdateCount: 2, dataUpdatedAt: 0, errorUpdatedAt: 50 } })).toBe(2);
  });
});

describe('pool, node and history keys', () => {
  it('nest lists and details under their resource so one prefix invalidates them', () => {
    expect(poolKeys.list('a').slice(0, 2)).toEqual([...poolKeys.lists()]);
    expect(poolKeys.detail('a', 'p').slice(0, 1)).toEqual([...poolKeys.all]);
    expect(nodeKeys.list('a', 'p', 'idle').slice(0, 4)).toEqual([...nodeKeys.pool('a', 'p')]);
    expect(nodeKeys.list('a', 'p', undefined)).not.toEqual(nodeKeys.list('a', 'p', 'idle'));
    expect(historyKeys.series('a', 'pool', 'p', 600_000)).not.toEqual(historyKeys.series('a', 'job', 'p', 600_000));
  });
});

describe('failingRetryMs', () => {
  it('is undefined while fetches succeed and the backed-off interval once they fail', () => {
    expect(failingRetryMs(10_000, 0)).toBeUndefined();
    expect(failingRetryMs(10_000, 2)).toBe(40_000);
  });
});
