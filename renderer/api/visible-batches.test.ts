import { describe, expect, it } from 'vitest';
import { TASK_COUNTS_BATCH, idBatches, sameIds, visibleIds } from './visible-batches';

const ids = Array.from({ length: 500 }, (_, i) => `job-${String(i).padStart(3, '0')}`);

describe('visibleIds', () => {
  it('takes the window only, clamped to the list', () => {
    expect(visibleIds(ids, 10, 12)).toEqual(['job-010', 'job-011', 'job-012']);
    expect(visibleIds(ids, -5, 1)).toEqual(['job-000', 'job-001']);
    expect(visibleIds(ids, 498, 900)).toEqual(['job-498', 'job-499']);
    expect(visibleIds(ids, 5, 4)).toEqual([]);
    expect(visibleIds([], 0, 10)).toEqual([]);
  });
});

describe('idBatches', () => {
  it('never puts more than 50 ids in one call and loses none', () => {
    const window = visibleIds(ids, 0, 119);
    const batches = idBatches(window);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.every((b) => b.length <= TASK_COUNTS_BATCH)).toBe(true);
    expect(batches.flat().sort()).toEqual([...window].sort());
  });

  it('gives the same batches for the same rows in any order, without repeats', () => {
    expect(idBatches(['b', 'a', 'c', 'a'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(idBatches(['c', 'b', 'a'], 2)).toEqual(idBatches(['a', 'c', 'b'], 2));
  });

  it('asks for nothing when nothing is visible, and refuses a silly size', () => {
    expect(idBatches([])).toEqual([]);
    expect(() => idBatches(['a'], 0)).toThrow(RangeError);
  });
});

describe('sameIds', () => {
  it('compares as sets of equal size', () => {
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameIds(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(sameIds(['a'], ['a', 'b'])).toBe(false);
  });
});
