import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, stateEntries, type JournalOp } from './index.js';
import { fileName } from './files.js';
import { applyOps, cloneState, tempDir, taskPuts } from './test-support.js';
import type { StoreState } from './codec.js';
import type { CompactionStep } from './types.js';

const STEPS: CompactionStep[] = ['log-rotated', 'snapshot-written', 'snapshot-renamed', 'dir-synced', 'old-files-removed'];

let root: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, remove } = await tempDir('compaction'));
});
afterEach(async () => {
  await remove();
});

/** A journal plus the live state the emulator would keep beside it (applied before committing). */
type Commit = (ops: JournalOp[]) => Promise<void>;

async function liveStore(dir: string, hooks = {}): Promise<{ journal: Journal; live: StoreState; commit: Commit }> {
  const journal = await Journal.open({ dir, compactThresholdBytes: 4096 }, hooks);
  const live = journal.recovered;
  const commit = (ops: JournalOp[]): Promise<void> => {
    applyOps(live, ops);
    return journal.commit(ops);
  };
  return { journal, live, commit };
}

async function seed(commit: Commit): Promise<void> {
  for (let b = 0; b < 10; b++) await commit(taskPuts('job-1', b * 20, 20));
  await commit([{ op: 'del', c: 'tasks/job-1', k: 'task-3' }]);
  await commit([{ op: 'put', c: 'jobs', k: 'job-1', v: { id: 'job-1', state: 'active' } }]);
  await commit([{ op: 'put', c: 'gone', k: 'x', v: 1 }]);
  await commit([{ op: 'del', c: 'gone', k: 'x' }]);
}

async function recover(dir: string): Promise<StoreState> {
  const journal = await Journal.open({ dir });
  await journal.close();
  return journal.recovered;
}

describe('compaction', () => {
  it('keeps state identical, leaves only the new generation and survives reopen', async () => {
    const dir = join(root, 'store');
    const { journal, live, commit } = await liveStore(dir);
    await seed(commit);
    expect(journal.shouldCompact()).toBe(true);
    const before = cloneState(live);
    await journal.compact(() => stateEntries(live));
    expect(journal.shouldCompact()).toBe(false);
    expect(live).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual([fileName('log', 2), fileName('snapshot', 2)]);
    await commit([{ op: 'put', c: 'jobs', k: 'job-2', v: { id: 'job-2' } }]);
    await journal.close();
    const recovered = await recover(dir);
    expect(recovered).toEqual(live);
    expect(recovered.has('gone')).toBe(false);
  });

  it('compacts repeatedly and tolerates an empty state', async () => {
    const dir = join(root, 'store');
    const { journal, live, commit } = await liveStore(dir);
    for (let round = 0; round < 3; round++) {
      await seed(commit);
      await journal.compact(() => stateEntries(live));
    }
    const taskKeys = [...(live.get('tasks/job-1')?.keys() ?? [])];
    await commit([
      { op: 'del', c: 'jobs', k: 'job-1' },
      ...taskKeys.map((k): JournalOp => ({ op: 'del', c: 'tasks/job-1', k })),
    ]);
    expect(live.size).toBe(0);
    await journal.compact(() => stateEntries(live));
    await journal.close();
    expect((await readdir(dir)).sort()).toEqual([fileName('log', 5), fileName('snapshot', 5)]);
    expect((await recover(dir)).size).toBe(0);
  });

  it('keeps commits made while the snapshot is being written', async () => {
    const dir = join(root, 'store');
    const ref: { commit?: Commit } = {};
    const during: Promise<void>[] = [];
    const { journal, live, commit } = await liveStore(dir, {
      onCompactionStep: (step: CompactionStep) => {
        if (step === 'log-rotated' || step === 'snapshot-written') {
          const ops: JournalOp[] = [
            { op: 'put', c: 'jobs', k: `during-${step}`, v: step },
            { op: 'del', c: 'tasks/job-1', k: `task-${step.length}` },
          ];
          during.push(ref.commit!(ops));
        }
      },
    });
    ref.commit = commit;
    await seed(commit);
    const overwrite = commit([{ op: 'put', c: 'jobs', k: 'job-1', v: { id: 'job-1', state: 'completed' } }]);
    const compaction = journal.compact(function* () {
      for (const entry of stateEntries(live)) {
        yield entry;
        // Changes racing the iteration: they land in the new log and replay over the snapshot.
        if (entry[1] === 'task-50') void commit([{ op: 'put', c: 'tasks/job-1', k: 'task-199', v: 'changed mid-snapshot' }]);
      }
    });
    expect(journal.compact(() => [])).toBe(compaction);
    await Promise.all([overwrite, compaction, ...during]);
    await commit([]);
    await journal.close();
    expect(live.get('jobs')?.get('during-log-rotated')).toBe('log-rotated');
    expect(await recover(dir)).toEqual(live);
  });

  it('supports callers that apply a commit to live state only after it resolves', async () => {
    const dir = join(root, 'store');
    const journal = await Journal.open({ dir });
    const live = journal.recovered;
    const commitThenApply = (ops: JournalOp[]): Promise<void> => journal.commit(ops).then(() => applyOps(live, ops));
    await commitThenApply(taskPuts('job-1', 0, 50));
    const inFlight = Array.from({ length: 20 }, (_, i) => commitThenApply(taskPuts('job-1', 50 + i * 5, 5)));
    // Let the group-commit write start, so compaction begins while those commits are in flight.
    await new Promise((resolve) => setImmediate(resolve));
    expect(journal.writeStats.commits).toBe(1);
    const compaction = journal.compact(() => stateEntries(live));
    const later = Array.from({ length: 20 }, (_, i) => commitThenApply(taskPuts('job-1', 150 + i * 5, 5)));
    await Promise.all([...inFlight, compaction, ...later]);
    await journal.close();
    expect(live.get('tasks/job-1')?.size).toBe(250);
    expect(await recover(dir)).toEqual(live);
  });

  it('recovers the same state from the files a crash after any step would leave', async () => {
    const dir = join(root, 'store');
    const expected = new Map<string, StoreState>();
    const copies: string[] = [];
    const ref: { live?: StoreState } = {};
    const { journal, live, commit } = await liveStore(dir, {
      onCompactionStep: async (step: CompactionStep) => {
        const copy = join(root, `crash-${step}`);
        await cp(dir, copy, { recursive: true });
        copies.push(copy);
        expected.set(copy, cloneState(ref.live!));
      },
    });
    ref.live = live;
    await seed(commit);
    await journal.compact(() => stateEntries(live));
    await journal.close();
    expect(copies).toHaveLength(STEPS.length);

    // Crashes mid-write leave temp files that a rename never published.
    const midSnapshot = join(root, 'crash-mid-snapshot');
    await cp(join(root, 'crash-log-rotated'), midSnapshot, { recursive: true });
    await writeFile(join(midSnapshot, `${fileName('snapshot', 2)}.tmp`), 'partial garbage');
    await writeFile(join(midSnapshot, `${fileName('log', 3)}.tmp`), '');
    expected.set(midSnapshot, expected.get(join(root, 'crash-log-rotated'))!);

    for (const [copy, state] of expected) {
      const reopened = await Journal.open({ dir: copy });
      expect(reopened.recovered, copy).toEqual(state);
      const names = await readdir(copy);
      expect(names.some((name) => name.endsWith('.tmp')), copy).toBe(false);
      const snapshots = names.filter((name) => name.startsWith('snapshot-'));
      if (snapshots.length > 0) expect(names.sort(), copy).toEqual([fileName('log', 2), fileName('snapshot', 2)]);
      // The recovered store must go on working: commit, compact again, reopen.
      const more: JournalOp[] = [{ op: 'put', c: 'jobs', k: 'after-crash', v: copy }];
      applyOps(reopened.recovered, more);
      await reopened.commit(more);
      await reopened.compact(() => stateEntries(reopened.recovered));
      await reopened.close();
      expect(await recover(copy), copy).toEqual(reopened.recovered);
    }
  });

  it.each(STEPS)('stays usable and correct when compaction fails at %s', async (failAt) => {
    const dir = join(root, 'store');
    let armed = true;
    const { journal, live, commit } = await liveStore(dir, {
      onCompactionStep: (step: CompactionStep) => {
        if (armed && step === failAt) {
          armed = false;
          throw new Error(`injected failure at ${step}`);
        }
      },
    });
    await seed(commit);
    await expect(journal.compact(() => stateEntries(live))).rejects.toThrow(`injected failure at ${failAt}`);
    await commit([{ op: 'put', c: 'jobs', k: 'after-failure', v: 1 }]);
    expect(await recoverCopy(dir)).toEqual(live);
    await journal.compact(() => stateEntries(live));
    await commit([{ op: 'put', c: 'jobs', k: 'after-retry', v: 2 }]);
    await journal.close();
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    expect(names[1]?.startsWith('snapshot-')).toBe(true);
    expect(await recover(dir)).toEqual(live);
  });

  it('removes the partial snapshot when the snapshot source throws', async () => {
    const dir = join(root, 'store');
    const { journal, live, commit } = await liveStore(dir);
    await seed(commit);
    await expect(
      journal.compact(function* () {
        yield ['a', 'b', 1] as const;
        throw new Error('source broke');
      }),
    ).rejects.toThrow('source broke');
    expect((await readdir(dir)).sort()).toEqual([fileName('log', 1), fileName('log', 2)]);
    await journal.close();
    expect(await recover(dir)).toEqual(live);
  });

  it('turns shouldCompact on only past max(threshold, snapshot size)', async () => {
    const dir = join(root, 'store');
    const journal = await Journal.open({ dir, compactThresholdBytes: 10_000 });
    const live = journal.recovered;
    const ops = taskPuts('job-1', 0, 30);
    applyOps(live, ops);
    await journal.commit(ops);
    expect(journal.shouldCompact()).toBe(true);
    await journal.compact(() => stateEntries(live));
    expect(journal.shouldCompact()).toBe(false);
    // The snapshot (~20 kB) now exceeds the threshold, so the log must outgrow the snapshot instead.
    const small = taskPuts('job-1', 0, 16);
    await journal.commit(small);
    expect(journal.writeStats.bytes).toBeGreaterThan(10_000);
    expect(journal.shouldCompact()).toBe(false);
    await journal.commit(taskPuts('job-1', 16, 30));
    expect(journal.shouldCompact()).toBe(true);
    await journal.close();
  });
});

async function recoverCopy(dir: string): Promise<StoreState> {
  const copy = `${dir}-copy-${Math.random().toString(36).slice(2)}`;
  await cp(dir, copy, { recursive: true });
  return recover(copy);
}
