import { describe, expect, it } from 'vitest';
import { mergeTaskPages, shouldLoadMore } from './task-paging';

const task = (id: string, state = 'active') => ({ id, state });

describe('mergeTaskPages', () => {
  it('concatenates pages in order', () => {
    const merged = mergeTaskPages([{ items: [task('a'), task('b')], continuation: 'x' }, { items: [task('c')] }]);
    expect(merged.map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one row per task, in its first position, with the newest data', () => {
    const merged = mergeTaskPages([
      { items: [task('a'), task('b', 'active')], continuation: 'x' },
      { items: [task('B', 'running'), task('c')] },
    ]);
    expect(merged.map((t) => [t.id, t.state])).toEqual([
      ['a', 'active'],
      ['B', 'running'],
      ['c', 'active'],
    ]);
  });

  it('is empty for no pages or empty pages', () => {
    expect(mergeTaskPages([])).toEqual([]);
    expect(mergeTaskPages([{ items: [] }])).toEqual([]);
  });
});

describe('shouldLoadMore', () => {
  const base = { loadedCount: 1000, hasNextPage: true, isFetching: false, threshold: 100 };
  it('loads once the rendered rows come within the threshold of the end', () => {
    expect(shouldLoadMore({ ...base, lastRenderedIndex: 850 })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedIndex: 899 })).toBe(true);
    expect(shouldLoadMore({ ...base, lastRenderedIndex: 999 })).toBe(true);
  });

  it('never loads past the last page, twice at once, or with nothing rendered', () => {
    expect(shouldLoadMore({ ...base, lastRenderedIndex: 999, hasNextPage: false })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedIndex: 999, isFetching: true })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedIndex: -1 })).toBe(false);
  });
});
