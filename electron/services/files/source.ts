import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import { filePathProblem } from '../../../shared/contract/files';

/** Whose files a call reads: a task's directory or a whole node's tree. */
export type FileSource = { kind: 'task'; jobId: string; taskId: string } | { kind: 'node'; poolId: string; nodeId: string };

type ListResult = BatchServiceModels.FileListFromTaskResponse;
type GetResult = BatchServiceModels.FileGetFromTaskResponse;
type PropertiesResult = BatchServiceModels.FileGetPropertiesFromTaskResponse;

/** The SDK's task and node file operations behind one shape, so the file calls are written once. */
export interface FileOps {
  list(options: { recursive: boolean; filter?: string; maxResults: number }): Promise<ListResult>;
  listNext(link: string): Promise<ListResult>;
  get(path: string, ocpRange: string): Promise<GetResult>;
  properties(path: string): Promise<PropertiesResult>;
}

/** Binds the file operations of one source to a client and an abort signal. */
export function fileOps(client: BatchServiceClient, source: FileSource, abortSignal: AbortSignalLike): FileOps {
  const f = client.file;
  if (source.kind === 'task') {
    const { jobId, taskId } = source;
    return {
      list: ({ recursive, filter, maxResults }) =>
        f.listFromTask(jobId, taskId, { recursive, fileListFromTaskOptions: { maxResults, ...(filter ? { filter } : {}) }, abortSignal }),
      listNext: (link) => f.listFromTaskNext(link, { abortSignal }),
      get: (path, ocpRange) => f.getFromTask(jobId, taskId, path, { fileGetFromTaskOptions: { ocpRange }, abortSignal }),
      properties: (path) => f.getPropertiesFromTask(jobId, taskId, path, { abortSignal }),
    };
  }
  const { poolId, nodeId } = source;
  return {
    list: ({ recursive, filter, maxResults }) =>
      f.listFromComputeNode(poolId, nodeId, { recursive, fileListFromComputeNodeOptions: { maxResults, ...(filter ? { filter } : {}) }, abortSignal }),
    listNext: (link) => f.listFromComputeNodeNext(link, { abortSignal }),
    get: (path, ocpRange) => f.getFromComputeNode(poolId, nodeId, path, { fileGetFromComputeNodeOptions: { ocpRange }, abortSignal }),
    properties: (path) => f.getPropertiesFromComputeNode(poolId, nodeId, path, { abortSignal }),
  };
}

/** Refuses a path that could leave the task or node directory; the handlers check even though the contract did. */
export function assertFilePath(path: string): string {
  const problem = filePathProblem(path);
  if (problem) throw new AppError({ code: 'BadRequest', message: `${problem}: ${path.slice(0, 100)}`, status: 400 });
  return path;
}

/** A folder path without trailing separators ('' for the root). */
export function folderOf(path: string | undefined): string {
  return assertFilePath(path ?? '').replace(/[/\\]+$/, '');
}
