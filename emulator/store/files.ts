import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeFileHeader, type FileKind } from './frames.js';

const NAME = /^(log|snapshot)-(\d{1,10})\.(jlog|jsnap)$/;
const EXTENSION: Record<FileKind, string> = { log: 'jlog', snapshot: 'jsnap' };

/** File name of generation gen's log or snapshot; zero-padded so a listing sorts by generation. */
export function fileName(kind: FileKind, gen: number): string {
  return `${kind}-${String(gen).padStart(8, '0')}.${EXTENSION[kind]}`;
}

/** What a store directory holds, by generation; temp files are leftovers of an interrupted step. */
export interface DirListing {
  logs: number[];
  snapshots: number[];
  temps: string[];
}

/** Lists the store's own files, ascending by generation; unrelated files are ignored. */
export async function listStore(dir: string): Promise<DirListing> {
  const listing: DirListing = { logs: [], snapshots: [], temps: [] };
  for (const name of await readdir(dir)) {
    if (name.endsWith('.tmp')) {
      listing.temps.push(name);
      continue;
    }
    const match = NAME.exec(name);
    if (match === null || EXTENSION[match[1] as FileKind] !== match[3]) continue;
    (match[1] === 'log' ? listing.logs : listing.snapshots).push(Number(match[2]));
  }
  listing.logs.sort((a, b) => a - b);
  listing.snapshots.sort((a, b) => a - b);
  return listing;
}

/** Makes renames, creations and deletions in dir durable; Windows cannot open directories and needs none. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes all of buf at position, looping over short writes. */
export async function writeFully(fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buf.length; ) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, position + done);
    if (bytesWritten <= 0) throw new Error(`write made no progress at offset ${position + done}`);
    done += bytesWritten;
  }
}

/**
 * Creates log gen with its header via temp file, fsync, rename and directory fsync, so the log exists durably
 * before any commit written to it is acknowledged. Returns it opened for appending.
 */
export async function createLog(dir: string, gen: number): Promise<FileHandle> {
  const final = join(dir, fileName('log', gen));
  const temp = `${final}.tmp`;
  try {
    const fh = await open(temp, 'w');
    try {
      await writeFully(fh, encodeFileHeader('log', gen), 0);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, final);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dir);
  return open(final, 'r+');
}
