// Every sortable column's full ascending order, built ahead of the first query and patched after changes,
// so a new sort or filter costs one pass over a ready order instead of a sort of the whole job.
import type { TaskSortColumn } from '../../../shared/models';
import type { IdOrder } from './order';
import type { Stamp, TaskStore } from './store';

/** A column's rows in ascending order (ties by id, missing values last) and how many rows have a value. */
export interface BaseOrder {
  rows: Uint32Array;
  present: number;
  /** Bit i set when position i holds the same value as position i - 1, so reversing runs reads no values. */
  ties: Uint8Array;
}

/** What a base order needs from the query module: sorting, patching and reading a column. */
export interface OrderKit {
  sort(byId: Uint32Array, column: Exclude<TaskSortColumn, 'id'>): Uint32Array;
  patch(cached: Uint32Array, since: Stamp, column: Exclude<TaskSortColumn, 'id'>): Uint32Array | undefined;
  value(column: Exclude<TaskSortColumn, 'id'>): (row: number) => number;
}

type ValueColumn = Exclude<TaskSortColumn, 'id'>;

/** Changes an order may fall behind before it is patched ahead of queries: a query patches that many in a few ms. */
export const LAZY_PATCH_CHANGES = 1024;

/** Keeps one ascending order per column, current with the store. */
export class BaseOrders {
  private readonly orders = new Map<ValueColumn, { stamp: Stamp; order: BaseOrder }>();

  constructor(
    private readonly store: TaskStore,
    private readonly idOrder: IdOrder,
    private readonly kit: OrderKit,
    private readonly columns: readonly ValueColumn[],
  ) {}

  /** The column's ascending order, patched or rebuilt when the store has moved on. */
  of(column: ValueColumn): BaseOrder {
    const stamp = this.store.stamp();
    const hit = this.orders.get(column);
    if (hit?.stamp.version === stamp.version) return hit.order;
    const patched = hit && this.kit.patch(hit.order.rows, hit.stamp, column);
    const rows = patched ?? this.kit.sort(this.idOrder.of(this.store), column);
    const value = this.kit.value(column);
    const present = presentCount(rows, value);
    const order = { rows, present, ties: tieBits(rows, present, value) };
    this.orders.set(column, { stamp, order });
    return order;
  }

  /**
   * Brings one column order up to date that a query should not have to (missing, rows moved by deletions, or more
   * than LAZY_PATCH_CHANGES behind); false when none is. Orders a few changes behind are left for the next query to patch,
   * which takes milliseconds and spares patching every column after every refresh.
   */
  warmOne(): boolean {
    const store = this.store;
    const stale = this.columns.find((column) => {
      const hit = this.orders.get(column);
      if (!hit) return true;
      if (hit.stamp.version === store.version) return false;
      // After deletions every order is renumbered ahead of time: a pass over its rows, far cheaper than a sort.
      if (hit.stamp.deletions !== store.deletions) return true;
      const changed = store.changedSince(hit.stamp.version);
      return !changed || changed.length > LAZY_PATCH_CHANGES;
    });
    if (stale === undefined) return false;
    this.of(stale);
    return true;
  }

  /** Forgets every order (the index was dropped). */
  clear(): void {
    this.orders.clear();
  }
}

/** Missing values sit at the end of an ascending order, so the first missing one is found by bisection. */
function presentCount(rows: Uint32Array, value: (row: number) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number.isNaN(value(rows[mid] ?? 0))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function tieBits(rows: Uint32Array, present: number, value: (row: number) => number): Uint8Array {
  const bits = new Uint8Array((rows.length >> 3) + 1);
  let previous = NaN;
  for (let i = 0; i < present; i++) {
    const v = value(rows[i] ?? 0);
    if (v === previous) bits[i >> 3]! |= 1 << (i & 7);
    previous = v;
  }
  return bits;
}

/**
 * The descending order of a column from its ascending one: runs of equal values come in reverse order but keep
 * their ids ascending inside, and missing values stay last, exactly as a descending sort would place them.
 */
export function descending(base: BaseOrder): Uint32Array {
  const { rows, present, ties } = base;
  const out = new Uint32Array(rows.length);
  let at = 0;
  let end = present;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && ((ties[start >> 3] ?? 0) >> (start & 7)) & 1) start--;
    // Most runs are a row or two: copying them one by one beats making a subarray view per run.
    for (let k = start; k < end; k++) out[at++] = rows[k] ?? 0;
    end = start;
  }
  out.set(rows.subarray(present), at);
  return out;
}
