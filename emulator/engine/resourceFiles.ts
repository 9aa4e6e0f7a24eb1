// Resource files: what a task (or start, job preparation, release task) downloads into its working
// directory before its command starts, as the node agent does.
//
// Failure codes are the service's TaskFailureInformationCodes (Microsoft.Azure.Batch.Common, as listed
// on learn.microsoft.com): BlobNotFound, BlobAccessDenied, BlobDownloadMiscError for one file;
// ResourceContainerNotFound, ResourceContainerAccessDenied, ResourceContainerListMiscError for listing a
// container; ResourceDirectoryCreateFailed and ResourceFileWriteFailed for the node's disk. They are all
// pre-processing errors (learn.microsoft.com/azure/batch/error-handling): the task never starts, and
// maxTaskRetryCount, which counts retries after a nonzero exit code only, does not retry it.
import type { ContainerClient } from '@azure/storage-blob';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FailureInfo } from '../model/records.js';
import { blobService, sasContainer, type LinkedStorage } from '../storage/linked.js';
import { limited, TransferTimedOut, type TransferLimits } from './transferLimits.js';

/** ResourceFile as a task gives it. */
export interface ResourceFileSpec {
  autoStorageContainerName?: string;
  storageContainerUrl?: string;
  httpUrl?: string;
  blobPrefix?: string;
  filePath?: string;
  fileMode?: string;
}

/** The failure codes of resource file downloads. */
export const RESOURCE_FILE_CODES = [
  'BlobNotFound', 'BlobAccessDenied', 'BlobDownloadMiscError', 'BlobDownloadTimedOut',
  'ResourceContainerNotFound', 'ResourceContainerAccessDenied', 'ResourceContainerListMiscError', 'ResourceContainerListTimedOut',
  'ResourceDirectoryCreateFailed', 'ResourceFileCreateFailed', 'ResourceFileWriteFailed', 'DiskFull',
] as const;

/** Why a resource file spec is refused when the task is added; undefined when it is fine. */
export function resourceFileProblem(spec: ResourceFileSpec): string | undefined {
  const sources = [spec.autoStorageContainerName, spec.storageContainerUrl, spec.httpUrl].filter((s) => s !== undefined);
  if (sources.length !== 1) return 'Exactly one of autoStorageContainerName, storageContainerUrl and httpUrl must be specified.';
  if (spec.httpUrl !== undefined) {
    if (spec.blobPrefix !== undefined) return 'blobPrefix is valid only with autoStorageContainerName or storageContainerUrl.';
    if (!spec.filePath) return 'filePath is required with httpUrl.';
  }
  if (spec.filePath !== undefined && escapes(spec.filePath)) return "filePath must be relative to the task's working directory and stay inside it.";
  if (spec.fileMode !== undefined && !/^0?[0-7]{3,4}$/.test(spec.fileMode)) return 'fileMode must be an octal file mode, such as 0770.';
  return undefined;
}

function escapes(path: string): boolean {
  const parts = path.replace(/\\/g, '/').split('/');
  return path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.includes('..');
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

// A URL without its query, so a SAS never reaches failure details or logs.
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function failure(code: string, message: string, details: Record<string, string>): FailureInfo {
  return { category: 'userError', code, message, details: Object.entries(details).map(([name, value]) => ({ name, value })) };
}

class DownloadError extends Error {
  constructor(readonly info: FailureInfo) {
    super(info.message);
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
}

async function place(wd: string, relPath: string, data: Buffer, mode: string | undefined, source: string): Promise<void> {
  const target = resolve(wd, ...relPath.replace(/\\/g, '/').split('/').filter((s) => s !== ''));
  if (!inside(wd, target)) {
    throw new DownloadError(failure('ResourceFileCreateFailed', `The resource file path ${relPath} is outside the task's working directory.`, { FilePath: relPath }));
  }
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw new DownloadError(failure('ResourceDirectoryCreateFailed', `Could not create the directory for ${relPath}: ${reason(error)}`, { FilePath: relPath }));
  }
  try {
    await writeFile(target, data);
    // The service applies fileMode (default 0770) on Linux nodes only.
    if (process.platform !== 'win32') await chmod(target, parseInt(mode ?? '0770', 8));
  } catch (error) {
    throw new DownloadError(failure('ResourceFileWriteFailed', `Could not write ${relPath} from ${source}: ${reason(error)}`, { FilePath: relPath }));
  }
}

async function fromHttp(wd: string, spec: ResourceFileSpec & { httpUrl: string }, limits: TransferLimits): Promise<void> {
  const url = shown(spec.httpUrl);
  const details = { FilePath: spec.filePath ?? '', Url: url };
  let res: Response;
  let data: Buffer;
  try {
    ({ res, data } = await limited(limits, async (signal) => {
      const answer = await fetch(spec.httpUrl, { signal });
      return { res: answer, data: Buffer.from(await answer.arrayBuffer()) };
    }));
  } catch (error) {
    if (error instanceof TransferTimedOut) throw new DownloadError(failure('BlobDownloadTimedOut', `Downloading ${url} ${error.message}`, details));
    const cause = (error as { cause?: unknown }).cause;
    throw new DownloadError(failure('BlobDownloadMiscError', `Failed to download ${url}: ${reason(cause ?? error)}`, details));
  }
  if (!res.ok) {
    const code = res.status === 404 ? 'BlobNotFound' : res.status === 403 || res.status === 401 ? 'BlobAccessDenied' : 'BlobDownloadMiscError';
    throw new DownloadError(failure(code, `Failed to download ${url}: the server answered ${res.status} ${res.statusText}`, { ...details, HttpStatusCode: String(res.status) }));
  }
  await place(wd, spec.filePath ?? '', data, spec.fileMode, url);
}

async function fromContainer(wd: string, container: ContainerClient, spec: ResourceFileSpec, label: string, limits: TransferLimits): Promise<void> {
  const names: string[] = [];
  const details = { ContainerUrl: label, ...(spec.blobPrefix === undefined ? {} : { BlobPrefix: spec.blobPrefix }) };
  try {
    await limited(limits, async (signal) => {
      for await (const blob of container.listBlobsFlat({ prefix: spec.blobPrefix, abortSignal: signal })) names.push(blob.name);
    });
  } catch (error) {
    if (error instanceof TransferTimedOut) throw new DownloadError(failure('ResourceContainerListTimedOut', `Listing the blobs of ${label} ${error.message}`, details));
    const status = statusOf(error);
    const code = status === 404 ? 'ResourceContainerNotFound' : status === 403 || status === 401 ? 'ResourceContainerAccessDenied' : 'ResourceContainerListMiscError';
    throw new DownloadError(failure(code, `Failed to list the blobs of ${label}: ${reason(error)}`, status === undefined ? details : { ...details, HttpStatusCode: String(status) }));
  }
  const dir = spec.filePath?.replace(/\\/g, '/').replace(/\/+$/, '');
  for (const name of names) {
    let data: Buffer;
    try {
      data = await limited(limits, (signal) => container.getBlobClient(name).downloadToBuffer(undefined, undefined, { abortSignal: signal }));
    } catch (error) {
      if (error instanceof TransferTimedOut) {
        throw new DownloadError(failure('BlobDownloadTimedOut', `Downloading blob ${name} of ${label} ${error.message}`, { ...details, BlobName: name }));
      }
      const status = statusOf(error);
      const code = status === 404 ? 'BlobNotFound' : status === 403 || status === 401 ? 'BlobAccessDenied' : 'BlobDownloadMiscError';
      throw new DownloadError(failure(code, `Failed to download blob ${name} of ${label}: ${reason(error)}`, { ...details, BlobName: name }));
    }
    await place(wd, dir ? `${dir}/${name}` : name, data, spec.fileMode, `${label}/${name}`);
  }
}

function containerOf(spec: ResourceFileSpec, storage: LinkedStorage | undefined): { client: ContainerClient; label: string } {
  if (spec.storageContainerUrl !== undefined) {
    try {
      return { client: sasContainer(spec.storageContainerUrl), label: shown(spec.storageContainerUrl) };
    } catch (error) {
      throw new DownloadError(failure('ResourceContainerListMiscError', `Invalid storageContainerUrl: ${reason(error)}`, { ContainerUrl: shown(spec.storageContainerUrl) }));
    }
  }
  const name = spec.autoStorageContainerName ?? '';
  if (!storage) {
    throw new DownloadError(failure('ResourceContainerAccessDenied', `The account has no linked storage account, so container ${name} cannot be read.`, { ContainerName: name }));
  }
  const client = blobService(storage).getContainerClient(name);
  return { client, label: shown(client.url) };
}

/**
 * Downloads resource files into `wd` in order; returns the first failure as the task's failure info,
 * or undefined when all arrived. `storage` resolves autoStorageContainerName. `limits.signal` abandons
 * the downloads when the command is stopped before it starts, and no request may take longer than
 * `limits.timeoutMs`, so a stalled server can hold a task neither when it is stopped nor forever.
 */
export async function downloadResourceFiles(
  specs: readonly ResourceFileSpec[] | undefined,
  wd: string,
  storage: LinkedStorage | undefined,
  limits: TransferLimits,
): Promise<FailureInfo | undefined> {
  try {
    for (const spec of specs ?? []) {
      if (spec.httpUrl !== undefined) await fromHttp(wd, { ...spec, httpUrl: spec.httpUrl }, limits);
      else {
        const { client, label } = containerOf(spec, storage);
        await fromContainer(wd, client, spec, label, limits);
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof DownloadError) return error.info;
    return failure('BlobDownloadMiscError', `Failed to download resource files: ${reason(error)}`, {});
  }
}
