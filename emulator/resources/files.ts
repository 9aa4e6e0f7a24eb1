import { createReadStream, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Account } from '../engine/account.js';
import { nodeDirs } from '../engine/execution.js';
import { deletePath, listFiles, resolveInside, statOrUndefined, type FileEntry } from '../engine/fileAccess.js';
import { nodeRoot, taskDirName } from '../engine/nodeFs.js';
import type { RequestContext } from '../http/context.js';
import { evaluateConditions } from '../http/conditions.js';
import { BatchError, conflict, invalidHeader, notFound } from '../http/errors.js';
import { booleanParam } from '../http/query.js';
import type { Route } from '../http/router.js';
import { eTagAt, httpDate, iso } from '../model/clock.js';
import type { FilterFields } from '../odata/index.js';
import { requireJob, requireNode, requirePool, requireTask } from './common.js';
import { sendList } from './listing.js';
import { nodeUrl, taskUrl } from './wire.js';

const FILE_FIELDS: FilterFields = { name: 'string', isDirectory: 'boolean' };

/** A directory the file API serves, and the URL its files are addressed under. */
interface FileRoot {
  dir: string;
  url: string;
}

function fileUrl(root: FileRoot, name: string): string {
  return `${root.url}/files/${name.split('/').map(encodeURIComponent).join('/')}`;
}

function fileMode(stats: Stats): string {
  return `0${stats.mode.toString(8)}`;
}

async function taskRoot(account: Account, ctx: RequestContext): Promise<FileRoot> {
  const job = requireJob(account, ctx);
  const task = requireTask(job, ctx);
  const url = taskUrl(ctx.base, job.rec.id, task.id);
  const placement = task.node;
  if (!placement || !account.nodes.has(placement.nodeId)) {
    throw conflict('TaskFilesUnavailable', placement ? 'The node the task ran on is no longer in its pool.' : 'The task has not run on a node yet.');
  }
  const dir = join(nodeRoot(account.config.dataDir, placement.nodeId), ...taskDirName(job.rec.id, task.id).split('/'));
  if (!(await statOrUndefined(dir))) throw conflict('TaskFilesUnavailable', 'The task directory no longer exists.');
  return { dir, url };
}

async function nodeFileRoot(account: Account, ctx: RequestContext): Promise<FileRoot> {
  const pool = requirePool(account, ctx);
  const node = requireNode(pool, ctx);
  await nodeDirs(account, node);
  return { dir: nodeRoot(account.config.dataDir, node.rec.id), url: nodeUrl(ctx.base, pool.rec.id, node.rec.id) };
}

function fileToWire(root: FileRoot, entry: FileEntry): Record<string, unknown> {
  return {
    name: entry.name,
    url: fileUrl(root, entry.name),
    isDirectory: entry.isDirectory,
    properties: {
      creationTime: iso(entry.stats.birthtimeMs || entry.stats.ctimeMs),
      lastModified: iso(entry.stats.mtimeMs),
      contentLength: entry.isDirectory ? 0 : entry.stats.size,
      contentType: entry.isDirectory ? undefined : 'application/octet-stream',
      fileMode: fileMode(entry.stats),
    },
  };
}

async function list(ctx: RequestContext, root: FileRoot): Promise<void> {
  const entries = await listFiles(root.dir, booleanParam(ctx.query, 'recursive', false));
  sendList(ctx, {
    entries: (after) => {
      const start = after === undefined ? 0 : entries.findIndex((e) => e.name > after);
      return (start < 0 ? [] : entries.slice(start)).map((e): [string, FileEntry] => [e.name, e]);
    },
    fields: FILE_FIELDS,
    toWire: (entry) => fileToWire(root, entry),
    entitySet: 'files',
  });
}

async function locate(root: FileRoot, name: string): Promise<{ path: string; stats: Stats }> {
  const path = await resolveInside(root.dir, name);
  const stats = path === undefined ? undefined : await statOrUndefined(path);
  if (path === undefined || !stats) throw notFound('FileNotFound');
  return { path, stats };
}

function parseRange(header: string, size: number): { start: number; end: number } {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw invalidHeader('ocp-range', header, 'Expected bytes=start-end.');
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) {
    throw new BatchError(416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.');
  }
  return { start, end };
}

async function get(ctx: RequestContext, root: FileRoot, name: string): Promise<void> {
  const { path, stats } = await locate(root, name);
  const version = { eTag: eTagAt(Math.floor(stats.mtimeMs)), lastModified: stats.mtimeMs };
  const headers: Record<string, string | number> = {
    ETag: version.eTag,
    'Last-Modified': httpDate(stats.mtimeMs),
    'ocp-creation-time': httpDate(stats.birthtimeMs || stats.ctimeMs),
    'ocp-batch-file-isdirectory': String(stats.isDirectory()),
    'ocp-batch-file-url': fileUrl(root, name.replace(/\\/g, '/')),
    'ocp-batch-file-mode': fileMode(stats),
    'Content-Type': 'application/octet-stream',
  };
  if (evaluateConditions(ctx.req.headers, version, 'read') === 'not-modified') {
    ctx.send(304, headers);
    return;
  }
  if (ctx.method === 'HEAD' || stats.isDirectory()) {
    if (ctx.method !== 'HEAD') throw conflict('OperationInvalidForCurrentState', 'The path names a directory, not a file.');
    ctx.send(200, { ...headers, 'Content-Length': stats.isDirectory() ? 0 : stats.size });
    return;
  }
  const rangeHeader = ctx.header('ocp-range');
  const range = rangeHeader === undefined || stats.size === 0 ? { start: 0, end: stats.size - 1 } : parseRange(rangeHeader, stats.size);
  const length = Math.max(0, range.end - range.start + 1);
  if (rangeHeader !== undefined && stats.size > 0) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${stats.size}`;
  if (length === 0) {
    ctx.send(200, { ...headers, 'Content-Length': 0 });
    return;
  }
  const res = ctx.begin(200, { ...headers, 'Content-Length': length });
  await new Promise<void>((resolve) => {
    const stream = createReadStream(path, { start: range.start, end: range.end });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

async function remove(ctx: RequestContext, root: FileRoot, name: string): Promise<void> {
  const { path, stats } = await locate(root, name);
  if (path === root.dir) throw conflict('OperationInvalidForCurrentState', 'The root directory cannot be deleted.');
  const deleted = await deletePath(path, stats.isDirectory(), booleanParam(ctx.query, 'recursive', false));
  if (!deleted) throw conflict('OperationInvalidForCurrentState', 'The directory is not empty; set recursive to delete it.');
  ctx.send(200);
}

/** The file operations on task and node directories. */
export function fileRoutes(account: Account): Route[] {
  const task = (ctx: RequestContext) => taskRoot(account, ctx);
  const node = (ctx: RequestContext) => nodeFileRoot(account, ctx);
  const taskFile = '/jobs/:jobId/tasks/:taskId/files/*filePath';
  const nodeFile = '/pools/:poolId/nodes/:nodeId/files/*filePath';
  const name = (ctx: RequestContext) => ctx.params.filePath ?? '';
  return [
    { method: 'GET', pattern: '/jobs/:jobId/tasks/:taskId/files', body: 'none', handler: async (ctx) => list(ctx, await task(ctx)) },
    { method: 'GET', pattern: taskFile, body: 'none', handler: async (ctx) => get(ctx, await task(ctx), name(ctx)) },
    { method: 'HEAD', pattern: taskFile, body: 'none', handler: async (ctx) => get(ctx, await task(ctx), name(ctx)) },
    { method: 'DELETE', pattern: taskFile, body: 'none', handler: async (ctx) => remove(ctx, await task(ctx), name(ctx)) },
    { method: 'GET', pattern: '/pools/:poolId/nodes/:nodeId/files', body: 'none', handler: async (ctx) => list(ctx, await node(ctx)) },
    { method: 'GET', pattern: nodeFile, body: 'none', handler: async (ctx) => get(ctx, await node(ctx), name(ctx)) },
    { method: 'HEAD', pattern: nodeFile, body: 'none', handler: async (ctx) => get(ctx, await node(ctx), name(ctx)) },
    { method: 'DELETE', pattern: nodeFile, body: 'none', handler: async (ctx) => remove(ctx, await node(ctx), name(ctx)) },
  ];
}
