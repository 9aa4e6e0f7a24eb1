import { open, rm } from 'node:fs/promises';
import { applySnapshotEntries, encodePut, type SnapshotEntry, type StoreState } from './codec.js';
import { JournalCorruptionError } from './errors.js';
import { writeFully } from './files.js';
import { checkFileHeader, encodeFileHeader, encodeFrame, FILE_HEADER_BYTES, scanFrames } from './frames.js';

// Big enough to amortise a write call, small enough that a snapshot of millions of entries stays streamed.
const CHUNK_CHARS = 1 << 20;

/**
 * Streams entries into a complete, fsynced snapshot file at path (meant to be a temp name renamed later).
 * Frames hold JSON arrays of [c,k,v]; a final {"end": count} frame proves the file is whole.
 * Returns the file's size. On failure the partial file is removed.
 */
export async function writeSnapshot(path: string, gen: number, entries: Iterable<SnapshotEntry>): Promise<number> {
  const fh = await open(path, 'w');
  let position = 0;
  const append = async (text: string): Promise<void> => {
    const frame = encodeFrame([Buffer.from(text, 'utf8')]);
    await writeFully(fh, frame, position);
    position += frame.length;
  };
  try {
    await writeFully(fh, encodeFileHeader('snapshot', gen), 0);
    position = FILE_HEADER_BYTES;
    let parts: string[] = [];
    let chars = 0;
    let count = 0;
    // Awaiting between chunks lets commits proceed; entries may then reflect later changes, which is safe
    // because every such change is also in the new log and replays over the snapshot.
    for (const [c, k, v] of entries) {
      const part = encodePut(c, k, v);
      parts.push(part);
      chars += part.length;
      count++;
      if (chars >= CHUNK_CHARS) {
        await append(`[${parts.join(',')}]`);
        parts = [];
        chars = 0;
      }
    }
    if (parts.length > 0) await append(`[${parts.join(',')}]`);
    await append(JSON.stringify({ end: count }));
    await fh.sync();
  } catch (error) {
    await fh.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
  await fh.close();
  return position;
}

/** Loads snapshot gen from path into state, strictly: any damage is corruption. Returns the file's size. */
export async function readSnapshot(path: string, gen: number, state: StoreState): Promise<number> {
  const fh = await open(path, 'r');
  try {
    await checkFileHeader(fh, path, 'snapshot', gen);
    const { size } = await fh.stat();
    let count = 0;
    let ended = false;
    await scanFrames(fh, path, FILE_HEADER_BYTES, size, 'strict', (payload, offset) => {
      if (ended) throw new JournalCorruptionError(path, offset, 'data after the end marker');
      const parsed: unknown = JSON.parse(payload.toString('utf8'));
      if (Array.isArray(parsed)) {
        count += applySnapshotEntries(state, parsed);
        return;
      }
      const end = (parsed as { end?: unknown } | null)?.end;
      if (end !== count) {
        throw new JournalCorruptionError(path, offset, `end marker says ${String(end)} entries, read ${count}`);
      }
      ended = true;
    });
    if (!ended) throw new JournalCorruptionError(path, size, 'snapshot has no end marker');
    return size;
  } finally {
    await fh.close();
  }
}
