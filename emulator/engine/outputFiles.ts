// Output files: after a task's process exits, the files matching its outputFiles patterns are uploaded
// to their Azure Blob container URLs (a Put Blob per file), as the node agent does.
import { appendFile, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { FailureInfo } from '../model/records.js';

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

function blobUrl(containerUrl: string, blob: string): string {
  const url = new URL(containerUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${blob.split('/').map(encodeURIComponent).join('/')}`;
  return url.toString();
}

function uploadFailure(code: string, file: string, reason: string, status?: number): FailureInfo {
  const details = [{ name: 'FilePath', value: file }];
  if (status !== undefined) details.push({ name: 'HttpStatusCode', value: String(status) });
  return { category: 'userError', code, message: `Failed to upload output file ${file}: ${reason}`, details };
}

async function putBlob(spec: OutputFileSpec, file: string, blob: string): Promise<FailureInfo | undefined> {
  const container = spec.destination.container;
  if (!container) return undefined;
  const headers: Record<string, string> = { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2020-04-08' };
  for (const h of container.uploadHeaders ?? []) headers[h.name] = h.value ?? '';
  try {
    const res = await fetch(blobUrl(container.containerUrl, blob), { method: 'PUT', headers, body: await readFile(file) });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return undefined;
    const code = res.status === 403 ? 'FileUploadAccessDenied' : res.status === 404 ? 'FileUploadContainerNotFound' : 'FileUploadMiscError';
    return uploadFailure(code, file, `the storage service answered ${res.status} ${res.statusText}`, res.status);
  } catch (error) {
    return uploadFailure('FileUploadMiscError', file, error instanceof Error ? error.message : String(error));
  }
}

function wanted(spec: OutputFileSpec, exitCode: number): boolean {
  const condition = spec.uploadOptions.uploadCondition;
  return condition === 'taskCompletion' || (condition === 'taskSuccess') === (exitCode === 0);
}

/**
 * Uploads a task's output files whose upload condition the exit code meets; returns the first failure.
 * Like the node agent it logs what it did to fileuploadout.txt and fileuploaderr.txt in the task directory.
 */
export async function uploadOutputFiles(specs: OutputFileSpec[], taskDir: string, exitCode: number): Promise<FailureInfo | undefined> {
  let failure: FailureInfo | undefined;
  for (const spec of specs) {
    if (!wanted(spec, exitCode)) continue;
    for (const { file, blob } of await matchOutputFiles(taskDir, spec.filePattern, spec.destination.container?.path)) {
      const error = await putBlob(spec, file, blob);
      const line = `${new Date().toISOString()} ${relative(taskDir, file)} -> ${blob}${error ? `: ${error.message}` : ''}\n`;
      await appendFile(join(taskDir, error ? 'fileuploaderr.txt' : 'fileuploadout.txt'), line).catch(() => undefined);
      failure ??= error;
    }
  }
  return failure;
}
