// Every sortable column's full ascending order, built ahead of the first query and patched after changes,
// so a new sort or filter costs one pass over a ready order instead of a sort of the whole job.
import type { ValueColumn } from './column-sort';
import { chunks, drain, SORT_CHUNK, type IdOrder } from './order';
import type { Stamp, TaskStore } from './store';

/** A column's rows in ascending order (ties by id, missing values last) and how many rows have a value. */
export interface BaseOrder {
  rows: Uint32Array;
  present: number;
  /**
   * Bit i set when position i holds the same value as position i - 1, so reversing runs reads no values. Undefined
   * after a patch made for an ascending query: only descending reads need them, and they cost a pass over the column
   * in sorted (random) row order.
   */
  ties: Uint8Array | undefined;
}

/** What a base order needs from the query module: a stepped sort, patching and reading a column. */
export interface OrderKit {
  sort(byId: Uint32Array, column: ValueColumn, chunk: number): Generator<void, BaseOrder>;
  patch(cached: Uint32Array, since: Stamp, column: ValueColumn): Uint32Array | undefined;
  value(column: ValueColumn): (row: number) => number;
}

/** Changes an order may fall behind before it is patched ahead of queries: a query patches that many in a few ms. */
export const LAZY_PATCH_CHANGES = 1024;

/** A column order being built in idle time, with the store's stamp it will be current for. */
interface PendingOrder {
  column: ValueColumn;
  stamp: Stamp;
  steps: Generator<void, BaseOrder>;
}

/** Keeps one ascending order per column, current with the store. */
export class BaseOrders {
  private readonly orders = new Map<ValueColumn, { stamp: Stamp; order: BaseOrder }>();
  private pending: PendingOrder | undefined;

  constructor(
    private readonly store: TaskStore,
    private readonly idOrder: IdOrder,
    private readonly kit: OrderKit,
    private readonly columns: readonly ValueColumn[],
    private readonly chunk = SORT_CHUNK,
  ) {}

  /** The column's ascending order, patched or rebuilt when the store has moved on. */
  of(column: ValueColumn): BaseOrder {
    if (this.pending?.column === column) this.advance(true);
    const stamp = this.store.stamp();
    const hit = this.orders.get(column);
    if (hit?.stamp.version === stamp.version) return hit.order;
    const order = drain(this.rebuild(column, false));
    this.orders.set(column, { stamp, order });
    return order;
  }

  /** The column's descending order, read from the ascending one by reversing runs of ties. */
  descending(column: ValueColumn): Uint32Array {
    const order = this.of(column);
    const ties = (order.ties ??= drain(tieSteps(order, this.kit.value(column), this.chunk)));
    return descending(order.rows, order.present, ties);
  }

  /**
   * Does one step of bringing a column order up to date that a query should not have to (missing, rows moved by
   * deletions, or more than LAZY_PATCH_CHANGES behind); false when none is. Sorts and tie bits are spread over steps
   * of a few milliseconds each, so a query or a page of the sync never waits behind a whole column. Orders a few
   * changes behind are left for the next query to patch, which takes milliseconds and spares patching every column
   * after every refresh.
   */
  warmOne(): boolean {
    if (this.pending) {
      this.advance(false);
      return true;
    }
    const stale = this.columns.find((column) => this.needsWork(column));
    if (stale === undefined) return false;
    const hit = this.orders.get(stale);
    if (hit?.stamp.version === this.store.version) {
      // Current, but patched for an ascending query without tie bits: add them, so a descending sort finds them.
      const order = hit.order;
      this.pending = { column: stale, stamp: hit.stamp, steps: withTies(order, this.kit.value(stale), this.chunk) };
    } else this.pending = { column: stale, stamp: this.store.stamp(), steps: this.rebuild(stale, true) };
    return true;
  }

  /** Forgets every order (the index was dropped). */
  clear(): void {
    this.orders.clear();
    this.pending = undefined;
  }

  /**
   * The steps to a current order: the cached one patched (at once) when the logs allow, with tie bits only when
   * asked, else a new sort (whose tie bits come free from its sorted keys).
   */
  private rebuild(column: ValueColumn, ties: boolean): Generator<void, BaseOrder> {
    const hit = this.orders.get(column);
    const patched = hit && this.kit.patch(hit.order.rows, hit.stamp, column);
    if (!patched) return this.kit.sort(this.idOrder.of(this.store), column, this.chunk);
    const value = this.kit.value(column);
    const order: BaseOrder = { rows: patched, present: presentCount(patched, value), ties: undefined };
    return withTies(order, value, this.chunk, ties);
  }

  private needsWork(column: ValueColumn): boolean {
    const store = this.store;
    const hit = this.orders.get(column);
    if (!hit) return true;
    if (hit.stamp.version === store.version) return !hit.order.ties;
    // After deletions every order is renumbered ahead of time: a pass over its rows, far cheaper than a sort.
    if (hit.stamp.deletions !== store.deletions) return true;
    const changed = store.changedSince(hit.stamp.version);
    return !changed || changed.length > LAZY_PATCH_CHANGES;
  }

  /**
   * Advances the pending order by one step, or to its end when `all`. Work that rows moved under (deletions) holds
   * rows by numbers that no longer name the same tasks, so it is dropped and starts again from the cached order.
   */
  private advance(all: boolean): void {
    const pending = this.pending!;
    if (pending.stamp.deletions !== this.store.deletions) {
      this.pending = undefined;
      return;
    }
    const next = all ? { done: true as const, value: drain(pending.steps) } : pending.steps.next();
    if (!next.done) return;
    this.pending = undefined;
    // Rows changed since the work began are patched in by the next `of`, from the stamp it began with.
    this.orders.set(pending.column, { stamp: pending.stamp, order: next.value });
  }
}

/** The order with its tie bits filled in over steps (unless `ties` is false, for a query that reads it ascending). */
function* withTies(order: BaseOrder, value: (row: number) => number, chunk: number, ties = true): Generator<void, BaseOrder> {
  if (ties) order.ties = yield* tieSteps(order, value, chunk);
  return order;
}

/** Tie bits from the column read in sorted row order: random reads, so in chunks. */
function* tieSteps(order: BaseOrder, value: (row: number) => number, chunk: number): Generator<void, Uint8Array> {
  const { rows, present } = order;
  const ties = new Uint8Array((rows.length >> 3) + 1);
  let previous = NaN;
  yield* chunks(present, chunk, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = value(rows[i] ?? 0);
      if (v === previous) ties[i >> 3]! |= 1 << (i & 7);
      previous = v;
    }
  });
  return ties;
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

/**
 * The descending order of a column from its ascending one: runs of equal values come in reverse order but keep
 * their ids ascending inside, and missing values stay last, exactly as a descending sort would place them.
 */
function descending(rows: Uint32Array, present: number, ties: Uint8Array): Uint32Array {
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
