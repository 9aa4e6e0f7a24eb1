// Row orders for the task index: rows by id (kept up to date cheaply as pages append), and a stable
// radix sort of rows by unsigned keys, so sorting a million rows never calls a comparator per pair.
import type { TaskStore } from './store';

/** Appended rows one idle-time step sorts and merges into the id order: a few milliseconds of string compares. */
export const ID_CHUNK = 65_536;

/** Every row ordered by task id (UTF-16 code unit order), kept up to date by merging rather than sorting again. */
export class IdOrder {
  private order: Uint32Array = new Uint32Array(0);
  private deletions = -1;

  /** True when the store has moved on since the order was last brought up to date. */
  stale(store: TaskStore): boolean {
    return this.deletions !== store.deletions || this.order.length !== store.count;
  }

  /** The rows in id order, brought fully up to date. */
  of(store: TaskStore): Uint32Array {
    this.catchUp(store, Infinity);
    return this.order;
  }

  /** Brings the order up to date by at most `chunk` appended rows, for idle time; true while more remains. */
  step(store: TaskStore, chunk = ID_CHUNK): boolean {
    this.catchUp(store, chunk);
    return this.stale(store);
  }

  /**
   * Appended rows are sorted on their own and merged in, at most `limit` of them; after deletions the order follows
   * the moved rows (ids never change, so it stays sorted) instead of sorting a million ids again. The order always
   * holds exactly the rows [0, its length), so the rows still to merge are the ones after it. The first call starts
   * from an empty order, so even a store filled before anyone asked is merged in slices.
   */
  private catchUp(store: TaskStore, limit: number): void {
    if (this.deletions < 0) {
      this.deletions = store.deletions;
      this.order = new Uint32Array(0);
    }
    if (this.deletions !== store.deletions) {
      const known = this.order.length;
      const moves = store.movesSince(this.deletions, known);
      this.deletions = store.deletions;
      if (!moves) this.order = new Uint32Array(0);
      else {
        const kept = new Uint32Array(known);
        let n = 0;
        for (let i = 0; i < known; i++) {
          const row = moves.now[this.order[i] ?? 0] ?? -1;
          if (row >= 0) kept[n++] = row;
        }
        // The rows below `known` the order lacks are rows it never saw that deletions moved down into freed places.
        const below = Math.min(known, store.count);
        const fresh = moves.fresh.filter((row) => row < below);
        this.order = merge(store, kept.subarray(0, n), sortRowsById(store, Uint32Array.from(fresh)));
      }
    }
    const known = this.order.length;
    if (known < store.count) this.order = merge(store, this.order, sortRowsById(store, range(known, Math.min(store.count, known + limit))));
  }
}

function range(from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

function sortRowsById(store: TaskStore, rows: Uint32Array): Uint32Array {
  const ids = store.ids;
  return rows.sort((a, b) => {
    const x = ids[a] ?? '';
    const y = ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function merge(store: TaskStore, a: Uint32Array, b: Uint32Array): Uint32Array {
  const ids = store.ids;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if ((ids[y] ?? '') < (ids[x] ?? '')) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  out.set(a.subarray(i), k);
  out.set(b.subarray(j), k + a.length - i);
  return out;
}

/** Rows of work between two yields of a stepped sort: a few milliseconds at most, so I/O never waits long. */
export const SORT_CHUNK = 131_072;

/** Runs a stepped computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Calls `body(from, to)` over [0, n) in chunks, yielding between them. */
export function* chunks(n: number, chunk: number, body: (from: number, to: number) => void): Generator<void, void> {
  for (let from = 0; from < n; from += chunk) {
    body(from, Math.min(n, from + chunk));
    yield;
  }
}

/** Rows sorted by key, with their keys in the same order. */
export interface SortedByKey {
  rows: Uint32Array;
  lo: Uint32Array;
  hi: Uint32Array | undefined;
}

/** Sorts `rows` stably by an unsigned key; see `radixSortSteps`. */
export function radixSort(rows: Uint32Array, lo: Uint32Array, hi?: Uint32Array): Uint32Array {
  return drain(radixSortSteps(rows, lo, hi)).rows;
}

/**
 * Sorts `rows` stably by an unsigned key of up to 64 bits (`hi` × 2^32 + `lo`, both indexed like `rows`),
 * 16 bits per pass, skipping passes whose digit never varies, and yields every `chunk` rows of work so a caller can
 * spread a million-row sort over many turns of the event loop. Stability keeps the incoming order for ties.
 * Keys travel with their positions from pass to pass, so every pass reads its input in order rather than
 * jumping through the key arrays, which halves the time on a million rows; they come out sorted too.
 */
export function* radixSortSteps(rows: Uint32Array, lo: Uint32Array, hi?: Uint32Array, chunk = SORT_CHUNK): Generator<void, SortedByKey> {
  const n = rows.length;
  const digits: { word: 0 | 1; shift: 0 | 16; counts: Uint32Array }[] = [];
  for (const word of hi ? ([0, 1] as const) : ([0] as const)) for (const shift of [0, 16] as const) digits.push({ word, shift, counts: new Uint32Array(65536) });
  // Every digit's histogram in one pass: they do not depend on the order the passes leave behind.
  for (const digit of digits) {
    const keys = digit.word === 0 ? lo : hi!;
    const { counts, shift } = digit;
    yield* chunks(n, chunk, (from, to) => {
      for (let i = from; i < to; i++) counts[((keys[i] ?? 0) >>> shift) & 0xffff]!++;
    });
  }
  let at: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) at[i] = i;
  let keyLo: Uint32Array = lo;
  let keyHi: Uint32Array | undefined = hi;
  for (const { word, shift, counts } of digits) {
    let sum = 0;
    let single = false;
    for (let d = 0; d < 65536; d++) {
      const count = counts[d] ?? 0;
      if (count === n) single = true;
      counts[d] = sum;
      sum += count;
    }
    if (single) continue;
    const source = word === 0 ? keyLo : keyHi!;
    const fromAt = at;
    const fromLo = keyLo;
    const fromHi = keyHi;
    const nextAt = new Uint32Array(n);
    const nextLo = new Uint32Array(n);
    const nextHi = fromHi ? new Uint32Array(n) : undefined;
    yield* chunks(n, chunk, (from, to) => {
      for (let i = from; i < to; i++) {
        const place = counts[((source[i] ?? 0) >>> shift) & 0xffff]!++;
        nextAt[place] = fromAt[i] ?? 0;
        nextLo[place] = fromLo[i] ?? 0;
        if (nextHi) nextHi[place] = fromHi![i] ?? 0;
      }
    });
    at = nextAt;
    keyLo = nextLo;
    keyHi = nextHi;
  }
  const out = new Uint32Array(n);
  const sortedAt = at;
  yield* chunks(n, chunk, (from, to) => {
    for (let i = from; i < to; i++) out[i] = rows[sortedAt[i] ?? 0] ?? 0;
  });
  return { rows: out, lo: keyLo, hi: keyHi };
}
