import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { applyLogPayload, type StoreState } from './codec.js';
import { JournalCorruptionError } from './errors.js';
import { createLog, fileName, fsyncDir, listStore } from './files.js';
import { checkFileHeader, FILE_HEADER_BYTES, scanFrames } from './frames.js';
import { readSnapshot } from './snapshot.js';

/** Everything Journal needs after recovery: the state and where to go on appending. */
export interface RecoveredStore {
  state: StoreState;
  /** Generation of the snapshot the state is based on; 0 when there is none. */
  baseGen: number;
  activeGen: number;
  active: FileHandle;
  /** Offset in the active log just past its last good frame. */
  activeEnd: number;
  /** Bytes of logs older than the active one that still replay on top of the base snapshot. */
  olderLogBytes: number;
  snapshotBytes: number;
}

/**
 * Rebuilds state from the newest snapshot plus every log from its generation on, in order.
 * A snapshot exists only once complete (temp + rename), so the newest one always wins; logs older than it
 * and temp files are leftovers of an interrupted compaction and are removed. Only the newest log may end
 * in a torn frame; it is truncated back to its last good frame.
 */
export async function recoverStore(dir: string): Promise<RecoveredStore> {
  await mkdir(dir, { recursive: true });
  const listing = await listStore(dir);
  const baseGen = listing.snapshots.at(-1) ?? 0;
  const logs = listing.logs.filter((gen) => gen >= baseGen);
  checkLogSequence(dir, baseGen, logs);

  const state: StoreState = new Map();
  const snapshotBytes = baseGen > 0 ? await readSnapshot(join(dir, fileName('snapshot', baseGen)), baseGen, state) : 0;

  let olderLogBytes = 0;
  for (const gen of logs.slice(0, -1)) olderLogBytes += await replayOlderLog(join(dir, fileName('log', gen)), gen, state);
  const activeGen = logs.at(-1) ?? Math.max(baseGen, 1);
  const { active, activeEnd } =
    logs.length > 0
      ? await openActiveLog(join(dir, fileName('log', activeGen)), activeGen, state)
      : { active: await createLog(dir, activeGen), activeEnd: FILE_HEADER_BYTES };

  const stale = [
    ...listing.temps,
    ...listing.snapshots.filter((gen) => gen < baseGen).map((gen) => fileName('snapshot', gen)),
    ...listing.logs.filter((gen) => gen < baseGen).map((gen) => fileName('log', gen)),
  ];
  for (const name of stale) await rm(join(dir, name), { force: true });
  if (stale.length > 0) await fsyncDir(dir);

  return { state, baseGen, activeGen, active, activeEnd, olderLogBytes, snapshotBytes };
}

// Logs are created one generation at a time and never removed before a newer snapshot is durable,
// so the logs to replay always run without gaps from the base snapshot's generation.
function checkLogSequence(dir: string, baseGen: number, logs: readonly number[]): void {
  if (logs.length === 0 && baseGen === 0) return;
  const first = Math.max(baseGen, 1);
  logs.forEach((gen, i) => {
    if (gen !== first + i) throw new JournalCorruptionError(dir, undefined, `missing ${fileName('log', first + i)}`);
  });
  if (logs.length === 0) throw new JournalCorruptionError(dir, undefined, `missing ${fileName('log', first)}`);
}

async function replayOlderLog(path: string, gen: number, state: StoreState): Promise<number> {
  const fh = await open(path, 'r');
  try {
    await checkFileHeader(fh, path, 'log', gen);
    const { size } = await fh.stat();
    await scanFrames(fh, path, FILE_HEADER_BYTES, size, 'strict', (payload) => applyLogPayload(state, payload));
    return size;
  } finally {
    await fh.close();
  }
}

async function openActiveLog(
  path: string,
  gen: number,
  state: StoreState,
): Promise<{ active: FileHandle; activeEnd: number }> {
  const fh = await open(path, 'r+');
  try {
    await checkFileHeader(fh, path, 'log', gen);
    const { size } = await fh.stat();
    const scan = await scanFrames(fh, path, FILE_HEADER_BYTES, size, 'tolerate-torn-tail', (payload) =>
      applyLogPayload(state, payload),
    );
    if (scan.torn) {
      // The torn frame was never acknowledged (acks follow fdatasync); cut it so appends start clean.
      await fh.truncate(scan.end);
      await fh.sync();
    }
    return { active: fh, activeEnd: scan.end };
  } catch (error) {
    await fh.close();
    throw error;
  }
}
