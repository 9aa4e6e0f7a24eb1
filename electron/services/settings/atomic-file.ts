import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** Owner read/write only: every file this app writes under its data folder holds private data. */
export const PRIVATE_FILE_MODE = 0o600;

/** Windows briefly locks a file that a virus scanner or indexer has open; a rename over it then fails. */
const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 5;

/** Distinguishes temp files of overlapping writers in this process; 'wx' catches any clash with another process. */
let tempCounter = 0;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined;
}

/** The file's bytes, or undefined when it does not exist; any other read error is thrown. */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (process.platform !== 'win32' || !code || !RENAME_RETRY_CODES.has(code) || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** Makes a rename durable across power loss; directories cannot be opened on Windows, where this is a no-op. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself has still happened.
  }
}

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old file or the new one, never a mix:
 * write a private temp file beside it, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Buffer, mode: number = PRIVATE_FILE_MODE): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${++tempCounter}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      // The umask can only remove bits, but an inherited ACL or odd umask must not widen a secrets file.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** A file-name-safe timestamp (no colons, which Windows forbids). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

/**
 * Saves `bytes` (the damaged file's original content) beside `path` as `<name>.corrupt-<timestamp><ext>`,
 * never overwriting an earlier backup, and returns the backup's path.
 */
export async function writeBackup(path: string, bytes: Buffer, now: Date, mode: number = PRIVATE_FILE_MODE): Promise<string> {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  const base = `${stem}.corrupt-${fileStamp(now)}`;
  for (let n = 0; ; n++) {
    const candidate = `${base}${n === 0 ? '' : `-${n}`}${ext}`;
    let handle;
    try {
      handle = await open(candidate, 'wx', mode);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(dirname(candidate));
    return candidate;
  }
}
