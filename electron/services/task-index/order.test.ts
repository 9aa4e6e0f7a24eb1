import { describe, expect, it } from 'vitest';
import { IdOrder, radixSort } from './order';
import { TaskStore } from './store';

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

describe('IdOrder', () => {
  const sorted = (store: TaskStore) => [...store.ids].slice(0, store.count).sort();
  const idsOf = (store: TaskStore, order: Uint32Array) => [...order].map((row) => store.ids[row]);

  it('follows deleted and moved rows, and rows appended in between, to the order a full sort gives', () => {
    const store = new TaskStore();
    for (let i = 0; i < 400; i++) store.upsert({ id: `k${(i * 7919) % 1009}` });
    const order = new IdOrder();
    expect(idsOf(store, order.of(store))).toEqual(sorted(store));
    for (let round = 0; round < 4; round++) {
      // Deletions anywhere, the last row among them, with appends before, between and after.
      for (let i = 0; i < 15; i++) store.upsert({ id: `new-${round}-${random(10_000)}` });
      for (let i = 0; i < 25; i++) store.delete(store.ids[random(store.count)]!);
      store.delete(store.ids[store.count - 1]!);
      for (let i = 0; i < 10; i++) store.upsert({ id: `late-${round}-${random(10_000)}` });
      expect(store.movesSince(store.deletions - 26, 0)).toBeDefined();
      expect(idsOf(store, order.of(store))).toEqual(sorted(store));
    }
  });

  it('catches up in slices of appended rows, and stays exact when deletions and appends land between slices', () => {
    const store = new TaskStore();
    for (let i = 0; i < 300; i++) store.upsert({ id: `k${(i * 7919) % 1009}` });
    const order = new IdOrder();
    let steps = 0;
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 2 && order.step(store, 16); i++) steps++;
      if (round % 2) store.delete(store.ids[random(store.count)]!);
      store.upsert({ id: `new-${round}-${random(10_000)}` });
    }
    while (order.step(store, 16)) steps++;
    expect(steps).toBeGreaterThan(300 / 16 - 6);
    expect(order.stale(store)).toBe(false);
    expect(idsOf(store, order.of(store))).toEqual(sorted(store));
  });

  it('answers moves only for the deletions its log holds', () => {
    const store = new TaskStore();
    for (let i = 0; i < 50; i++) store.upsert({ id: `t${i}` });
    store.delete('t3');
    expect(store.movesSince(-1, 50)).toBeUndefined();
    expect(store.movesSince(2, 50)).toBeUndefined();
    const moves = store.movesSince(0, 50)!;
    // t3's row now holds the last task, t49; the last row is gone.
    expect(moves.now[3]).toBe(-1);
    expect(moves.now[49]).toBe(3);
    expect(store.ids[3]).toBe('t49');
    expect(moves.fresh).toEqual([]);
  });
});
