import { describe, expect, it } from 'vitest';
import { MAX_EMPTY_PAGE_STREAK, breadcrumb, browserKey, emptyPageStreak, entryName, folderAbove, mergeFilePages, moveIndex, shouldListMore } from './browser-model';

const none = { altKey: false, ctrlKey: false, metaKey: false };

describe('browser model', () => {
  it('names entries relative to the open folder', () => {
    expect(entryName({ name: 'wd/sub/a.txt' }, 'wd/sub')).toBe('a.txt');
    expect(entryName({ name: 'stdout.txt' }, '')).toBe('stdout.txt');
    expect(entryName({ name: 'other/b.txt' }, 'wd')).toBe('b.txt');
  });

  it('builds the breadcrumb from the root down and finds the folder above', () => {
    expect(breadcrumb('wd/sub', 'task-1')).toEqual([
      { label: 'task-1', folder: '' },
      { label: 'wd', folder: 'wd' },
      { label: 'sub', folder: 'wd/sub' },
    ]);
    expect(breadcrumb('', 'root')).toEqual([{ label: 'root', folder: '' }]);
    expect(folderAbove('wd/sub')).toBe('wd');
    expect(folderAbove('wd')).toBe('');
    expect(folderAbove('')).toBeUndefined();
  });

  it('merges pages in order, each name once with its newest data', () => {
    const merged = mergeFilePages([
      { items: [{ name: 'a', isDirectory: false, size: 1 }, { name: 'b', isDirectory: true }] },
      { items: [{ name: 'a', isDirectory: false, size: 2 }, { name: 'c', isDirectory: false }] },
    ]);
    expect(merged.map((e) => [e.name, e.size])).toEqual([
      ['a', 2],
      ['b', undefined],
      ['c', undefined],
    ]);
  });

  it('lists more near the end of the rows, and when an empty page left nothing to scroll', () => {
    expect(shouldListMore(950, 1000, true, false)).toBe(true);
    expect(shouldListMore(100, 1000, true, false)).toBe(false);
    expect(shouldListMore(-1, 0, true, false)).toBe(true);
    expect(shouldListMore(999, 1000, false, false)).toBe(false);
    expect(shouldListMore(999, 1000, true, true)).toBe(false);
  });

  it('stops after a run of empty pages until the user asks for more', () => {
    const empty = { items: [] };
    const full = { items: [{ name: 'a', isDirectory: false }] };
    expect(emptyPageStreak([full, empty, empty])).toBe(2);
    expect(emptyPageStreak([empty, full])).toBe(0);
    expect(emptyPageStreak([])).toBe(0);
    expect(shouldListMore(-1, 0, true, false, MAX_EMPTY_PAGE_STREAK - 1)).toBe(true);
    expect(shouldListMore(-1, 0, true, false, MAX_EMPTY_PAGE_STREAK)).toBe(false);
    expect(shouldListMore(-1, 0, true, false, MAX_EMPTY_PAGE_STREAK, MAX_EMPTY_PAGE_STREAK * 2)).toBe(true);
  });

  it('maps keys to moves and clamps the moves', () => {
    expect(browserKey('ArrowDown', none)).toBe('next');
    expect(browserKey('Backspace', none)).toBe('up');
    expect(browserKey('Enter', none)).toBe('open');
    expect(browserKey('Enter', { ...none, ctrlKey: true })).toBeUndefined();
    expect(browserKey('x', none)).toBeUndefined();
    expect(moveIndex(-1, 'next', 3)).toBe(0);
    expect(moveIndex(2, 'next', 3)).toBe(2);
    expect(moveIndex(0, 'previous', 3)).toBe(0);
    expect(moveIndex(1, 'last', 3)).toBe(2);
    expect(moveIndex(1, 'first', 3)).toBe(0);
    expect(moveIndex(0, 'next', 0)).toBe(-1);
  });
});
