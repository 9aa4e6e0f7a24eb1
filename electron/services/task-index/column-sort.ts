// Column orders for the task index: a value column's rows sorted by radix in steps, and the same order as a
// comparator for placing a few changed rows.
import type { TaskSortColumn } from '../../../shared/models';
import type { BaseOrder } from './base-orders';
import { radixSortSteps, SORT_CHUNK } from './order';
import type { TaskSort } from './query';
import { NO_EXIT_CODE, NO_RETRY, NO_STATE, NO_STRING, type TaskStore } from './store';

/** A sortable column other than the id. */
export type ValueColumn = Exclude<TaskSortColumn, 'id'>;

/**
 * Orders rows (given in id order) by a column ascending, ties by id and missing values last, yielding every `chunk`
 * rows of work. The caller must not let rows move (deletions) before it finishes; changed values are for the caller
 * to patch in afterwards, as rows not changed since the start are read the same at every step. Tie bits come from
 * the sorted keys, read in order, rather than from the column read again in sorted (random) row order.
 */
export function* sortColumnSteps(store: TaskStore, byId: Uint32Array, column: ValueColumn, chunk = SORT_CHUNK): Generator<void, BaseOrder> {
  const value = columnValue(store, column);
  const total = byId.length;
  const present = new Uint32Array(total);
  const values = new Float64Array(total);
  const missing = new Uint32Array(total);
  let n = 0;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    for (let i = from; i < to; i++) {
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
    yield;
  }
  // Keys are offsets from the smallest value, so most columns need one 32-bit word.
  const wide = max - min >= 2 ** 32;
  const lo = new Uint32Array(n);
  const hi = wide ? new Uint32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const v = (values[i] ?? 0) - min;
    // Every key is a whole number, and a Uint32Array store keeps it modulo 2^32 without a float division.
    lo[i] = v;
    if (hi) hi[i] = Math.floor(v / 2 ** 32);
  }
  yield;
  const sorted = yield* radixSortSteps(present.subarray(0, n), lo, hi, chunk);
  const rows = new Uint32Array(total);
  rows.set(sorted.rows);
  rows.set(missing.subarray(0, m), n);
  const ties = new Uint8Array((total >> 3) + 1);
  const keyLo = sorted.lo;
  const keyHi = sorted.hi;
  for (let i = 1; i < n; i++) {
    if (keyLo[i] === keyLo[i - 1] && (!keyHi || keyHi[i] === keyHi[i - 1])) ties[i >> 3]! |= 1 << (i & 7);
  }
  return { rows, present: n, ties };
}

/** The order `sortColumnSteps` gives (in either direction), as a comparator, for placing a few changed rows into a sorted permutation. */
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
export function columnValue(store: TaskStore, column: ValueColumn): (row: number) => number {
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
