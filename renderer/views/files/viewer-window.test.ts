import { describe, expect, it } from 'vitest';
import { utf8Length } from './text-bytes';
import { FakeFile } from './test-reader';
import {
  EXTEND_BYTES,
  FOLLOW_BYTES,
  MAX_WINDOW_BYTES,
  MAX_WINDOW_ROWS,
  SCREEN_BYTES,
  atLiveEnd,
  extendBackward,
  extendForward,
  lineNumbers,
  openAt,
  openAtEnd,
  openAtStart,
  rowIndexAt,
  type ViewerWindow,
} from './viewer-window';

/** `count` numbered lines of roughly `width` characters, each ending in "\n". */
function numberedLines(count: number, width = 40): string[] {
  return Array.from({ length: count }, (_, i) => `line ${String(i + 1).padStart(7, '0')} ${'x'.repeat(Math.max(0, width - 13))}`);
}

const texts = (win: ViewerWindow) => win.rows.map((r) => r.text);

/** Rows must tile the span exactly: each starts where the previous ended, from `start` to `end`. */
function expectContiguous(win: ViewerWindow): void {
  let at = win.start;
  for (const row of win.rows) {
    expect(row.start).toBe(at);
    at += row.bytes;
  }
  expect(at).toBe(win.end);
}

describe('opening a small file', () => {
  it('shows every line from byte 0 with line numbers, CRLF endings stripped but counted', async () => {
    const file = new FakeFile('alpha\r\nbeta\n\ngamma');
    const win = await openAtStart(file, 1);
    expect(texts(win)).toEqual(['alpha', 'beta', '', 'gamma']);
    expect(win.rows.map((r) => r.bytes)).toEqual([7, 5, 1, 5]);
    expect(lineNumbers(win)).toEqual([1, 2, 3, 4]);
    expect(win.openEnd).toBe(true);
    expect(atLiveEnd(win)).toBe(true);
    expectContiguous(win);
  });

  it('handles an empty file', async () => {
    const win = await openAtStart(new FakeFile(''), 1);
    expect(win.rows).toEqual([]);
    expect(win.totalSize).toBe(0);
    expect(lineNumbers(win)).toEqual([]);
    expect(atLiveEnd(win)).toBe(true);
    const end = await openAtEnd(new FakeFile(''), 0, 1);
    expect(end.rows).toEqual([]);
  });

  it('marks a file whose first read holds NUL bytes as binary', async () => {
    const win = await openAtStart(new FakeFile(new Uint8Array([0x89, 0x50, 0, 1, 10, 65])), 1);
    expect(win.binary).toBe(true);
    expect(win.rows.map((r) => r.bytes)).toEqual([5, 1]);
  });
});

describe('a large file', () => {
  const lines = numberedLines(40_000); // about 1.6 MB
  const content = `${lines.join('\n')}\n`;

  it('opens at the start with one read of a screen and stops at a whole line', async () => {
    const file = new FakeFile(content);
    const win = await openAtStart(file, 1);
    expect(file.reads).toEqual([{ offset: 0, length: SCREEN_BYTES }]);
    expect(win.rows.length).toBeGreaterThan(1000);
    expect(texts(win)).toEqual(lines.slice(0, win.rows.length));
    expect(win.openEnd).toBe(false);
    expect(atLiveEnd(win)).toBe(false);
    expect(lineNumbers(win)?.at(-1)).toBe(win.rows.length);
    expectContiguous(win);
  });

  it('opens at the end with one read of the last screen, dropping the line the read cut into', async () => {
    const file = new FakeFile(content);
    const win = await openAtEnd(file, file.bytes.length, 1);
    expect(file.reads).toEqual([{ offset: file.bytes.length - SCREEN_BYTES, length: SCREEN_BYTES }]);
    expect(win.rows.at(-1)?.text).toBe(lines.at(-1));
    expect(texts(win)).toEqual(lines.slice(lines.length - win.rows.length));
    expect(win.rows[0]!.cont).toBe(false);
    expect(lineNumbers(win)).toBeUndefined();
    expect(atLiveEnd(win)).toBe(true);
    expectContiguous(win);
  });

  it('jumps to a byte offset: the span starts at the next whole line, or at the offset when a line starts there', async () => {
    const file = new FakeFile(content);
    const lineStart = (n: number) => lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
    const mid = await openAt(file, lineStart(20_000) + 5, 1);
    expect(mid.rows[0]!.text).toBe(lines[20_001]);
    expect(mid.start).toBe(lineStart(20_001));
    const exact = await openAt(file, lineStart(20_000), 1);
    expect(exact.rows[0]!.text).toBe(lines[20_000]);
    expect(exact.start).toBe(lineStart(20_000));
    expect(rowIndexAt(exact, lineStart(20_003) + 2)).toBe(3);
    expect(rowIndexAt(exact, exact.start - 1)).toBe(-1);
    expect(rowIndexAt(exact, exact.end)).toBe(-1);
  });

  it('shows the end when the jump lands inside the last line', async () => {
    const file = new FakeFile(content);
    const win = await openAt(file, file.bytes.length - 3, 1);
    expect(win.rows.at(-1)?.text).toBe(lines.at(-1));
    expect(win.rows.length).toBeGreaterThan(1);
  });

  it('extends forward to the end without gaps and backward to the start, knowing line numbers again at byte 0', async () => {
    const file = new FakeFile(content);
    let win = await openAt(file, Math.floor(file.bytes.length / 2), 1);
    const firstText = win.rows[0]!.text;
    const origin = win.origin;
    while (!atLiveEnd(win)) {
      const next = await extendForward(file, win);
      expect(next.origin).toBe(win.origin);
      win = next;
    }
    expect(win.rows.at(-1)?.text).toBe(lines.at(-1));
    expect(win.rows[0]!.text).toBe(firstText);
    expectContiguous(win);
    let steps = 0;
    while (win.start > 0) {
      const next = await extendBackward(file, win);
      expect(next.start).toBeLessThan(win.start);
      // The first row of the old span keeps its id: origin moves down by exactly the rows prepended.
      const oldFirst = win.rows[0]!;
      const index = next.rows.findIndex((r) => r.start === oldFirst.start);
      expect(next.origin + index).toBe(win.origin);
      win = next;
      steps++;
    }
    expect(win.origin).toBeLessThan(origin);
    expect(steps).toBeGreaterThan(2);
    expect(win.rows[0]!.text).toBe(lines[0]);
    const numbers = lineNumbers(win)!;
    expect(numbers.slice(0, 3)).toEqual([1, 2, 3]);
    expect(win.rows.at(-1)?.text).toBe(lines[numbers.at(-1)! - 1]);
    expectContiguous(win);
  });
});

describe('the caps', () => {
  it('drop rows from the front when extending forward and from the end when extending backward', async () => {
    const lines = numberedLines(200_000, 30); // about 6 MB in 200k lines
    const file = new FakeFile(`${lines.join('\n')}\n`);
    let win = await openAtStart(file, 1);
    while (!atLiveEnd(win)) win = await extendForward(file, win, FOLLOW_BYTES);
    expect(win.rows.length).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
    expect(win.end - win.start).toBeLessThanOrEqual(MAX_WINDOW_BYTES);
    expect(win.origin).toBe(lines.length - win.rows.length);
    expect(texts(win)).toEqual(lines.slice(lines.length - win.rows.length));
    expect(lineNumbers(win)).toBeUndefined();
    expectContiguous(win);
    while (win.start > 0) win = await extendBackward(file, win, EXTEND_BYTES);
    expect(win.rows.length).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
    expect(texts(win)).toEqual(lines.slice(0, win.rows.length));
    expect(win.origin).toBe(0);
    expect(win.openEnd).toBe(false);
    expect(atLiveEnd(win)).toBe(false);
    expectContiguous(win);
  });
});

describe('characters split by reads', () => {
  it('keeps multi-byte characters whole across read boundaries, with exact byte offsets', async () => {
    // Lines of 3-byte and 4-byte characters, so reads of 256 KiB cut characters all over the place.
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i} ${'é€😀'.repeat((i % 7) + 1)}`);
    const file = new FakeFile(`${lines.join('\n')}\n`);
    let win = await openAtStart(file, 1);
    while (!atLiveEnd(win)) win = await extendForward(file, win);
    expect(texts(win)).toEqual(lines.slice(lines.length - win.rows.length));
    for (const row of win.rows) expect(row.bytes).toBe(utf8Length(row.text) + 1);
    expectContiguous(win);
    const back = await openAtEnd(file, file.bytes.length, 2);
    expect(back.rows.at(-1)?.text).toBe(lines.at(-1));
    expectContiguous(back);
  });
});

describe('lines longer than a read', () => {
  it('splits them into continuation rows that share one line number', async () => {
    const long = 'y'.repeat(SCREEN_BYTES + 1000);
    const file = new FakeFile(`short\n${long}\nafter\n`);
    let win = await openAtStart(file, 1);
    while (!atLiveEnd(win)) win = await extendForward(file, win);
    // The first read stops before the long line; the next one cuts it at the read's length.
    expect(win.rows.map((r) => r.text.length)).toEqual([5, EXTEND_BYTES, long.length - EXTEND_BYTES, 5]);
    expect(win.rows.map((r) => r.text).join('')).toBe(`short${long}after`);
    expect(win.rows.map((r) => r.cont)).toEqual([false, false, true, false]);
    expect(lineNumbers(win)).toEqual([1, 2, undefined, 3]);
    expectContiguous(win);
  });

  it('joins a line the span starts inside once the rows before it are read', async () => {
    const long = 'z'.repeat(EXTEND_BYTES * 2);
    const file = new FakeFile(`head\n${long}\ntail`);
    let win = await openAt(file, 5 + EXTEND_BYTES, 1);
    expect(win.rows[0]!.cont).toBe(true);
    while (win.start > 0) win = await extendBackward(file, win);
    expect(win.rows[0]!.text).toBe('head');
    const joined = win.rows.slice(1).map((r) => r.text).join('');
    expect(joined.length).toBeGreaterThan(EXTEND_BYTES);
    expect(joined).toBe(long.slice(0, joined.length));
    expect(win.rows.map((r) => r.cont)).toEqual([false, false, true]);
    expect(lineNumbers(win)).toEqual([1, 2, undefined]);
    expectContiguous(win);
  });
});

describe('following a growing file', () => {
  it('re-reads a last line without a newline as it grows, and appends new lines', async () => {
    const file = new FakeFile('one\ntw');
    let win = await openAtEnd(file, file.bytes.length, 1);
    expect(texts(win)).toEqual(['one', 'tw']);
    expect(win.openEnd).toBe(true);
    expect(await extendForward(file, win, FOLLOW_BYTES)).toBe(win);
    file.append('o\nthree\nfo');
    win = await extendForward(file, win, FOLLOW_BYTES);
    expect(texts(win)).toEqual(['one', 'two', 'three', 'fo']);
    expect(win.openEnd).toBe(true);
    expect(lineNumbers(win)).toEqual([1, 2, 3, 4]);
    file.append('ur\r\n');
    win = await extendForward(file, win, FOLLOW_BYTES);
    expect(texts(win)).toEqual(['one', 'two', 'three', 'four']);
    expect(win.openEnd).toBe(false);
    expect(win.totalSize).toBe(file.bytes.length);
    expectContiguous(win);
  });

  it('starts over at the end when the file shrank', async () => {
    const file = new FakeFile('a long first version\nof the file\n');
    const win = await openAtStart(file, 1);
    file.replace('new\n');
    const next = await extendForward(file, win, FOLLOW_BYTES);
    expect(next.generation).toBe(2);
    expect(texts(next)).toEqual(['new']);
  });

  it('follows an empty file as it fills', async () => {
    const file = new FakeFile('');
    let win = await openAtEnd(file, 0, 1);
    file.append('first\n');
    win = await extendForward(file, win, FOLLOW_BYTES);
    expect(texts(win)).toEqual(['first']);
    expect(lineNumbers(win)).toEqual([1]);
  });
});

describe('binary bytes inside a text file', () => {
  it('become rows with exact byte lengths and visible NULs', async () => {
    const head = new TextEncoder().encode('text\n');
    const bytes = new Uint8Array([...head, 0x41, 0, 0xff, 10, 0x42, 10]);
    const file = new FakeFile(bytes);
    const win = await openAt(file, 3, 1);
    expect(texts(win)).toEqual(['A\u2400\ufffd', 'B']);
    expect(win.rows.map((r) => r.bytes)).toEqual([4, 2]);
    expect(win.binary).toBe(false);
    expectContiguous(win);
  });
});
