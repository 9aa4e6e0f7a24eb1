// Hash routes of the file browser and the task logs page: folder segments and the open file survive any name.
import type { FileSource } from '../../api/files';

const enc = encodeURIComponent;

/** The route prefix of a task's files (before the folder segments). */
export function taskFilesBase(jobId: string, taskId: string): string {
  return `/jobs/${enc(jobId)}/tasks/${enc(taskId)}/files`;
}

/** The route prefix of a node's files (before the folder segments). */
export function nodeFilesBase(poolId: string, nodeId: string): string {
  return `/pools/${enc(poolId)}/nodes/${enc(nodeId)}/files`;
}

/** A files route: the base, each folder segment encoded on its own, and `?file=` for the open file's full path. */
export function filesPath(base: string, folder = '', file?: string): string {
  const segments = folder.split('/').filter(Boolean).map(enc).join('/');
  const query = file ? `?${new URLSearchParams({ file }).toString()}` : '';
  return `${base}${segments ? `/${segments}` : ''}${query}`;
}

/** A task's files at `folder` (relative to the task directory), with `file` (a full relative path) open. */
export function taskFilesPath(jobId: string, taskId: string, folder?: string, file?: string): string {
  return filesPath(taskFilesBase(jobId, taskId), folder, file);
}

/** A node's files at `folder` (relative to the node root), with `file` (a full relative path) open. */
export function nodeFilesPath(poolId: string, nodeId: string, folder?: string, file?: string): string {
  return filesPath(nodeFilesBase(poolId, nodeId), folder, file);
}

/** A task's stderr.txt and stdout.txt side by side. */
export function taskLogsPath(jobId: string, taskId: string): string {
  return `/jobs/${enc(jobId)}/tasks/${enc(taskId)}/logs`;
}

/** How many path segments precede the folder in both files routes: "", jobs|pools, id, tasks|nodes, id, files. */
const FOLDER_SEGMENT = 6;

/**
 * The folder of a files route, read from the raw (still encoded) pathname: the router's own params turn an
 * encoded "%2F" in a name into "/", so each segment is decoded here exactly once.
 */
export function folderFromPathname(pathname: string): string {
  return pathname
    .split('/')
    .slice(FOLDER_SEGMENT)
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The folder holding a file path ('' for a file at the root). */
export function parentFolder(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** The browser route with one file of a task or node open in the viewer, in its own folder. */
export function fileViewerPath(source: FileSource, path: string): string {
  return source.kind === 'task'
    ? taskFilesPath(source.jobId, source.taskId, parentFolder(path), path)
    : nodeFilesPath(source.poolId, source.nodeId, parentFolder(path), path);
}
