import type { BatchServiceModels } from '@azure/batch';
import { odataString } from '../../batch/paging';
import type { OpsRunner } from '../runner';
import type { FileSource } from '../source';
import { sanitizePath, sanitizeSegment } from './sanitize';

/** One file or folder to create locally: where it comes from and its sanitised path under the download's folder. */
export interface PlannedEntry {
  remotePath: string;
  segments: string[];
  isDirectory: boolean;
  size: number;
  mtime?: Date;
}

/** Everything a folder download writes, in path order (a folder before its contents, `a` before `a.part`). */
export interface DownloadPlan {
  rootName: string;
  entries: PlannedEntry[];
  files: number;
  bytes: number;
}

/** The local name for a download: the file's or folder's own name, or the task or node id for a root. */
export function downloadName(source: FileSource, path: string): string {
  const last = path.split(/[/\\]/).filter(Boolean).at(-1);
  return sanitizeSegment(last ?? (source.kind === 'task' ? source.taskId : source.nodeId));
}

/** Every file and folder below `folder` ('' for the root), following the service's continuation to the last page. */
export async function listTree(run: OpsRunner, folder: string): Promise<BatchServiceModels.NodeFile[]> {
  const filter = folder ? `startswith(name,${odataString(`${folder}/`)})` : undefined;
  const all: BatchServiceModels.NodeFile[] = [];
  let page = await run((ops) => ops.list({ recursive: true, maxResults: 1000, ...(filter ? { filter } : {}) }));
  all.push(...page);
  while (page.odatanextLink) {
    const link = page.odatanextLink;
    page = await run((ops) => ops.listNext(link));
    all.push(...page);
  }
  return all;
}

function withSuffix(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Sanitises every listed name and renames files whose cleaned names collide (case-insensitively) with another entry. */
export function planEntries(listing: readonly BatchServiceModels.NodeFile[], folder: string, rootName: string): DownloadPlan {
  const prefix = folder ? `${folder}/` : '';
  const raw: PlannedEntry[] = [];
  for (const file of listing) {
    const remotePath = file.name ?? '';
    const name = remotePath.replace(/\\/g, '/');
    // The filter asked for names under the folder; anything else was not asked for.
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;
    const entry: PlannedEntry = { remotePath, segments: sanitizePath(name.slice(prefix.length)), isDirectory: file.isDirectory === true, size: 0 };
    if (!entry.isDirectory) entry.size = file.properties?.contentLength ?? 0;
    if (file.properties?.lastModified) entry.mtime = new Date(file.properties.lastModified);
    raw.push(entry);
  }
  const key = (segments: readonly string[]) => segments.join('/').toLowerCase();
  const taken = new Set<string>();
  for (const entry of raw) {
    const dirs = entry.isDirectory ? entry.segments.length : entry.segments.length - 1;
    for (let i = 1; i <= dirs; i++) taken.add(key(entry.segments.slice(0, i)));
  }
  raw.sort((a, b) => (a.segments.join('/') < b.segments.join('/') ? -1 : 1));
  let files = 0;
  let bytes = 0;
  for (const entry of raw) {
    if (entry.isDirectory) continue;
    const base = entry.segments.at(-1)!;
    for (let n = 2; taken.has(key(entry.segments)); n++) entry.segments[entry.segments.length - 1] = withSuffix(base, n);
    taken.add(key(entry.segments));
    files++;
    bytes += entry.size;
  }
  return { rootName, entries: raw, files, bytes };
}

/** Lists a folder and plans its download. */
export async function planFolder(run: OpsRunner, folder: string, rootName: string): Promise<DownloadPlan> {
  return planEntries(await listTree(run, folder), folder, rootName);
}
