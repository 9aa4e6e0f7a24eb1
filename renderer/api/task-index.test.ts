import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskWindow } from '../../shared/models';
import { taskIndexKeys } from './keys';
import { Throttle, invalidateOlderWindows, newestOfQuery, pickPlaceholder } from './task-index';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once and merges a burst into one run at the end of the wait', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 1_000);
    throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(10);
      throttle.request();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 1_000);
    throttle.request();
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(2_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

const window = (version: number): TaskWindow => ({ total: 1, offset: 0, rows: [{ id: 't' }], status: { phase: 'ready', loaded: 1, version } });

describe('invalidateOlderWindows', () => {
  it('marks stale only the windows of that job read from an older index', async () => {
    const client = new QueryClient();
    const old = taskIndexKeys.window('a', 'j', {}, 0, 200);
    const current = taskIndexKeys.window('a', 'j', {}, 200, 200);
    const otherJob = taskIndexKeys.window('a', 'k', {}, 0, 200);
    client.setQueryData(old, window(3));
    client.setQueryData(current, window(5));
    client.setQueryData(otherJob, window(1));
    await invalidateOlderWindows(client, 'a', 'j', 5);
    expect(client.getQueryState(old)?.isInvalidated).toBe(true);
    expect(client.getQueryState(current)?.isInvalidated).toBe(false);
    expect(client.getQueryState(otherJob)?.isInvalidated).toBe(false);
  });
});

describe('taskIndexKeys', () => {
  it('nest windows under their job and keep queries and offsets apart', () => {
    const key = taskIndexKeys.window('a', 'j', { filter: { states: ['failed'] } }, 400, 200);
    expect(key.slice(0, taskIndexKeys.job('a', 'j').length)).toEqual([...taskIndexKeys.job('a', 'j')]);
    expect(key).not.toEqual(taskIndexKeys.window('a', 'j', {}, 400, 200));
    expect(key).not.toEqual(taskIndexKeys.window('a', 'j', { filter: { states: ['failed'] } }, 200, 200));
  });
});

describe('pickPlaceholder', () => {
  const at = (offset: number, total: number): TaskWindow => ({ total, offset, rows: [{ id: `r${offset}` }], status: { phase: 'ready', loaded: total, version: 1 } });
  const failed = { filter: { states: ['failed' as const] } };

  it('prefers the newest window of the same sort and filter', () => {
    const picked = pickPlaceholder(
      [
        { query: {}, data: at(0, 1200), updatedAt: 10 },
        { query: {}, data: at(200, 1200), updatedAt: 20 },
        { query: failed, data: at(0, 3), updatedAt: 30 },
      ],
      {},
    );
    expect(picked?.offset).toBe(200);
    expect(picked?.total).toBe(1200);
  });

  it('falls back to the newest window of any query, and to nothing without data', () => {
    const cached = [
      { query: {}, data: at(0, 1200), updatedAt: 10 },
      { query: failed, data: undefined, updatedAt: 0 },
    ];
    expect(pickPlaceholder(cached, { filter: { contains: 'x' } })?.total).toBe(1200);
    expect(pickPlaceholder([{ query: {}, data: undefined, updatedAt: 0 }], {})).toBeUndefined();
  });

  it('matches queries by value, whatever the key order', () => {
    const a = { filter: { nodeId: 'n', contains: 'x' } };
    const b = { filter: { contains: 'x', nodeId: 'n' } };
    expect(pickPlaceholder([{ query: {}, data: at(0, 9), updatedAt: 50 }, { query: a, data: at(0, 2), updatedAt: 1 }], b)?.total).toBe(2);
  });
});

describe('newestOfQuery', () => {
  it('answers only windows of exactly that query', () => {
    const w = (total: number): TaskWindow => ({ total, offset: 0, rows: [], status: { phase: 'ready', loaded: total, version: 1 } });
    const cached = [
      { query: {}, data: w(1200), updatedAt: 30 },
      { query: { filter: { contains: 'x' } }, data: w(11), updatedAt: 10 },
    ];
    expect(newestOfQuery(cached, { filter: { contains: 'x' } })?.total).toBe(11);
    expect(newestOfQuery(cached, { filter: { contains: 'y' } })).toBeUndefined();
  });
});
