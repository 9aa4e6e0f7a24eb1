import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JournalCorruptionError } from './index.js';
import { fileName } from './files.js';
import { FILE_HEADER_BYTES, FRAME_HEADER_BYTES } from './frames.js';
import { tempDir } from './test-support.js';
import type { StoreState } from './codec.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir('recovery'));
});
afterEach(async () => {
  await remove();
});

/** Writes five commits and returns the log path, its bytes and the offset where each frame starts. */
async function fiveCommits(): Promise<{ log: string; bytes: Buffer; starts: number[] }> {
  const journal = await Journal.open({ dir });
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    starts.push(FILE_HEADER_BYTES + journal.writeStats.bytes);
    await journal.commit([
      { op: 'put', c: 'tasks', k: `t${i}`, v: { i, text: 'x'.repeat(20 + i) } },
      { op: 'put', c: 'jobs', k: `j${i}`, v: i },
    ]);
  }
  await journal.close();
  const log = join(dir, fileName('log', 1));
  return { log, bytes: await readFile(log), starts };
}

function expectFirst(state: StoreState, n: number): void {
  expect([...(state.get('tasks')?.keys() ?? [])]).toEqual(Array.from({ length: n }, (_, i) => `t${i}`));
  expect(state.get('jobs')?.size).toBe(n);
}

async function openAndClose(): Promise<StoreState> {
  const journal = await Journal.open({ dir });
  await journal.close();
  return journal.recovered;
}

describe('torn tail', () => {
  it('drops the last record when the log is cut at any byte inside it, and keeps appending cleanly', async () => {
    const { log, bytes, starts } = await fiveCommits();
    const last = starts[4] as number;
    expect(bytes.length).toBeGreaterThan(last + FRAME_HEADER_BYTES);
    for (let cut = last; cut < bytes.length; cut++) {
      await writeFile(log, bytes.subarray(0, cut));
      const journal = await Journal.open({ dir });
      expectFirst(journal.recovered, 4);
      expect((await stat(log)).size).toBe(last);
      await journal.commit([{ op: 'put', c: 'tasks', k: 'after', v: cut }]);
      await journal.close();
      const again = await openAndClose();
      expect(again.get('tasks')?.get('after')).toBe(cut);
      expect(again.get('tasks')?.size).toBe(5);
    }
  });

  it('keeps everything when the log is whole', async () => {
    await fiveCommits();
    expectFirst(await openAndClose(), 5);
  });

  it('drops a zero-filled tail (size extended before data landed)', async () => {
    const { log, bytes, starts } = await fiveCommits();
    const last = starts[4] as number;
    const damaged = Buffer.concat([bytes.subarray(0, last), Buffer.alloc(bytes.length - last + 4096)]);
    await writeFile(log, damaged);
    expectFirst(await openAndClose(), 4);
    expect((await stat(log)).size).toBe(last);
  });

  it('drops a final record whose payload did not fully land', async () => {
    const { log, bytes } = await fiveCommits();
    const damaged = Buffer.from(bytes);
    damaged.fill(0, bytes.length - 10);
    await writeFile(log, damaged);
    expectFirst(await openAndClose(), 4);
  });
});

describe('corruption', () => {
  async function expectCorrupt(file: string, offset: number | undefined): Promise<void> {
    const error = await Journal.open({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalCorruptionError);
    const corruption = error as JournalCorruptionError;
    expect(corruption.file).toBe(file);
    expect(corruption.offset).toBe(offset);
    expect(corruption.message).toContain(file);
    if (offset !== undefined) expect(corruption.message).toContain(`byte offset ${offset}`);
  }

  it('reports a damaged payload in the middle with the file and the frame offset', async () => {
    const { log, bytes, starts } = await fiveCommits();
    const damaged = Buffer.from(bytes);
    const at = (starts[2] as number) + FRAME_HEADER_BYTES + 5;
    damaged[at] = (damaged[at] as number) ^ 0x01;
    await writeFile(log, damaged);
    await expectCorrupt(log, starts[2]);
    expect(await readFile(log)).toEqual(damaged);
  });

  it('reports a damaged frame length in the middle rather than treating the rest as a torn tail', async () => {
    const { log, bytes, starts } = await fiveCommits();
    const damaged = Buffer.from(bytes);
    damaged.writeUInt32LE(1_000_000, starts[1] as number);
    await writeFile(log, damaged);
    await expectCorrupt(log, starts[1]);
  });

  it('reports non-zero garbage after the last record', async () => {
    const { log } = await fiveCommits();
    const size = (await stat(log)).size;
    await appendFile(log, Buffer.from('this is not a journal frame at all'));
    await expectCorrupt(log, size);
  });

  it('reports a damaged file header', async () => {
    const { log, bytes } = await fiveCommits();
    const damaged = Buffer.from(bytes);
    damaged[3] = 0;
    await writeFile(log, damaged);
    await expectCorrupt(log, 0);
  });

  it('reports a torn tail in a log that is not the newest as corruption', async () => {
    const journal = await Journal.open({ dir, fsync: false });
    await journal.commit([{ op: 'put', c: 'a', k: '1', v: 1 }]);
    await journal.commit([{ op: 'put', c: 'a', k: '2', v: 2 }]);
    await journal.compact(() => {
      throw new Error('snapshot source failed');
    }).catch(() => undefined);
    await journal.close();
    expect(await readdir(dir)).toEqual([fileName('log', 1), fileName('log', 2)]);
    const log = join(dir, fileName('log', 1));
    const size = (await stat(log)).size;
    await writeFile(log, (await readFile(log)).subarray(0, size - 3));
    const error = await Journal.open({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalCorruptionError);
    expect((error as Error).message).toContain(log);
  });

  it('reports a damaged snapshot', async () => {
    const journal = await Journal.open({ dir });
    await journal.commit([{ op: 'put', c: 'a', k: '1', v: 'x'.repeat(100) }]);
    await journal.compact(() => [['a', '1', 'x'.repeat(100)]]);
    await journal.close();
    const snapshot = join(dir, fileName('snapshot', 2));
    const bytes = await readFile(snapshot);
    await writeFile(snapshot, bytes.subarray(0, bytes.length - 1));
    await expectCorrupt(snapshot, lastFrameStart(bytes));
  });

  it('reports a missing log generation', async () => {
    const journal = await Journal.open({ dir });
    await journal.commit([{ op: 'put', c: 'a', k: '1', v: 1 }]);
    await journal.compact(() => [['a', '1', 1]]);
    await journal.close();
    await writeFile(join(dir, fileName('log', 4)), Buffer.alloc(0));
    await expectCorrupt(dir, undefined);
  });
});

function lastFrameStart(bytes: Buffer): number {
  let at = FILE_HEADER_BYTES;
  let last = at;
  while (at < bytes.length) {
    last = at;
    at += FRAME_HEADER_BYTES + bytes.readUInt32LE(at);
  }
  return last;
}
