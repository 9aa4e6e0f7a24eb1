import { readdir, stat, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, JournalClosedError, type JournalOp } from './index.js';
import { applyOps, tempDir } from './test-support.js';
import type { StoreState } from './codec.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freshDir(): Promise<string> {
  const { dir, remove } = await tempDir('basic');
  cleanups.push(remove);
  return dir;
}

async function reopen(dir: string): Promise<StoreState> {
  const journal = await Journal.open({ dir });
  await journal.close();
  return journal.recovered;
}

async function logPath(dir: string): Promise<string> {
  const logs = (await readdir(dir)).filter((name) => name.endsWith('.jlog'));
  expect(logs).toHaveLength(1);
  return join(dir, logs[0] as string);
}

describe('Journal basics', () => {
  it('starts empty and creates its directory', async () => {
    const dir = join(await freshDir(), 'nested', 'store');
    const journal = await Journal.open({ dir });
    expect(journal.recovered.size).toBe(0);
    await journal.close();
    expect((await readdir(dir)).some((name) => name.endsWith('.jlog'))).toBe(true);
  });

  it('round-trips put, overwrite and delete across reopen', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    await journal.commit([
      { op: 'put', c: 'jobs', k: 'a', v: { id: 'a', n: 1 } },
      { op: 'put', c: 'jobs', k: 'b', v: { id: 'b', nested: [1, 'two', null, { x: true }] } },
      { op: 'put', c: 'pools', k: 'p', v: 42 },
    ]);
    await journal.commit([{ op: 'put', c: 'jobs', k: 'a', v: { id: 'a', n: 2 } }]);
    await journal.commit([{ op: 'del', c: 'jobs', k: 'b' }]);
    await journal.commit([{ op: 'del', c: 'pools', k: 'p' }]);
    await journal.commit([{ op: 'del', c: 'nothing', k: 'here' }]);
    await journal.close();

    const state = await reopen(dir);
    expect(state).toEqual(new Map([['jobs', new Map([['a', { id: 'a', n: 2 }]])]]));
  });

  it('keeps keys and collection names with arbitrary characters', async () => {
    const dir = await freshDir();
    const names = ['', 'a"b\\c', 'line\nbreak', 'nul\u0000byte', 'lone\ud800surrogate', '😀 emoji', '__proto__', ',[]{}'];
    const expected: StoreState = new Map();
    const ops: JournalOp[] = [];
    for (const c of names) for (const k of names) ops.push({ op: 'put', c, k, v: `${c}|${k}` });
    applyOps(expected, ops);
    const journal = await Journal.open({ dir });
    await journal.commit(ops);
    await journal.close();
    expect(await reopen(dir)).toEqual(expected);
    expect((await reopen(dir)).get('lone\ud800surrogate')?.get('__proto__')).toBe('lone\ud800surrogate|__proto__');
  });

  it('rejects values JSON cannot hold, without writing or breaking the journal', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    const withUndefined: JournalOp[] = [
      { op: 'put', c: 'x', k: 'ok', v: 1 },
      { op: 'put', c: 'x', k: 'bad', v: undefined },
    ];
    await expect(journal.commit(withUndefined)).rejects.toThrow(/not JSON-serialisable/);
    await expect(journal.commit([{ op: 'put', c: 'x', k: 'big', v: 10n }])).rejects.toThrow(TypeError);
    await journal.commit([{ op: 'put', c: 'x', k: 'after', v: 2 }]);
    await journal.close();
    expect(await reopen(dir)).toEqual(new Map([['x', new Map([['after', 2]])]]));
  });

  it('captures values at commit time, not when the write happens', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    const value = { state: 'active' };
    const done = journal.commit([{ op: 'put', c: 't', k: '1', v: value }]);
    value.state = 'completed';
    await done;
    await journal.close();
    expect((await reopen(dir)).get('t')?.get('1')).toEqual({ state: 'active' });
  });
});

describe('Journal commit semantics', () => {
  it('makes a multi-op commit atomic: a torn frame drops every op of the batch', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    await journal.commit([{ op: 'put', c: 'c', k: 'before', v: 0 }]);
    const sizeBefore = (await stat(await logPath(dir))).size;
    const batch: JournalOp[] = Array.from({ length: 50 }, (_, i) => ({ op: 'put', c: 'c', k: `k${i}`, v: i }));
    await journal.commit(batch);
    await journal.close();
    expect((await reopen(dir)).get('c')?.size).toBe(51);

    const sizeAfter = (await stat(await logPath(dir))).size;
    await truncate(await logPath(dir), sizeBefore + Math.floor((sizeAfter - sizeBefore) * 0.9));
    expect(await reopen(dir)).toEqual(new Map([['c', new Map([['before', 0]])]]));
  });

  it('resolves concurrent commits in call order and replays them in that order', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    const resolved: number[] = [];
    const all = Array.from({ length: 300 }, (_, i) =>
      journal.commit([{ op: 'put', c: 'order', k: 'last', v: i }, { op: 'put', c: 'order', k: `k${i}`, v: i }]).then(() => {
        resolved.push(i);
      }),
    );
    await Promise.all(all);
    await journal.close();
    expect(resolved).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const state = await reopen(dir);
    expect(state.get('order')?.get('last')).toBe(299);
    expect(state.get('order')?.size).toBe(301);
  });

  it('group-commits concurrent calls into fewer writes and fsyncs', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    await Promise.all(Array.from({ length: 100 }, (_, i) => journal.commit([{ op: 'put', c: 'g', k: `${i}`, v: i }])));
    const grouped = journal.writeStats;
    expect(grouped.commits).toBe(100);
    expect(grouped.frames).toBeLessThan(10);
    expect(grouped.syncs).toBe(grouped.frames);

    for (let i = 0; i < 5; i++) await journal.commit([{ op: 'put', c: 'g', k: `s${i}`, v: i }]);
    expect(journal.writeStats.frames).toBe(grouped.frames + 5);
    await journal.close();
    expect((await reopen(dir)).get('g')?.size).toBe(105);
  });

  it('skips fdatasync when fsync is false', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir, fsync: false });
    await journal.commit([{ op: 'put', c: 'a', k: 'b', v: 1 }]);
    expect(journal.writeStats).toMatchObject({ frames: 1, syncs: 0, commits: 1 });
    await journal.close();
    expect((await reopen(dir)).get('a')?.get('b')).toBe(1);
  });

  it('resolves empty commits in order without writing', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    const order: string[] = [];
    await Promise.all([
      journal.commit([{ op: 'put', c: 'a', k: '1', v: 1 }]).then(() => order.push('put')),
      journal.commit([]).then(() => order.push('empty')),
    ]);
    await journal.commit([]);
    expect(order).toEqual(['put', 'empty']);
    expect(journal.writeStats.frames).toBe(1);
    await journal.close();
  });

  it('flushes pending commits on close, then refuses commits and compactions', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    const pending = journal.commit([{ op: 'put', c: 'a', k: 'pending', v: true }]);
    const closed = journal.close();
    await expect(journal.commit([{ op: 'put', c: 'a', k: 'late', v: true }])).rejects.toBeInstanceOf(JournalClosedError);
    await expect(journal.compact(() => [])).rejects.toThrow(/closed/);
    await pending;
    await closed;
    await journal.close();
    expect(await reopen(dir)).toEqual(new Map([['a', new Map([['pending', true]])]]));
  });

  it('rejects the failed commit and every later one with the underlying write error', async () => {
    const dir = await freshDir();
    const journal = await Journal.open({ dir });
    await journal.commit([{ op: 'put', c: 'a', k: 'kept', v: 1 }]);
    // Closing the descriptor underneath makes the next write fail the way a dying disk would.
    await (journal as unknown as { active: FileHandle }).active.close();
    const first = journal.commit([{ op: 'put', c: 'a', k: 'lost', v: 2 }]);
    const queued = journal.commit([{ op: 'put', c: 'a', k: 'lost2', v: 3 }]);
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as NodeJS.ErrnoException).code).toBe('EBADF');
    await expect(queued).rejects.toBe(error);
    await expect(journal.commit([{ op: 'put', c: 'a', k: 'later', v: 4 }])).rejects.toBe(error);
    await expect(journal.compact(() => [])).rejects.toBe(error);
    expect(journal.shouldCompact()).toBe(false);
    await journal.close();
    expect(await reopen(dir)).toEqual(new Map([['a', new Map([['kept', 1]])]]));
  });
});
