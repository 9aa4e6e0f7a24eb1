// Typed hooks for an account's linked storage: containers, folder listings, deletes, SAS, downloads, uploads, task outputs.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { MAX_DELETE_BLOBS, type CallArgs } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { BlobPage, ContainerPage, DeleteBlobsResult, DownloadResult, TransferProgress } from '../../shared/models';
import type { Transport } from '../../shared/transport';
import type { Client } from './client';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { startBrowserDownload } from './files';
import { backoffInterval, failureStreak } from './history';
import { POLL_TASK_OUTPUTS_MS } from './intervals';
import { storageKeys } from './keys';

/** How many blobs one folder page asks for. */
export const BLOB_PAGE_SIZE = 1000;

/** Most file PUTs of one upload in flight at once. */
export const UPLOAD_CONCURRENCY = 4;

/** Sends one file's bytes to one upload URL (the transport's `upload`). */
export type UploadFn = Transport['upload'];

/** A fresh id for one storage operation, in the contract's alphabet. */
export function newStorageOperationId(kind: 'up' | 'dl' | 'del'): string {
  return `${kind}-${crypto.randomUUID()}`;
}

/** The arguments of one folder page; the root prefix and a missing continuation are left out. */
export function blobListArgs(accountId: string, container: string, prefix: string, continuation?: string): CallArgs<'storage.blobs'> {
  const args: CallArgs<'storage.blobs'> = { accountId, container, maxResults: BLOB_PAGE_SIZE };
  if (prefix) args.prefix = prefix;
  if (continuation) args.continuation = continuation;
  return args;
}

/** Splits names into chunks `storage.deleteBlobs` accepts. */
export function deleteChunks(names: readonly string[], size = MAX_DELETE_BLOBS): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < names.length; i += size) out.push(names.slice(i, i + size));
  return out;
}

/** One file of an upload: the bytes and where main wants them. */
export interface PlannedUpload {
  path: string;
  url: string;
  body: Blob;
}

/** A file that did not upload, and why. */
export interface UploadFailure {
  path: string;
  message: string;
}

/**
 * PUTs every planned file with at most `concurrency` in flight; after an abort no new file starts. One file failing
 * does not stop the others: each failure is returned with its path.
 */
export async function runUploads(
  items: readonly PlannedUpload[],
  upload: UploadFn,
  options: { concurrency?: number; signal?: AbortSignal; onFileDone?: (path: string) => void } = {},
): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const item = items[next++]!;
      try {
        await upload(item.url, item.body, options.signal);
        options.onFileDone?.(item.path);
      } catch (error) {
        if (!options.signal?.aborted) failures.push({ path: item.path, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? UPLOAD_CONCURRENCY, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return failures;
}

/** Where the linked storage is and whether main can reach it. */
export function useLinkedStorage(accountId: string) {
  const client = useClient();
  return useQuery({ queryKey: storageKeys.info(accountId), queryFn: () => client.call('storage.info', { accountId }), staleTime: 60_000 });
}

/** The account's containers, page by page (continuation), when the storage is available. */
export function useContainers(accountId: string, enabled: boolean) {
  const client = useClient();
  return useInfiniteQuery<ContainerPage, AppError, InfiniteData<ContainerPage, string | undefined>, readonly unknown[], string | undefined>({
    queryKey: storageKeys.containers(accountId),
    queryFn: ({ pageParam }) => client.call('storage.containers', pageParam ? { accountId, continuation: pageParam } : { accountId }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.continuation,
    enabled,
  });
}

/** One folder of a container (`prefix` '' or ending in `/`), paged through the continuation. */
export function useBlobs(accountId: string, container: string, prefix: string) {
  const client = useClient();
  return useInfiniteQuery<BlobPage, AppError, InfiniteData<BlobPage, string | undefined>, readonly unknown[], string | undefined>({
    queryKey: storageKeys.blobs(accountId, container, prefix),
    queryFn: ({ pageParam }) => client.call('storage.blobs', blobListArgs(accountId, container, prefix, pageParam)),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.continuation,
    enabled: container !== '',
  });
}

/** Creates a container (a file group is a container named `fgrp-<group>`) and refreshes the list. */
export function useCreateContainer(accountId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.call('storage.createContainer', { accountId, name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storageKeys.containers(accountId) }),
  });
}

/** Deletes a container and refreshes the list. */
export function useDeleteContainer(accountId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.call('storage.deleteContainer', { accountId, name }),
    onSuccess: (_r, name) => {
      queryClient.removeQueries({ queryKey: storageKeys.container(accountId, name) });
      return queryClient.invalidateQueries({ queryKey: storageKeys.containers(accountId) });
    },
  });
}

/** Deletes blobs and folders (names ending in `/`) in as many calls as needed; the listing refreshes either way. */
export function useDeleteBlobs(accountId: string, container: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (names: readonly string[]): Promise<DeleteBlobsResult> => {
      const total: DeleteBlobsResult = { deleted: 0, failed: [] };
      for (const chunk of deleteChunks(names)) {
        const result = await client.call('storage.deleteBlobs', { accountId, container, names: chunk, operationId: newStorageOperationId('del') });
        total.deleted += result.deleted;
        total.failed.push(...result.failed);
      }
      return total;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: storageKeys.container(accountId, container) }),
  });
}

/** Issues a SAS URL for a container or one blob. */
export function useSas() {
  const client = useClient();
  return useMutation({ mutationFn: (args: CallArgs<'storage.sas'>) => client.call('storage.sas', args) });
}

/** What to download: a blob of a container, or a blob found at one of a task's output destinations. */
export type StorageDownloadTarget =
  | { kind: 'blob'; accountId: string; container: string; name: string }
  | { kind: 'output'; accountId: string; jobId: string; taskId: string; destination: number; name: string };

function downloadCall(client: Client, target: StorageDownloadTarget, operationId: string): Promise<DownloadResult> {
  if (target.kind === 'blob') return client.call('storage.download', { accountId: target.accountId, container: target.container, name: target.name, operationId });
  const { accountId, jobId, taskId, destination, name } = target;
  return client.call('storage.downloadOutput', { accountId, jobId, taskId, destination, name, operationId });
}

/**
 * Downloads one blob like the file browser's DownloadButton: the desktop saves it with progress (`saved`/`cancelled`),
 * the web host answers a one-time URL the browser's own download takes.
 */
export function useStorageDownload() {
  const client = useClient();
  const [operationId, setOperationId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<TransferProgress | undefined>(undefined);
  const mutation = useMutation<DownloadResult, AppError, { target: StorageDownloadTarget; operationId: string }>({
    mutationFn: ({ target, operationId: id }) => downloadCall(client, target, id),
    onSuccess: (result) => {
      if (result.kind === 'browser') startBrowserDownload(result.url, result.fileName);
    },
    onSettled: () => setOperationId(undefined),
  });
  useContractEvent('storage.transferProgress', (payload) => {
    if (operationId !== undefined && payload.operationId === operationId) setProgress(payload);
  });
  const start = (target: StorageDownloadTarget) => {
    const id = newStorageOperationId('dl');
    setOperationId(id);
    setProgress(undefined);
    mutation.mutate({ target, operationId: id });
  };
  const cancel = () => {
    if (operationId !== undefined) void client.call('storage.cancelTransfer', { operationId }).catch(() => undefined);
  };
  return {
    running: mutation.isPending,
    progress: progress?.operationId === operationId ? progress : undefined,
    result: mutation.data,
    error: mutation.error,
    start,
    cancel,
  };
}

/** One file the user picked or dropped, with its path relative to the upload folder. */
export interface UploadFile {
  path: string;
  file: Blob;
}

/** Where an upload stands. */
export interface UploadState {
  operationId: string | undefined;
  running: boolean;
  /** Files and bytes in this upload. */
  filesTotal: number;
  bytesTotal: number;
  /** Files whose PUT completed (the renderer's count; main's progress adds bytes within files). */
  filesDone: number;
  progress: TransferProgress | undefined;
  outcome: 'done' | 'cancelled' | 'failed' | undefined;
  failures: UploadFailure[];
  /** Why the upload could not start (main refused the plan). */
  error: AppError | null;
}

const idle: UploadState = { operationId: undefined, running: false, filesTotal: 0, bytesTotal: 0, filesDone: 0, progress: undefined, outcome: undefined, failures: [], error: null };

/**
 * Uploads files into one folder of a container: asks main for one URL per file, PUTs them with bounded concurrency,
 * follows `storage.transferProgress`, cancels on request, and refreshes the listing when done.
 */
export function useUpload(accountId: string, container: string, prefix: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>(idle);
  const abort = useRef<AbortController | null>(null);
  useContractEvent('storage.transferProgress', (payload) => {
    setState((s) => (s.operationId === payload.operationId ? { ...s, progress: payload } : s));
  });

  const start = async (files: readonly UploadFile[]) => {
    if (files.length === 0 || abort.current) return;
    const operationId = newStorageOperationId('up');
    const controller = new AbortController();
    abort.current = controller;
    const bytesTotal = files.reduce((sum, f) => sum + f.file.size, 0);
    setState({ ...idle, operationId, running: true, filesTotal: files.length, bytesTotal });
    let outcome: UploadState['outcome'] = 'done';
    let failures: UploadFailure[] = [];
    let error: AppError | null = null;
    try {
      const plan = await client.call('storage.beginUpload', {
        accountId,
        container,
        prefix,
        operationId,
        files: files.map((f) => ({ path: f.path, size: f.file.size })),
        overwrite: true,
      });
      const urls = new Map(plan.uploads.map((u) => [u.path, u.url]));
      const items = files.flatMap((f) => {
        const url = urls.get(f.path);
        return url ? [{ path: f.path, url, body: f.file }] : [];
      });
      const unplanned = files.filter((f) => !urls.has(f.path)).map((f) => ({ path: f.path, message: 'Main gave no upload link for this file' }));
      failures = unplanned.concat(await runUploads(items, (url, body, signal) => client.upload(url, body, signal), {
        signal: controller.signal,
        onFileDone: () => setState((s) => (s.operationId === operationId ? { ...s, filesDone: s.filesDone + 1 } : s)),
      }));
      if (controller.signal.aborted) outcome = 'cancelled';
      else if (failures.length) outcome = 'failed';
    } catch (e) {
      error = e instanceof AppError ? e : new AppError({ code: 'UploadFailed', message: String(e), status: 0 });
      outcome = 'failed';
    } finally {
      abort.current = null;
      setState((s) => (s.operationId === operationId ? { ...s, running: false, outcome, failures, error } : s));
      void queryClient.invalidateQueries({ queryKey: storageKeys.container(accountId, container) });
    }
  };

  const cancel = () => cancelUpload(client, abort.current, state.operationId);
  const reset = () => setState((s) => (s.running ? s : idle));
  return { state, start, cancel, reset };
}

/** Stops an upload on both sides: the renderer's fetches, and main's operation (its in-flight bodies and unused links). */
export function cancelUpload(client: Client, controller: AbortController | null, operationId: string | undefined): void {
  controller?.abort();
  if (operationId) void client.call('storage.cancelTransfer', { operationId }).catch(() => undefined);
}

/** A task's output destinations and the blobs found there; polled while the task has not completed. */
export function useTaskOutputs(accountId: string, jobId: string, taskId: string, running: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: storageKeys.taskOutputs(accountId, jobId, taskId),
    queryFn: () => client.call('storage.taskOutputs', { accountId, jobId, taskId }),
    refetchInterval: (query) => (running ? backoffInterval(POLL_TASK_OUTPUTS_MS, failureStreak(query)) : false),
    refetchIntervalInBackground: false,
  });
}
