import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpsRunner } from '../runner';
import { copyFile, type CopyOptions } from './copy';
import type { DownloadPlan } from './plan';
import type { ProgressReporter } from './progress';
import { pathInside } from './sanitize';

/** What a finished desktop download wrote. */
export interface Saved {
  destination: string;
  files: number;
  bytes: number;
}

type Fetch = Pick<CopyOptions, 'chunkBytes' | 'timeoutMs'>;

/** Streams one remote file to `<target>.part` and renames it into place; the partial file never outlives a failure. */
export async function saveFile(run: OpsRunner, remotePath: string, size: number, target: string, fetch: Fetch, progress: ProgressReporter): Promise<void> {
  const part = `${target}.part`;
  const handle = await open(part, 'w');
  let closed = false;
  try {
    await copyFile(run, remotePath, size, async (chunk) => void (await handle.write(chunk)), { ...fetch, onBytes: (n) => progress.bytes(n) });
    closed = true;
    await handle.close();
    await rename(part, target);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(part, { force: true });
    throw error;
  }
}

/** Creates `<parent>/<name>`, or `<name> (2)` and so on when that exists, so an earlier download is never merged into. */
export async function freshFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? name : `${name} (${n})`);
    try {
      await mkdir(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
    }
  }
}

/** Writes a planned folder under a fresh subfolder of `parent`, one file at a time, each path checked to stay inside. */
export async function saveFolder(run: OpsRunner, plan: DownloadPlan, parent: string, fetch: Fetch, progress: ProgressReporter): Promise<Saved> {
  const root = await freshFolder(parent, plan.rootName);
  for (const entry of plan.entries) {
    const target = pathInside(root, entry.segments);
    if (entry.isDirectory) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    progress.startFile(entry.segments.join('/'));
    await saveFile(run, entry.remotePath, entry.size, target, fetch, progress);
    progress.fileDone();
  }
  return { destination: root, files: plan.files, bytes: plan.bytes };
}
