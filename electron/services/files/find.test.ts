import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFilesFixture, type FilesFixture } from './emulator-fixture';
import { FIND_LIMITS, findInFile } from './find';
import { memoryOps, memoryRunner } from './memory-ops';
import { accountRunner } from './runner';

// big.txt: 'a' up to 3 bytes before the 4 MiB window boundary, then NEEDLE across it, 1000 'b', needle, tail.
const BOUNDARY = FIND_LIMITS.windowBytes;
const UPPER_AT = BOUNDARY - 3;
const LOWER_AT = UPPER_AT + 6 + 1000;
const SIZE = LOWER_AT + 6 + 5;
const SCRIPT = [
  `head -c ${UPPER_AT} /dev/zero | tr "\\000" a > big.txt`,
  'printf NEEDLE >> big.txt',
  'head -c 1000 /dev/zero | tr "\\000" b >> big.txt',
  'printf "needletail\\n" >> big.txt',
  'printf "caf\\303\\251 au lait\\n" > utf8.txt',
  'mkdir -p sub',
].join('; ');

let fx: FilesFixture;
let find: (args: Parameters<typeof findInFile>[1]) => ReturnType<typeof findInFile>;

beforeAll(async () => {
  fx = await startFilesFixture('find', SCRIPT);
  const run = accountRunner(fx.accounts)(fx.accountId, { kind: 'task', jobId: fx.jobId, taskId: fx.taskId });
  find = (args) => findInFile(run, args);
}, 90_000);
afterAll(() => fx?.close());

describe('files.find against the emulator', () => {
  it('finds a match that straddles a 4 MiB window boundary', async () => {
    const match = await find({ path: 'wd/big.txt', query: 'NEEDLE', fromOffset: 0, direction: 'forward', matchCase: true });
    expect(match).toEqual({ matchOffset: UPPER_AT, matchLength: 6, scannedFrom: 0, scannedTo: UPPER_AT + 6, totalSize: SIZE, done: true });
  });

  it('finds the next match forward from just after the previous one', async () => {
    const match = await find({ path: 'wd/big.txt', query: 'needle', fromOffset: UPPER_AT + 1, direction: 'forward' });
    expect(match).toMatchObject({ matchOffset: LOWER_AT, done: true });
  });

  it('goes backward to the last match that starts before the offset', async () => {
    expect(await find({ path: 'wd/big.txt', query: 'needle', fromOffset: SIZE, direction: 'backward', matchCase: false })).toMatchObject({
      matchOffset: LOWER_AT,
      scannedTo: SIZE,
    });
    expect(await find({ path: 'wd/big.txt', query: 'needle', fromOffset: LOWER_AT, direction: 'backward', matchCase: false })).toMatchObject({
      matchOffset: UPPER_AT,
      scannedFrom: UPPER_AT,
      scannedTo: LOWER_AT,
    });
    expect(await find({ path: 'wd/big.txt', query: 'NEEDLE', fromOffset: UPPER_AT, direction: 'backward' })).toEqual({
      scannedFrom: 0,
      scannedTo: UPPER_AT,
      totalSize: SIZE,
      done: true,
    });
  });

  it('matches ASCII case only when asked, and exactly otherwise', async () => {
    expect(await find({ path: 'wd/big.txt', query: 'needle', fromOffset: 0, direction: 'forward' })).toMatchObject({ matchOffset: LOWER_AT });
    expect(await find({ path: 'wd/big.txt', query: 'nEeDlE', fromOffset: 0, direction: 'forward', matchCase: false })).toMatchObject({ matchOffset: UPPER_AT });
  });

  it('answers not found with the whole file scanned', async () => {
    expect(await find({ path: 'wd/big.txt', query: 'zzz', fromOffset: 0, direction: 'forward' })).toEqual({
      scannedFrom: 0,
      scannedTo: SIZE,
      totalSize: SIZE,
      done: true,
    });
    expect(await find({ path: 'wd/big.txt', query: 'x', fromOffset: SIZE + 10, direction: 'forward' })).toEqual({
      scannedFrom: SIZE,
      scannedTo: SIZE,
      totalSize: SIZE,
      done: true,
    });
  });

  it('searches for UTF-8 text by its bytes', async () => {
    expect(await find({ path: 'wd/utf8.txt', query: 'é au', fromOffset: 0, direction: 'forward' })).toMatchObject({ matchOffset: 3, matchLength: 5 });
    expect(await find({ path: 'wd/utf8.txt', query: 'É', fromOffset: 0, direction: 'forward', matchCase: false })).toMatchObject({ done: true });
    expect((await find({ path: 'wd/utf8.txt', query: 'É', fromOffset: 0, direction: 'forward', matchCase: false })).matchOffset).toBeUndefined();
  });

  it('refuses a folder and a missing file', async () => {
    await expect(find({ path: 'wd/sub', query: 'x', fromOffset: 0, direction: 'forward' })).rejects.toThrow('wd/sub is a folder; search works inside a file');
    await expect(find({ path: 'wd/none.txt', query: 'x', fromOffset: 0, direction: 'forward' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('files.find scanning in windows with a budget', () => {
  const text = Buffer.from(`${'.'.repeat(95)}MATCH${'.'.repeat(195)}MATCH${'.'.repeat(100)}`);
  const limits = { windowBytes: 32, budgetBytes: 128 };

  it('reads windows that overlap by the query length minus one, and no more than one window at a time', async () => {
    const ops = memoryOps({ f: text });
    const match = await findInFile(memoryRunner(ops), { path: 'f', query: 'MATCH', fromOffset: 0, direction: 'forward' }, limits);
    expect(match.matchOffset).toBe(95);
    expect(ops.ranges).toEqual([
      ['f', 0, 36],
      ['f', 32, 68],
      ['f', 64, 100],
    ]);
  });

  it('hands back after the budget so the renderer can continue, forward and backward', async () => {
    const run = memoryRunner(memoryOps({ f: text }));
    const first = await findInFile(run, { path: 'f', query: 'MATCH', fromOffset: 101, direction: 'forward' }, limits);
    expect(first).toEqual({ scannedFrom: 101, scannedTo: 229, totalSize: text.length, done: false });
    const second = await findInFile(run, { path: 'f', query: 'MATCH', fromOffset: first.scannedTo, direction: 'forward' }, limits);
    expect(second).toMatchObject({ matchOffset: 295, done: true });
    const back = await findInFile(run, { path: 'f', query: 'match', fromOffset: 295, direction: 'backward', matchCase: false }, limits);
    expect(back).toEqual({ scannedFrom: 167, scannedTo: 295, totalSize: text.length, done: false });
    const back2 = await findInFile(run, { path: 'f', query: 'match', fromOffset: back.scannedFrom, direction: 'backward', matchCase: false }, limits);
    expect(back2).toMatchObject({ matchOffset: 95, done: true });
  });

  it('finds a match starting in the last window whose bytes run past the budget', async () => {
    const run = memoryRunner(memoryOps({ f: text }));
    expect(await findInFile(run, { path: 'f', query: 'MATCH', fromOffset: 0, direction: 'forward' }, { windowBytes: 32, budgetBytes: 96 })).toMatchObject({
      matchOffset: 95,
    });
    expect(await findInFile(run, { path: 'f', query: 'MATCH', fromOffset: 0, direction: 'forward' }, { windowBytes: 32, budgetBytes: 95 })).toEqual({
      scannedFrom: 0,
      scannedTo: 95,
      totalSize: text.length,
      done: false,
    });
  });
});
