// Windows of a job's tasks: filter and sort over the whole index, cached per (filter, sort, version)
// so scrolling through a million rows only slices a ready permutation.
import type { TaskIndexState, TaskRow, TaskSortColumn } from '../../../shared/models';
import { IdOrder, radixSort } from './order';
import { NO_EXIT_CODE, NO_RETRY, NO_STATE, NO_STRING, STATE_CODES, type TaskStore } from './store';

/** What a window keeps; absent parts match every task. */
export interface TaskFilter {
  states?: readonly TaskIndexState[];
  exitCode?: number;
  nodeId?: string;
  contains?: string;
}

/** How a window is ordered; ties always go by id ascending, missing values always last. */
export interface TaskSort {
  column: TaskSortColumn;
  direction: 'asc' | 'desc';
}

/** A window of matching rows and how many match in all. */
export interface QueryResult {
  total: number;
  rows: TaskRow[];
}

/** How many (filter, sort) permutations one index keeps (4 bytes a row each), current or patchable. */
const CACHED_ORDERS = 4;

const COMPLETED = STATE_CODES.indexOf('completed');
const SUCCESS = 1;
const FAILURE = 2;

/** Answers window queries on one store, reusing the sorted permutation while the store is unchanged. */
export class TaskQuery {
  private readonly idOrder = new IdOrder();
  private readonly cache = new Map<string, { version: number; rows: Uint32Array }>();

  constructor(private readonly store: TaskStore) {}

  /** The rows [offset, offset + limit) of the tasks matching `filter`, ordered by `sort`. */
  window(offset: number, limit: number, filter: TaskFilter = {}, sort: TaskSort = { column: 'id', direction: 'asc' }): QueryResult {
    const order = this.ordered(filter, sort);
    const rows: TaskRow[] = [];
    const end = Math.min(order.length, offset + limit);
    for (let i = offset; i < end; i++) rows.push(this.store.toRow(order[i] ?? 0));
    return { total: order.length, rows };
  }

  /** Every matching row in window order (cached; after a few changes the cached order is patched, not rebuilt). */
  ordered(filter: TaskFilter, sort: TaskSort): Uint32Array {
    const key = JSON.stringify([filter.states ? [...filter.states].sort() : null, filter.exitCode ?? null, filter.nodeId ?? null, filter.contains ?? null, sort.column, sort.direction]);
    const hit = this.cache.get(key);
    const version = this.store.version;
    let rows = hit?.version === version ? hit.rows : hit && patch(this.store, hit.rows, hit.version, filter, sort);
    rows ??= sortRows(this.store, filterRows(this.store, this.idOrder.of(this.store), filter), sort);
    this.cache.delete(key);
    this.cache.set(key, { version, rows });
    for (const old of this.cache.keys()) if (this.cache.size > CACHED_ORDERS) this.cache.delete(old);
    return rows;
  }
}

/**
 * A cached order brought up to date by taking the changed rows out and putting back those that still match,
 * each at its place by binary search; undefined when rows moved or too much changed, so a rebuild is cheaper.
 */
function patch(store: TaskStore, cached: Uint32Array, since: number, filter: TaskFilter, sort: TaskSort): Uint32Array | undefined {
  const changed = store.changedSince(since);
  if (!changed || changed.length > (cached.length >> 4) + 256) return undefined;
  const mark = new Uint8Array(store.count);
  const fresh: number[] = [];
  const test = rowTest(store, filter);
  for (const row of changed) {
    if (mark[row]) continue;
    mark[row] = 1;
    if (!test || test(row)) fresh.push(row);
  }
  const kept = new Uint32Array(cached.length);
  let n = 0;
  for (let i = 0; i < cached.length; i++) {
    const row = cached[i] ?? 0;
    if (!mark[row]) kept[n++] = row;
  }
  const compare = compareRows(store, sort);
  fresh.sort(compare);
  const out = new Uint32Array(n + fresh.length);
  let from = 0;
  let at = 0;
  for (const row of fresh) {
    let lo = from;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid] ?? 0, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.set(kept.subarray(from, lo), at);
    at += lo - from;
    out[at++] = row;
    from = lo;
  }
  out.set(kept.subarray(from, n), at);
  return out;
}

/** The rows of `byId` (kept in its order) that match the filter. */
export function filterRows(store: TaskStore, byId: Uint32Array, filter: TaskFilter): Uint32Array {
  const test = rowTest(store, filter);
  if (!test) return byId;
  const out = new Uint32Array(byId.length);
  let n = 0;
  for (let i = 0; i < byId.length; i++) {
    const row = byId[i] ?? 0;
    if (test(row)) out[n++] = row;
  }
  return out.slice(0, n);
}

function rowTest(store: TaskStore, filter: TaskFilter): ((row: number) => boolean) | undefined {
  const tests: ((row: number) => boolean)[] = [];
  if (filter.states?.length) {
    const states = new Set(filter.states.filter((s) => s !== 'succeeded' && s !== 'failed').map((s) => STATE_CODES.indexOf(s as (typeof STATE_CODES)[number])));
    const results = new Set<number>();
    if (filter.states.includes('succeeded')) results.add(SUCCESS);
    if (filter.states.includes('failed')) results.add(FAILURE);
    tests.push((row) => {
      const state = store.state[row] ?? NO_STATE;
      return states.has(state) || (state === COMPLETED && results.has(store.result[row] ?? 0));
    });
  }
  if (filter.exitCode !== undefined) {
    const code = filter.exitCode;
    tests.push((row) => store.exitCode[row] === code);
  }
  if (filter.nodeId !== undefined) {
    const node = store.nodes.values.indexOf(filter.nodeId);
    tests.push((row) => node > 0 && store.node[row] === node);
  }
  if (filter.contains !== undefined) {
    // A case-insensitive literal regex tests each string without the lower-cased copy toLowerCase would allocate.
    const needle = new RegExp(filter.contains.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    tests.push((row) => includes(store.ids[row], needle) || includes(store.names[row], needle));
  }
  if (tests.length === 0) return undefined;
  return (row) => tests.every((test) => test(row));
}

function includes(text: string | undefined, needle: RegExp): boolean {
  return text !== undefined && needle.test(text);
}

/** Orders rows (given in id order) by a column; missing values go last in both directions. */
export function sortRows(store: TaskStore, byId: Uint32Array, sort: TaskSort): Uint32Array {
  const desc = sort.direction === 'desc';
  if (sort.column === 'id') return desc ? byId.slice().reverse() : byId;
  const value = columnValue(store, sort.column);
  const present = new Uint32Array(byId.length);
  const values = new Float64Array(byId.length);
  const missing = new Uint32Array(byId.length);
  let n = 0;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < byId.length; i++) {
    const row = byId[i] ?? 0;
    const v = value(row);
    if (Number.isNaN(v)) missing[m++] = row;
    else {
      present[n] = row;
      values[n++] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // Keys are offsets from the smallest (or, descending, the largest) value, so most columns need one 32-bit word.
  const wide = max - min >= 2 ** 32;
  const lo = new Uint32Array(n);
  const hi = wide ? new Uint32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const v = desc ? max - (values[i] ?? 0) : (values[i] ?? 0) - min;
    // Every key is a whole number, and a Uint32Array store keeps it modulo 2^32 without a float division.
    lo[i] = v;
    if (hi) hi[i] = Math.floor(v / 2 ** 32);
  }
  const sorted = radixSort(present.subarray(0, n), lo, hi);
  const out = new Uint32Array(byId.length);
  out.set(sorted);
  out.set(missing.subarray(0, m), n);
  return out;
}

/** The same order as `sortRows`, as a comparator, for placing a few changed rows into a sorted permutation. */
export function compareRows(store: TaskStore, sort: TaskSort): (a: number, b: number) => number {
  const ids = store.ids;
  const byId = (a: number, b: number) => {
    const x = ids[a] ?? '';
    const y = ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (sort.column === 'id') return sort.direction === 'desc' ? (a, b) => byId(b, a) : byId;
  const value = columnValue(store, sort.column);
  const sign = sort.direction === 'desc' ? -1 : 1;
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    const noX = Number.isNaN(x);
    const noY = Number.isNaN(y);
    if (noX || noY) return noX && noY ? byId(a, b) : noX ? 1 : -1;
    return x !== y ? sign * (x - y) : byId(a, b);
  };
}

/** A column's value at a row as a number ordered like the column (NaN when the row has none). */
function columnValue(store: TaskStore, column: Exclude<TaskSortColumn, 'id'>): (row: number) => number {
  switch (column) {
    case 'state':
      return (row) => (store.state[row] === NO_STATE ? NaN : (store.state[row] ?? NaN));
    case 'exitCode':
      return (row) => (store.exitCode[row] === NO_EXIT_CODE ? NaN : (store.exitCode[row] ?? NaN));
    case 'retryCount':
      return (row) => (store.retryCount[row] === NO_RETRY ? NaN : (store.retryCount[row] ?? NaN));
    case 'nodeId': {
      const rank = nameRanks(store.nodes.values);
      return (row) => {
        const node = store.node[row] ?? NO_STRING;
        return node === NO_STRING ? NaN : (rank[node] ?? NaN);
      };
    }
    case 'creationTime':
      return (row) => store.creationTime[row] ?? NaN;
    case 'startTime':
      return (row) => store.startTime[row] ?? NaN;
    case 'endTime':
      return (row) => store.endTime[row] ?? NaN;
    case 'duration':
      return (row) => {
        const ms = (store.endTime[row] ?? NaN) - (store.startTime[row] ?? NaN);
        return ms >= 0 ? ms : NaN;
      };
  }
}

function nameRanks(values: readonly string[]): Uint32Array {
  const codes = values.map((_, i) => i).sort((a, b) => ((values[a] ?? '') < (values[b] ?? '') ? -1 : 1));
  const rank = new Uint32Array(values.length);
  codes.forEach((code, i) => (rank[code] = i));
  return rank;
}
