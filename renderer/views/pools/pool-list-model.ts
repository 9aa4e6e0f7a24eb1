// Pure logic of the pools list: the state filter, id search and the compact node-count column.
import type { NodeCountsByState, PoolSummary } from '../../../shared/models';
import { NODE_STATES, type NodeState } from './node-states';

/** The choices of the pools list's state filter: pool states and allocation states together. */
export const POOL_FILTERS = [
  { value: 'all', label: 'All pools' },
  { value: 'active', label: 'Active' },
  { value: 'deleting', label: 'Deleting' },
  { value: 'steady', label: 'Steady' },
  { value: 'resizing', label: 'Resizing' },
  { value: 'stopping', label: 'Stopping resize' },
  { value: 'resizeErrors', label: 'With resize errors' },
] as const;

/** One value of the pools list's state filter. */
export type PoolFilter = (typeof POOL_FILTERS)[number]['value'];

/** True when a pool passes the filter. */
export function matchesPoolFilter(pool: PoolSummary, filter: PoolFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
    case 'deleting':
      return pool.state === filter;
    case 'steady':
    case 'resizing':
    case 'stopping':
      return pool.allocationState === filter;
    case 'resizeErrors':
      return (pool.resizeErrors?.length ?? 0) > 0;
  }
}

/** The pools that pass the filter and whose id (or display name) contains the search text, ordered by id (numbers in ids compare as numbers). */
export function filterPools(pools: readonly PoolSummary[], filter: PoolFilter, search: string): PoolSummary[] {
  const needle = search.trim().toLowerCase();
  return pools
    .filter((p) => matchesPoolFilter(p, filter))
    .filter((p) => !needle || p.id.toLowerCase().includes(needle) || (p.displayName?.toLowerCase().includes(needle) ?? false))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** A parsed filter value from the URL; anything unknown means "all". */
export function parsePoolFilter(value: string | null): PoolFilter {
  return POOL_FILTERS.some((f) => f.value === value) ? (value as PoolFilter) : 'all';
}

/** Dedicated plus spot nodes per state, non-zero only, in NODE_STATES order. */
export function compactNodeCounts(counts: PoolSummary['nodeCounts']): { state: NodeState; count: number }[] {
  if (!counts) return [];
  const add = (c: NodeCountsByState | undefined, s: NodeState) => Number(c?.[s] ?? 0);
  return NODE_STATES.map((state) => ({ state, count: add(counts.dedicated, state) + add(counts.lowPriority, state) })).filter(
    (c) => c.count > 0,
  );
}

/** "current / target" for a node column; the target is left out when it equals the current count. */
export function currentOverTarget(current: number | undefined, target: number | undefined): string {
  const c = current ?? 0;
  const t = target ?? 0;
  return c === t ? String(c) : `${c} → ${t}`;
}
