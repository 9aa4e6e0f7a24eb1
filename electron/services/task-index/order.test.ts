import { describe, expect, it } from 'vitest';
import { radixSort } from './order';

/** A reference: a stable sort of the rows by hi × 2^32 + lo, ties kept in input order. */
function reference(rows: Uint32Array, lo: Uint32Array, hi?: Uint32Array): number[] {
  const key = (i: number) => (hi ? (hi[i] ?? 0) * 2 ** 32 : 0) + (lo[i] ?? 0);
  return Array.from(rows.keys())
    .sort((a, b) => key(a) - key(b) || a - b)
    .map((i) => rows[i] ?? 0);
}

let seed = 7;
const random = (below: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % below;
};

describe('radixSort', () => {
  it('sorts by a 32-bit key, stable for ties', () => {
    const n = 5000;
    const rows = Uint32Array.from({ length: n }, (_, i) => n - i);
    const lo = Uint32Array.from({ length: n }, () => random(300) * 70_001);
    expect(Array.from(radixSort(rows, lo))).toEqual(reference(rows, lo));
  });

  it('sorts by a 64-bit key when the high word varies', () => {
    const n = 3000;
    const rows = Uint32Array.from({ length: n }, (_, i) => i * 3);
    const lo = Uint32Array.from({ length: n }, () => random(2 ** 31) * 2);
    const hi = Uint32Array.from({ length: n }, () => random(5));
    expect(Array.from(radixSort(rows, lo, hi))).toEqual(reference(rows, lo, hi));
  });

  it('keeps the input order when every key is the same, and handles no rows', () => {
    const rows = Uint32Array.from([9, 4, 7]);
    expect(Array.from(radixSort(rows, new Uint32Array(3)))).toEqual([9, 4, 7]);
    expect(Array.from(radixSort(new Uint32Array(0), new Uint32Array(0)))).toEqual([]);
  });
});
