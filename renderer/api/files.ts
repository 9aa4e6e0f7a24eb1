// Typed hooks for task and node files: folder listings, properties, tails, the reader the viewer drives, downloads.
import { useInfiniteQuery, useMutation, useQuery, type InfiniteData, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { CallArgs } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { DownloadProgress, DownloadResult, FileChunk, FileMatch, FilePage, FileTail, NodeFileProperties } from '../../shared/models';
import type { Client } from './client';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { backoffInterval, failureStreak } from './history';
import { POLL_LIST_MS } from './intervals';
import { fileKeys } from './keys';

/** Whose files: a task's directory or a whole node's tree. */
export type FileSource = CallArgs<'files.list'>['source'];

/** How many entries one `files.list` call asks for (the service's maximum). */
export const FILE_PAGE_SIZE = 1000;

/** Above this many loaded pages a folder listing stops refreshing on its own (each refresh re-reads every page). */
export const MAX_AUTO_REFRESH_FILE_PAGES = 2;

/** The file calls of one source, for code that drives its own reads (the viewer window, the tree, image previews). */
export interface FileApi {
  list(folder: string, continuation?: string, prefix?: string): Promise<FilePage>;
  properties(path: string): Promise<NodeFileProperties>;
  read(path: string, offset: number, length: number): Promise<FileChunk>;
  find(path: string, args: Pick<CallArgs<'files.find'>, 'query' | 'fromOffset' | 'direction' | 'matchCase'>): Promise<FileMatch>;
}

/** The arguments of one folder page: non-recursive, the service's largest page, empty prefix left out. */
export function listArgs(accountId: string, source: FileSource, folder: string, continuation?: string, prefix?: string): CallArgs<'files.list'> {
  const args: CallArgs<'files.list'> = { accountId, source, path: folder, maxResults: FILE_PAGE_SIZE };
  if (prefix) args.prefix = prefix;
  if (continuation) args.continuation = continuation;
  return args;
}

/** Binds the file calls to one account and source. */
export function fileApi(client: Pick<Client, 'call'>, accountId: string, source: FileSource): FileApi {
  return {
    list: (folder, continuation, prefix) => client.call('files.list', listArgs(accountId, source, folder, continuation, prefix)),
    properties: (path) => client.call('files.properties', { accountId, source, path }),
    read: (path, offset, length) => client.call('files.read', { accountId, source, path, offset, length }),
    find: (path, args) => client.call('files.find', { accountId, source, path, ...args }),
  };
}

// Sources are rebuilt every render; memoizing on their parts keeps one FileApi per task or node.
function sourceParts(source: FileSource): [FileSource['kind'], string, string] {
  return source.kind === 'task' ? ['task', source.jobId, source.taskId] : ['node', source.poolId, source.nodeId];
}

/** The file calls of one source, stable while the account and source stay the same. */
export function useFileApi(accountId: string, source: FileSource): FileApi {
  const client = useClient();
  const [kind, a, b] = sourceParts(source);
  return useMemo(
    () => fileApi(client, accountId, kind === 'task' ? { kind, jobId: a, taskId: b } : { kind, poolId: a, nodeId: b }),
    [client, accountId, kind, a, b],
  );
}

/** One folder of a source (non-recursive), paged through the continuation, filtered by a server-side name prefix. */
export function useFilePages(accountId: string, source: FileSource, folder: string, prefix: string) {
  const client = useClient();
  return useInfiniteQuery<FilePage, AppError, InfiniteData<FilePage, string | undefined>, readonly unknown[], string | undefined>({
    queryKey: fileKeys.list(accountId, source, folder, prefix),
    queryFn: ({ pageParam }) => client.call('files.list', listArgs(accountId, source, folder, pageParam, prefix)),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.continuation,
    refetchInterval: (query) =>
      (query.state.data?.pages.length ?? 0) > MAX_AUTO_REFRESH_FILE_PAGES ? false : backoffInterval(POLL_LIST_MS, failureStreak(query)),
    refetchIntervalInBackground: false,
  });
}

/**
 * Size, type and times of one file. With `pollUntilFoundMs` it is polled that often until the file exists (a followed
 * log appears once the task starts), backing off after failures only up to four intervals, since "not there yet" is
 * the normal answer before a task starts; the viewer follows the content itself after that.
 */
export function useFileProperties(
  accountId: string,
  source: FileSource,
  path: string,
  pollUntilFoundMs?: number,
): UseQueryResult<NodeFileProperties, AppError> {
  const client = useClient();
  return useQuery<NodeFileProperties, AppError>({
    queryKey: fileKeys.properties(accountId, source, path),
    queryFn: () => client.call('files.properties', { accountId, source, path }),
    refetchInterval: (query) =>
      pollUntilFoundMs === undefined || query.state.data ? false : Math.min(backoffInterval(pollUntilFoundMs, failureStreak(query)), pollUntilFoundMs * 4),
    refetchIntervalInBackground: false,
    // A missing log is the normal answer before a task starts; retrying at once only delays the next poll.
    ...(pollUntilFoundMs === undefined ? {} : { retry: false }),
  });
}

/** One byte range of a file (`files.read`), e.g. the head of a binary file for the hex view. */
export function useFileChunk(accountId: string, source: FileSource, path: string, offset: number, length: number): UseQueryResult<FileChunk, AppError> {
  const client = useClient();
  return useQuery<FileChunk, AppError>({
    queryKey: fileKeys.chunk(accountId, source, path, offset, length),
    queryFn: () => client.call('files.read', { accountId, source, path, offset, length }),
  });
}

/** The last `lines` lines of one text file (`files.tail`). */
export function useFileTail(accountId: string, source: FileSource, path: string, lines: number): UseQueryResult<FileTail, AppError> {
  const client = useClient();
  return useQuery<FileTail, AppError>({
    queryKey: fileKeys.tail(accountId, source, path, lines),
    queryFn: () => client.call('files.tail', { accountId, source, path, lines }),
  });
}

/** A fresh id for one download, in the contract's alphabet (letters, digits, hyphens). */
export function newOperationId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const hex = Array.from(random(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `dl-${hex}`;
}

/** Starts a browser download of a one-time URL: a temporary `<a download>` click, a navigation rather than a fetch. */
export function startBrowserDownload(url: string, fileName: string, doc: Document = document): void {
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** What `useDownload` is doing. */
export interface DownloadState {
  /** The running download's id, while one runs. */
  operationId: string | undefined;
  running: boolean;
  /** The latest `files.downloadProgress` of the running download (desktop only). */
  progress: DownloadProgress | undefined;
  result: DownloadResult | undefined;
  /** Why the download (or a request to cancel it) failed. */
  error: AppError | null;
}

/** The arguments of one download, without the operation id the hook generates. */
export type DownloadArgs = Omit<CallArgs<'files.download'>, 'operationId'>;

/**
 * Downloads a file or folder (`files.download`): on the desktop main asks where to save and streams with progress
 * events; under the web host the answer is a one-time URL the hook hands to the browser's own download.
 */
export function useDownload() {
  const client = useClient();
  const [operationId, setOperationId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<DownloadProgress | undefined>(undefined);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  const mutation = useMutation<DownloadResult, AppError, DownloadArgs & { operationId: string }>({
    mutationFn: (args) => client.call('files.download', args),
    onSuccess: (result) => {
      if (result.kind === 'browser') startBrowserDownload(result.url, result.fileName);
    },
    onSettled: () => setOperationId(undefined),
  });
  useContractEvent('files.downloadProgress', (payload) => {
    if (operationId !== undefined && payload.operationId === operationId) setProgress(payload);
  });
  const start = (args: DownloadArgs) => {
    const id = newOperationId();
    setOperationId(id);
    setProgress(undefined);
    setCancelError(null);
    mutation.mutate({ ...args, operationId: id });
  };
  const cancel = () => {
    if (operationId === undefined) return;
    void client.call('files.cancelDownload', { operationId }).catch((error: AppError) => setCancelError(error));
  };
  const state: DownloadState = {
    operationId,
    running: mutation.isPending,
    progress: progress?.operationId === operationId ? progress : undefined,
    result: mutation.data,
    error: mutation.error ?? cancelError,
  };
  return { state, start, cancel };
}
