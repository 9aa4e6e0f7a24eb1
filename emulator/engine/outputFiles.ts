// Output files: after a task's process exits, the files matching its outputFiles patterns are uploaded
// to their Azure Blob container URLs through the Blob client, as the node agent does.
import type { BlobHTTPHeaders } from '@azure/storage-blob';
import { appendFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { FailureInfo } from '../model/records.js';
import { sasContainer } from '../storage/linked.js';
import { limited, TransferTimedOut, type TransferLimits } from './transferLimits.js';

/** OutputFile as a task gives it. */
export interface OutputFileSpec {
  filePattern: string;
  destination: { container?: { path?: string; containerUrl: string; uploadHeaders?: { name: string; value?: string }[] } };
  uploadOptions: { uploadCondition: 'taskSuccess' | 'taskFailure' | 'taskCompletion' };
}

const WILDCARD = /[*?[]/;

function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of names) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) files.push(...(await walk(join(dir, entry.name), `${rel}/`)));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** The files a pattern matches, relative to the task's working directory, with the blob names they get. */
export async function matchOutputFiles(taskDir: string, pattern: string, path: string | undefined): Promise<{ file: string; blob: string }[]> {
  const segments = pattern.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  const firstWild = segments.findIndex((s) => WILDCARD.test(s));
  const wd = join(taskDir, 'wd');
  if (firstWild < 0) {
    const file = resolve(wd, ...segments);
    const stats = inside(taskDir, file) ? await stat(file).catch(() => undefined) : undefined;
    return stats?.isFile() ? [{ file, blob: path ?? basename(file) }] : [];
  }
  const base = resolve(wd, ...segments.slice(0, firstWild));
  if (!inside(taskDir, base)) return [];
  const matcher = globToRegExp(segments.slice(firstWild).join('/'));
  const prefix = path === undefined || path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
  return (await walk(base)).filter((rel) => matcher.test(rel)).map((rel) => ({ file: join(base, ...rel.split('/')), blob: `${prefix}${rel}` }));
}

// uploadHeaders the Blob service has a typed place for; `x-ms-meta-*` headers become blob metadata.
const BLOB_HEADERS: Record<string, Exclude<keyof BlobHTTPHeaders, 'blobContentMD5'>> = {
  'content-type': 'blobContentType',
  'content-encoding': 'blobContentEncoding',
  'content-language': 'blobContentLanguage',
  'content-disposition': 'blobContentDisposition',
  'cache-control': 'blobCacheControl',
};

function uploadOptions(headers: { name: string; value?: string }[] | undefined): { blobHTTPHeaders: BlobHTTPHeaders; metadata: Record<string, string> } {
  const blobHTTPHeaders: BlobHTTPHeaders = {};
  const metadata: Record<string, string> = {};
  for (const h of headers ?? []) {
    const name = h.name.toLowerCase();
    const field = BLOB_HEADERS[name];
    if (field) blobHTTPHeaders[field] = h.value ?? '';
    else if (name.startsWith('x-ms-meta-')) metadata[name.slice('x-ms-meta-'.length)] = h.value ?? '';
  }
  return { blobHTTPHeaders, metadata };
}

function uploadFailure(code: string, file: string, reason: string, status?: number): FailureInfo {
  const details = [{ name: 'FilePath', value: file }];
  if (status !== undefined) details.push({ name: 'HttpStatusCode', value: String(status) });
  return { category: 'userError', code, message: `Failed to upload output file ${file}: ${reason}`, details };
}

async function putBlob(spec: OutputFileSpec, file: string, blob: string, limits: TransferLimits): Promise<FailureInfo | undefined> {
  const container = spec.destination.container;
  if (!container) return undefined;
  try {
    const client = sasContainer(container.containerUrl).getBlockBlobClient(blob);
    await limited(limits, (signal) => client.uploadFile(file, { ...uploadOptions(container.uploadHeaders), abortSignal: signal }));
    return undefined;
  } catch (error) {
    // The service documents no timeout code for uploads; a stalled destination is a miscellaneous upload failure.
    if (error instanceof TransferTimedOut) return uploadFailure('FileUploadMiscError', file, `the upload ${error.message}`);
    const status = (error as { statusCode?: number }).statusCode;
    const code = status === 403 ? 'FileUploadAccessDenied' : status === 404 ? 'FileUploadContainerNotFound' : 'FileUploadMiscError';
    const reason = status === undefined ? (error instanceof Error ? error.message : String(error)) : `the storage service answered ${status} ${(error as { code?: string }).code ?? ''}`.trim();
    return uploadFailure(code, file, reason, status);
  }
}

function wanted(spec: OutputFileSpec, exitCode: number): boolean {
  const condition = spec.uploadOptions.uploadCondition;
  return condition === 'taskCompletion' || (condition === 'taskSuccess') === (exitCode === 0);
}

/**
 * Uploads a task's output files whose upload condition the exit code meets; returns the first failure.
 * Like the node agent it logs what it did to fileuploadout.txt and fileuploaderr.txt in the task directory.
 * `limits.signal` abandons the uploads when the task is stopped meanwhile, and no upload may take longer than
 * `limits.timeoutMs`, so a stalled destination can hold a task neither when it is stopped nor forever.
 */
export async function uploadOutputFiles(specs: OutputFileSpec[], taskDir: string, exitCode: number, limits: TransferLimits): Promise<FailureInfo | undefined> {
  const { signal } = limits;
  let failure: FailureInfo | undefined;
  for (const spec of specs) {
    if (!wanted(spec, exitCode)) continue;
    for (const { file, blob } of await matchOutputFiles(taskDir, spec.filePattern, spec.destination.container?.path)) {
      if (signal?.aborted) return failure;
      const error = await putBlob(spec, file, blob, limits);
      const line = `${new Date().toISOString()} ${relative(taskDir, file)} -> ${blob}${error ? `: ${error.message}` : ''}\n`;
      await appendFile(join(taskDir, error ? 'fileuploaderr.txt' : 'fileuploadout.txt'), line).catch(() => undefined);
      failure ??= error;
    }
  }
  return failure;
}
