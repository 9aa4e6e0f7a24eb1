import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, rm, rmdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** One file or directory under a task or node directory. */
export interface FileEntry {
  /** Path relative to the listed root, with forward slashes. */
  name: string;
  isDirectory: boolean;
  stats: Stats;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * The absolute path of `name` (forward or back slashes) under `root`, or undefined when it would
 * leave the root, directly or through a symbolic link.
 */
export async function resolveInside(root: string, name: string): Promise<string | undefined> {
  const parts = name.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return undefined;
  const path = resolve(root, ...parts);
  if (!inside(root, path)) return undefined;
  try {
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(path)]);
    return inside(realRoot, realPath) ? path : undefined;
  } catch {
    return path;
  }
}

/** Stats of a path, or undefined when it does not exist. */
export async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Lists a directory (recursively if asked) as sorted entries named relative to `root`. */
export async function listFiles(root: string, recursive: boolean): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const entries = await Promise.all(
      names.map(async (name) => {
        const stats = await lstat(join(dir, name)).catch(() => undefined);
        return stats ? { name: `${prefix}${name}`, isDirectory: stats.isDirectory(), stats } : undefined;
      }),
    );
    for (const entry of entries) {
      if (!entry) continue;
      out.push(entry);
      if (recursive && entry.isDirectory) await walk(join(dir, entry.name.slice(prefix.length)), `${entry.name}/`);
    }
  };
  await walk(root, '');
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Deletes a file, or a directory (which must be empty unless `recursive`); false when not empty. */
export async function deletePath(path: string, isDirectory: boolean, recursive: boolean): Promise<boolean> {
  if (!isDirectory) {
    await rm(path, { force: true });
    return true;
  }
  if (recursive) {
    await rm(path, { recursive: true, force: true });
    return true;
  }
  try {
    await rmdir(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
