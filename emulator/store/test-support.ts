import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreState } from './codec.js';
import type { JournalOp } from './types.js';

/** Creates a fresh temp directory and returns it with a remover, for tests and benchmarks. */
export async function tempDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `journal-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A task-shaped value about the size of an Azure Batch task resource (~700 bytes of JSON). */
export function taskValue(jobId: string, i: number): Record<string, unknown> {
  const id = `task-${String(i).padStart(7, '0')}`;
  return {
    id,
    url: `https://emulator.local/jobs/${jobId}/tasks/${id}`,
    eTag: `0x8D${(0x1000000 + i).toString(16).toUpperCase()}`,
    creationTime: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60)).toISOString(),
    lastModified: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60)).toISOString(),
    state: 'active',
    stateTransitionTime: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60)).toISOString(),
    commandLine: `/bin/bash -c "python3 process.py --shard ${i} --input data/part-${i % 1000}.csv"`,
    resourceFiles: [{ httpUrl: `https://storage.local/inputs/part-${i % 1000}.csv`, filePath: 'data' }],
    environmentSettings: [{ name: 'SHARD', value: String(i) }],
    constraints: { maxWallClockTime: 'P10675199DT2H48M5.4775807S', retentionTime: 'P7D', maxTaskRetryCount: 3 },
    userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } },
    executionInfo: { retryCount: 0, requeueCount: 0 },
    multiInstanceSettings: null,
  };
}

/** Put ops for tasks [from, from + count) of one job. */
export function taskPuts(jobId: string, from: number, count: number): JournalOp[] {
  const ops: JournalOp[] = [];
  for (let i = from; i < from + count; i++) {
    ops.push({ op: 'put', c: `tasks/${jobId}`, k: `task-${i}`, v: taskValue(jobId, i) });
  }
  return ops;
}

/** Applies ops to a live state map the way the emulator would. */
export function applyOps(state: StoreState, ops: readonly JournalOp[]): void {
  for (const op of ops) {
    if (op.op === 'put') {
      let keys = state.get(op.c);
      if (keys === undefined) state.set(op.c, (keys = new Map()));
      keys.set(op.k, structuredClone(op.v));
    } else {
      const keys = state.get(op.c);
      if (keys?.delete(op.k) === true && keys.size === 0) state.delete(op.c);
    }
  }
}

/** A deep copy of state, to compare against later. */
export function cloneState(state: StoreState): StoreState {
  return structuredClone(state);
}
