// Windows of a job's tasks: filter and sort over the whole index, cached per (filter, sort, version)
// so scrolling through a million rows only slices a ready permutation.
import { TASK_SORT_COLUMNS, type TaskIndexState, type TaskRow, type TaskSortColumn } from '../../../shared/models';
import { BaseOrders } from './base-orders';
import { columnValue, compareRows, sortColumnSteps, type ValueColumn } from './column-sort';
import { IdOrder, SORT_CHUNK } from './order';
import { NO_STATE, STATE_CODES, type Stamp, type TaskStore } from './store';
import { TextIndex } from './text-index';

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
  private readonly text: TextIndex;
  private readonly bases: BaseOrders;
  private readonly cache = new Map<string, { stamp: Stamp; rows: Uint32Array }>();

  /** `chunk` is how many rows one idle-time step of a column sort covers (small in tests, to exercise the steps). */
  constructor(
    private readonly store: TaskStore,
    chunk = SORT_CHUNK,
  ) {
    this.text = new TextIndex(store);
    this.bases = new BaseOrders(
      store,
      this.idOrder,
      {
        sort: (byId, column, chunk) => sortColumnSteps(store, byId, column, chunk),
        patch: (cached, since, column) => patch(store, cached, since, {}, { column, direction: 'asc' }),
        value: (column) => columnValue(store, column),
      },
      TASK_SORT_COLUMNS.filter((c): c is ValueColumn => c !== 'id'),
      chunk,
    );
  }

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
    const stamp = this.store.stamp();
    let rows = hit?.stamp.version === stamp.version ? hit.rows : hit && patch(this.store, hit.rows, hit.stamp, filter, sort);
    // Ids are unique, so descending ids are the id order read backwards: no reversed copy before filtering.
    const backwards = sort.column === 'id' && sort.direction === 'desc';
    rows ??= filterRows(this.store, backwards ? this.idOrder.of(this.store) : this.base(sort), filter, this.text, backwards);
    this.cache.delete(key);
    this.cache.set(key, { stamp, rows });
    for (const old of this.cache.keys()) if (this.cache.size > CACHED_ORDERS) this.cache.delete(old);
    return rows;
  }

  /**
   * Does one slice of the work a first query would otherwise pay for (the id order, the text index, one column's
   * order); false once everything is current. The manager calls it between events while the index is idle.
   */
  prepareStep(): boolean {
    if (this.idOrder.stale(this.store)) {
      this.idOrder.step(this.store);
      return true;
    }
    if (this.text.refresh(1)) return true;
    return this.bases.warmOne();
  }

  /** Every row in the order of a value column, from its prepared ascending order. */
  private base(sort: TaskSort): Uint32Array {
    if (sort.column === 'id') return this.idOrder.of(this.store);
    return sort.direction === 'desc' ? this.bases.descending(sort.column) : this.bases.of(sort.column).rows;
  }
}

// Patching and filtering are synchronous and never nested, so one pair of scratch buffers serves every index: they
// then leave no megabytes of garbage behind, which would otherwise come back as collection pauses in later queries.
let scratchMark = new Uint8Array(0);
let scratchKept = new Uint32Array(0);

/** How many changes a patch takes on before a rebuild is cheaper. */
function patchLimit(rows: number): number {
  return (rows >> 4) + 256;
}

/**
 * A cached order brought up to date: rows deleted since drop out and rows moved are renumbered, then the changed rows
 * are taken out and those that still match put back, each at its place by binary search. Undefined when the logs no
 * longer reach back or too much changed, so a rebuild is cheaper.
 */
function patch(store: TaskStore, order: Uint32Array, since: Stamp, filter: TaskFilter, sort: TaskSort): Uint32Array | undefined {
  const changed = store.changedSince(since.version);
  if (!changed || changed.length > patchLimit(order.length)) return undefined;
  let cached = order;
  if (since.deletions !== store.deletions) {
    const moves = store.movesSince(since.deletions, since.count);
    if (!moves) return undefined;
    cached = renumber(order, moves.now);
  }
  if (scratchMark.length < store.count) scratchMark = new Uint8Array(store.count * 1.25);
  if (scratchKept.length < cached.length) scratchKept = new Uint32Array(cached.length * 1.25);
  const mark = scratchMark;
  const kept = scratchKept;
  const fresh: number[] = [];
  const test = rowTest(store, filter);
  for (const row of changed) {
    if (mark[row]) continue;
    mark[row] = 1;
    if (!test || test(row)) fresh.push(row);
  }
  let n = 0;
  for (let i = 0; i < cached.length; i++) {
    const row = cached[i] ?? 0;
    if (!mark[row]) kept[n++] = row;
  }
  for (const row of changed) mark[row] = 0;
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

/** An order with deleted rows left out and moved rows under their new numbers (`now[old]`, -1 when deleted). */
function renumber(order: Uint32Array, now: Int32Array): Uint32Array {
  const out = new Uint32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const row = now[order[i] ?? 0] ?? -1;
    if (row >= 0) out[n++] = row;
  }
  return out.subarray(0, n);
}

/**
 * The rows of `order` that match the filter, in that order (or read backwards); `text` answers "contains" for every
 * row at once.
 */
export function filterRows(store: TaskStore, order: Uint32Array, filter: TaskFilter, text?: TextIndex, backwards = false): Uint32Array {
  const plan = filterPlan(store, filter, text);
  if (!plan) return backwards ? order.slice().reverse() : order;
  // Matches gather in the shared scratch buffer and only they are copied out: a filter that keeps a few thousand
  // rows of a million then allocates kilobytes, not megabytes.
  if (scratchKept.length < order.length) scratchKept = new Uint32Array(order.length * 1.25);
  const out = scratchKept;
  let n = 0;
  const last = order.length - 1;
  for (let i = 0; i <= last; i++) {
    const row = order[backwards ? last - i : i] ?? 0;
    if (planMatches(store, plan, row)) out[n++] = row;
  }
  return out.slice(0, n);
}

/** A filter as table lookups and plain comparisons, so one pass over a million rows stays monomorphic. */
interface FilterPlan {
  /** Indexed by state code × 4 + result code. */
  states?: Uint8Array;
  exitCode?: number;
  /** The interned node, or -1 when no row can have it. */
  node?: number;
  /** Rows whose id or name contains the text (from the text index). */
  mask?: Uint8Array;
  /** The same "contains" test row by row, for a handful of changed rows. */
  needle?: RegExp;
}

function filterPlan(store: TaskStore, filter: TaskFilter, text?: TextIndex): FilterPlan | undefined {
  const plan: FilterPlan = {};
  if (filter.states?.length) {
    const table = new Uint8Array(256 * 4);
    for (const name of filter.states) {
      if (name === 'succeeded' || name === 'failed') table[COMPLETED * 4 + (name === 'succeeded' ? SUCCESS : FAILURE)] = 1;
      else for (let result = 0; result < 4; result++) table[STATE_CODES.indexOf(name) * 4 + result] = 1;
    }
    plan.states = table;
  }
  if (filter.exitCode !== undefined) plan.exitCode = filter.exitCode;
  if (filter.nodeId !== undefined) {
    const node = store.nodes.values.indexOf(filter.nodeId);
    plan.node = node > 0 ? node : -1;
  }
  if (filter.contains !== undefined && text && TextIndex.accepts(filter.contains)) plan.mask = text.matches(filter.contains);
  else if (filter.contains !== undefined) {
    // For a few rows (patching a cached order) a case-insensitive literal regex is cheaper than the text index.
    plan.needle = new RegExp(filter.contains.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
  return Object.keys(plan).length ? plan : undefined;
}

function planMatches(store: TaskStore, plan: FilterPlan, row: number): boolean {
  if (plan.states && plan.states[((store.state[row] ?? NO_STATE) << 2) | (store.result[row] ?? 0)] !== 1) return false;
  if (plan.exitCode !== undefined && store.exitCode[row] !== plan.exitCode) return false;
  if (plan.node !== undefined && store.node[row] !== plan.node) return false;
  if (plan.mask && plan.mask[row] !== 1) return false;
  if (plan.needle && !(includes(store.ids[row], plan.needle) || includes(store.names[row], plan.needle))) return false;
  return true;
}

function rowTest(store: TaskStore, filter: TaskFilter): ((row: number) => boolean) | undefined {
  const plan = filterPlan(store, filter);
  return plan && ((row) => planMatches(store, plan, row));
}

function includes(text: string | undefined, needle: RegExp): boolean {
  return text !== undefined && needle.test(text);
}
