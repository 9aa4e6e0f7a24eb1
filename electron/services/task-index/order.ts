// Row orders for the task index: rows by id (kept up to date cheaply as pages append), and a stable
// radix sort of rows by unsigned keys, so sorting a million rows never calls a comparator per pair.
import type { TaskStore } from './store';

/** Every row ordered by task id (UTF-16 code unit order), rebuilt only when rows move. */
export class IdOrder {
  private order: Uint32Array = new Uint32Array(0);
  private deletions = -1;

  /** The rows in id order; appended rows are sorted on their own and merged in. */
  of(store: TaskStore): Uint32Array {
    const known = this.order.length;
    if (this.deletions !== store.deletions || known > store.count) {
      this.order = sortRowsById(store, range(0, store.count));
      this.deletions = store.deletions;
    } else if (known < store.count) {
      this.order = merge(store, this.order, sortRowsById(store, range(known, store.count)));
    }
    return this.order;
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

/**
 * Sorts `rows` stably by an unsigned key of up to 64 bits (`hi` × 2^32 + `lo`, both indexed like `rows`),
 * 16 bits per pass, skipping passes whose digit never varies. Stability keeps the incoming order for ties.
 */
export function radixSort(rows: Uint32Array, lo: Uint32Array, hi?: Uint32Array): Uint32Array {
  const n = rows.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  const words = hi ? [lo, hi] : [lo];
  for (const word of words) {
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(((word[i] ?? 0) >>> shift) & 0xffff) + 1]!++;
      if (counts.some((c) => c === n)) continue;
      for (let d = 1; d <= 65536; d++) counts[d]! += counts[d - 1]!;
      for (let i = 0; i < n; i++) {
        const at = order[i] ?? 0;
        spare[counts[((word[at] ?? 0) >>> shift) & 0xffff]!++] = at;
      }
      [order, spare] = [spare, order];
    }
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i] ?? 0] ?? 0;
  return out;
}
