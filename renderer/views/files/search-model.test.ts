import { describe, expect, it } from 'vitest';
import { FakeFile } from './test-reader';
import { findMatches, highlightSegments, matchesByRow, nextLoadedMatch, scanFile, scanProgress } from './search-model';
import type { Row } from './viewer-window';

function rowsOf(text: string, start = 0): Row[] {
  const rows: Row[] = [];
  let at = start;
  for (const line of text.split('\n')) {
    const bytes = new TextEncoder().encode(line).length + 1;
    rows.push({ text: line, start: at, bytes, cont: false });
    at += bytes;
  }
  return rows;
}

describe('findMatches', () => {
  const rows = rowsOf('Error one\nno problem\nerror ERROR\nété error', 100);

  it('finds every match with its row, column and byte offset in the file', () => {
    const matches = findMatches(rows, 'error', false);
    expect(matches.map((m) => [m.index, m.col])).toEqual([
      [0, 0],
      [2, 0],
      [2, 6],
      [3, 4],
    ]);
    // "été " is 6 bytes, so the match in the last row sits 6 bytes into it.
    expect(matches[3]!.offset).toBe(rows[3]!.start + 6);
    expect(matches[0]!.offset).toBe(100);
  });

  it('matches case when asked, folds only ASCII letters otherwise, and finds nothing for an empty query', () => {
    expect(findMatches(rows, 'ERROR', true).map((m) => m.index)).toEqual([2]);
    expect(findMatches(rowsOf('ÉTÉ été'), 'été', false).map((m) => m.col)).toEqual([4]);
    expect(findMatches(rows, '', false)).toEqual([]);
  });

  it('stops at the limit and never loops on overlapping text', () => {
    expect(findMatches(rowsOf('aaaa'), 'aa', true).map((m) => m.col)).toEqual([0, 2]);
    expect(findMatches(rowsOf('x x x x'), 'x', true, 3)).toHaveLength(3);
  });
});

describe('stepping and highlighting', () => {
  const rows = rowsOf('a hit\nnothing\nhit hit');
  const matches = findMatches(rows, 'hit', true);

  it('steps to the next or previous loaded match by byte offset', () => {
    const [first, second, third] = matches;
    expect(nextLoadedMatch(matches, first!.offset, 'forward')).toBe(second);
    expect(nextLoadedMatch(matches, first!.offset, 'forward', true)).toBe(first);
    expect(nextLoadedMatch(matches, third!.offset, 'backward')).toBe(second);
    expect(nextLoadedMatch(matches, third!.offset, 'forward')).toBeUndefined();
    expect(nextLoadedMatch(matches, first!.offset, 'backward')).toBeUndefined();
  });

  it('splits a row around its matches and marks the current one', () => {
    const byRow = matchesByRow(matches);
    expect([...byRow.keys()]).toEqual([0, 2]);
    const current = matches[2]!.offset;
    expect(highlightSegments(rows[2]!.text, byRow.get(2), current)).toEqual([
      { text: 'hit', mark: 'match' },
      { text: ' ', mark: 'none' },
      { text: 'hit', mark: 'current' },
    ]);
    expect(highlightSegments('plain', undefined, undefined)).toEqual([{ text: 'plain', mark: 'none' }]);
  });
});

describe('scanFile', () => {
  const content = `${'filler line\n'.repeat(500)}the NEEDLE is here\n${'more filler\n'.repeat(500)}`;

  it('continues from the far end of each bounded scan until main finds the match, reporting progress', async () => {
    const file = new FakeFile(content);
    const progress: number[] = [];
    const result = await scanFile((from) => file.find({ query: 'needle', fromOffset: from, direction: 'forward' }), 0, 'forward', {
      onProgress: (p) => progress.push(p.scanned),
    });
    expect(result).toEqual({ kind: 'found', offset: content.indexOf('NEEDLE'), length: 6 });
    expect(file.finds.map((f) => f.fromOffset)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('searches backward and reports not found at the start of the file', async () => {
    const file = new FakeFile(content);
    const end = content.length;
    const back = await scanFile((from) => file.find({ query: 'needle', fromOffset: from, direction: 'backward' }), end, 'backward');
    expect(back).toMatchObject({ kind: 'found', offset: content.indexOf('NEEDLE') });
    const none = await scanFile((from) => file.find({ query: 'absent', fromOffset: from, direction: 'backward' }), end, 'backward');
    expect(none).toEqual({ kind: 'not-found' });
  });

  it('stops between calls once aborted', async () => {
    const file = new FakeFile(content);
    const controller = new AbortController();
    const result = await scanFile(
      (from) => file.find({ query: 'absent', fromOffset: from, direction: 'forward' }),
      0,
      'forward',
      { signal: controller.signal, onProgress: (p) => p.scanned >= 2000 && controller.abort() },
    );
    expect(result).toEqual({ kind: 'stopped' });
    expect(file.finds).toHaveLength(2);
  });

  it('measures progress from where the scan began', () => {
    expect(scanProgress(100, 'forward', { scannedFrom: 100, scannedTo: 600, totalSize: 1100, done: false })).toEqual({ scanned: 500, total: 1000 });
    expect(scanProgress(1000, 'backward', { scannedFrom: 250, scannedTo: 1000, totalSize: 2000, done: false })).toEqual({ scanned: 750, total: 1000 });
  });
});
