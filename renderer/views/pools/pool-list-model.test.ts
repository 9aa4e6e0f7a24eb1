import { describe, expect, it } from 'vitest';
import type { NodeCountsByState, PoolSummary } from '../../../shared/models';
import { compactNodeCounts, currentOverTarget, filterPools, matchesPoolFilter, parsePoolFilter } from './pool-list-model';

const pools: PoolSummary[] = [
  { id: 'render-b', state: 'active', allocationState: 'resizing' },
  { id: 'Render-A', state: 'active', allocationState: 'steady', displayName: 'Frames' },
  { id: 'old', state: 'deleting', allocationState: 'stopping' },
  { id: 'broken', state: 'active', allocationState: 'steady', resizeErrors: [{ code: 'AllocationFailed' }] },
];

describe('pool filter and search', () => {
  it('filters by pool state or by allocation state', () => {
    expect(filterPools(pools, 'deleting', '').map((p) => p.id)).toEqual(['old']);
    expect(filterPools(pools, 'steady', '').map((p) => p.id)).toEqual(['broken', 'Render-A']);
    expect(filterPools(pools, 'resizing', '').map((p) => p.id)).toEqual(['render-b']);
    expect(filterPools(pools, 'resizeErrors', '').map((p) => p.id)).toEqual(['broken']);
    expect(filterPools(pools, 'all', '')).toHaveLength(4);
  });

  it('searches ids and display names without regard to case, then orders by id', () => {
    expect(filterPools(pools, 'all', ' render ').map((p) => p.id)).toEqual(['Render-A', 'render-b']);
    expect(filterPools(pools, 'all', 'frames').map((p) => p.id)).toEqual(['Render-A']);
    expect(filterPools(pools, 'active', 'old')).toEqual([]);
  });

  it('treats an unknown filter in the URL as all', () => {
    expect(parsePoolFilter('resizing')).toBe('resizing');
    expect(parsePoolFilter('bogus')).toBe('all');
    expect(parsePoolFilter(null)).toBe('all');
    expect(matchesPoolFilter(pools[0]!, parsePoolFilter('bogus'))).toBe(true);
  });
});

describe('compactNodeCounts', () => {
  const zero = (): NodeCountsByState => ({
    creating: 0, idle: 0, offline: 0, preempted: 0, rebooting: 0, reimaging: 0, running: 0, starting: 0,
    startTaskFailed: 0, leavingPool: 0, unknown: 0, unusable: 0, waitingForStartTask: 0, total: 0,
  });

  it('adds dedicated and spot nodes per state and drops empty states', () => {
    const dedicated = { ...zero(), idle: 2, running: 1, total: 3 };
    const lowPriority = { ...zero(), idle: 1, preempted: 4, total: 5 };
    expect(compactNodeCounts({ dedicated, lowPriority })).toEqual([
      { state: 'running', count: 1 },
      { state: 'idle', count: 3 },
      { state: 'preempted', count: 4 },
    ]);
    expect(compactNodeCounts(undefined)).toEqual([]);
  });
});

describe('currentOverTarget', () => {
  it('shows the target only while it differs', () => {
    expect(currentOverTarget(3, 3)).toBe('3');
    expect(currentOverTarget(0, 5)).toBe('0 → 5');
    expect(currentOverTarget(undefined, undefined)).toBe('0');
  });
});
