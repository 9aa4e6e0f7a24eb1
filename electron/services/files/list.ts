import type { BatchServiceModels } from '@azure/batch';
import type { FilePage, NodeFileEntry, NodeFileProperties } from '../../../shared/models';
import { checkContinuation, odataString } from '../batch/paging';
import { assertFilePath, folderOf, type FileOps } from './source';

/** The listing options the renderer sends; the same ones come back with a continuation. */
export interface ListArgs {
  path?: string;
  recursive?: boolean;
  prefix?: string;
  continuation?: string;
  maxResults?: number;
}

function iso(date: Date | undefined): string | undefined {
  return date ? new Date(date).toISOString() : undefined;
}

/** A listing entry as plain JSON. */
export function fileEntry(file: BatchServiceModels.NodeFile): NodeFileEntry {
  const entry: NodeFileEntry = { name: (file.name ?? '').replace(/\\/g, '/'), isDirectory: file.isDirectory === true };
  const p = file.properties;
  if (file.url) entry.url = file.url;
  if (p && !entry.isDirectory) entry.size = p.contentLength;
  const lastModified = iso(p?.lastModified);
  if (lastModified) entry.lastModified = lastModified;
  const creationTime = iso(p?.creationTime);
  if (creationTime) entry.creationTime = creationTime;
  if (p?.contentType && !entry.isDirectory) entry.contentType = p.contentType;
  return entry;
}

/**
 * One page of a folder. The service filters by `startswith(name, …)`; it only lists below the root when asked to
 * recurse, so a non-recursive folder listing recurses and keeps the folder's direct children (a page may hold fewer).
 */
export async function listFiles(ops: FileOps, accountUrl: string, args: ListArgs): Promise<FilePage> {
  const folder = folderOf(args.path);
  const namePrefix = assertFilePath(`${folder ? `${folder}/` : ''}${args.prefix ?? ''}`);
  const page = args.continuation
    ? await ops.listNext(checkContinuation(args.continuation, accountUrl))
    : await ops.list({
        recursive: args.recursive === true || folder !== '',
        ...(namePrefix ? { filter: `startswith(name,${odataString(namePrefix)})` } : {}),
        maxResults: args.maxResults ?? 1000,
      });
  let items = page.map(fileEntry);
  if (!args.recursive && folder) items = items.filter((e) => !e.name.slice(folder.length + 1).includes('/'));
  const out: FilePage = { items };
  if (page.odatanextLink) out.continuation = page.odatanextLink;
  return out;
}

/** Size, type and times of one file or folder, without reading it. */
export async function fileProperties(ops: FileOps, path: string): Promise<NodeFileProperties> {
  const h = await ops.properties(assertFilePath(path));
  const out: NodeFileProperties = { path, isDirectory: h.ocpBatchFileIsdirectory === true, size: h.contentLength ?? 0 };
  const lastModified = iso(h.lastModified);
  if (lastModified) out.lastModified = lastModified;
  const creationTime = iso(h.ocpCreationTime);
  if (creationTime) out.creationTime = creationTime;
  if (h.contentType) out.contentType = h.contentType;
  return out;
}
