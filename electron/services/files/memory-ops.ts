import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { throwIfCancelled, type OpsRunner } from './runner';
import type { FileOps } from './source';

/** A tree served from memory for tests: file contents by name, or 'dir' for a folder. */
export type MemoryTree = Record<string, Buffer | 'dir'>;

/** Hooks a test uses to watch or hold requests (e.g. to cancel a download between two ranges deterministically). */
export interface MemoryHooks {
  beforeGet?: (path: string, start: number, end: number) => Promise<void> | void;
  pageSize?: number;
}

/**
 * The file operations the SDK offers, answered from memory the way the service answers: names as listed (no
 * checks, so a test can list `../../x`), `ocp-range` clipped at the end, and a continuation after every page.
 */
export function memoryOps(tree: MemoryTree, hooks: MemoryHooks = {}): FileOps & { ranges: [string, number, number][] } {
  const ranges: [string, number, number][] = [];
  const names = Object.keys(tree).sort();
  const pageSize = hooks.pageSize ?? 1000;
  const page = (from: number, filter?: string) => {
    const prefix = filter ? /^startswith\(name,'(.*)'\)$/.exec(filter)![1]!.replace(/''/g, "'") : '';
    const matching = names.filter((n) => n.startsWith(prefix));
    const items = matching.slice(from, from + pageSize).map((name) => {
      const value = tree[name]!;
      return { name, isDirectory: value === 'dir', properties: { contentLength: value === 'dir' ? 0 : value.length, lastModified: new Date(0) } };
    });
    const next = from + pageSize < matching.length ? `memory://next/${from + pageSize}/${encodeURIComponent(filter ?? '')}` : undefined;
    return Object.assign(items, next ? { odatanextLink: next } : {});
  };
  const missing = (path: string) => new AppError({ code: 'FileNotFound', message: `${path} not found`, status: 404 });
  const ops = {
    ranges,
    list: async ({ filter }: { filter?: string }) => page(0, filter),
    listNext: async (link: string) => {
      const [, from, filter] = /^memory:\/\/next\/(\d+)\/(.*)$/.exec(link)!;
      return page(Number(from), decodeURIComponent(filter!) || undefined);
    },
    properties: async (path: string) => {
      const value = tree[path];
      if (value === undefined) throw missing(path);
      return { contentLength: value === 'dir' ? 0 : value.length, ocpBatchFileIsdirectory: value === 'dir' };
    },
    get: async (path: string, range: string) => {
      const value = tree[path];
      if (value === undefined || value === 'dir') throw missing(path);
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(range)!;
      const start = Number(a);
      const end = Math.min(Number(b) + 1, value.length);
      ranges.push([path, start, end]);
      await hooks.beforeGet?.(path, start, end);
      return { readableStreamBody: Readable.from([value.subarray(start, end)]) };
    },
  };
  return ops as unknown as FileOps & { ranges: [string, number, number][] };
}

/** A runner over memory operations that honours a cancel signal the way the real one does. */
export function memoryRunner(ops: FileOps, cancel?: AbortSignal): OpsRunner {
  return async (work) => {
    throwIfCancelled(cancel);
    const result = await work(ops);
    throwIfCancelled(cancel);
    return result;
  };
}
