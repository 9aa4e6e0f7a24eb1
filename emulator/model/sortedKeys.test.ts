import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sortedKeys.js';

describe('SortedKeys', () => {
  it('keeps keys ordered through inserts and removals across many chunks', () => {
    const keys = new SortedKeys();
    const expected = new Set<string>();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 5000; i++) {
      const key = `k${rand() % 3000}`;
      if (expected.has(key)) {
        expect(keys.remove(key)).toBe(true);
        expected.delete(key);
      } else {
        keys.insert(key);
        expected.add(key);
      }
    }
    const sorted = [...expected].sort();
    expect([...keys.after()]).toEqual(sorted);
    expect(keys.size).toBe(sorted.length);
    expect(keys.remove('absent')).toBe(false);
  });

  it('continues after a key, present or not', () => {
    const keys = new SortedKeys();
    for (const k of ['b', 'd', 'f']) keys.insert(k);
    expect([...keys.after('b')]).toEqual(['d', 'f']);
    expect([...keys.after('c')]).toEqual(['d', 'f']);
    expect([...keys.after('f')]).toEqual([]);
    expect([...keys.after('a')]).toEqual(['b', 'd', 'f']);
    expect([...new SortedKeys().after('x')]).toEqual([]);
  });
});
