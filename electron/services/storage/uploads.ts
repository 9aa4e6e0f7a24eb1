// Checks a blob upload before any byte moves and builds one sink per file that streams into a block blob.
import type { ContainerClient } from '@azure/storage-blob';
import { AppError } from '../../../shared/errors';
import type { UploadFile, UploadSink } from '../transfers/uploads';
import { eachLimited, folderPrefix } from './blobs';
import { storageError } from './errors';

/** A block blob holds at most 50,000 blocks. */
const MAX_BLOCKS = 50_000;
const MIN_BLOCK_BYTES = 4 * 1024 * 1024;
/** The largest block this app sends; with 50,000 blocks that caps one file near 4.7 TiB. */
const MAX_BLOCK_BYTES = 100 * 1024 * 1024;
/** Blocks in flight per file: memory use is this times the block size. */
const UPLOAD_CONCURRENCY = 4;
/** The service limits a blob name to 1024 characters and 254 path segments. */
const MAX_NAME_LENGTH = 1024;
const MAX_SEGMENTS = 254;

/** The block size for a file: 4 MiB, or larger so the file fits in 50,000 blocks. */
export function blockSize(size: number): number {
  const needed = Math.ceil(size / MAX_BLOCKS);
  return Math.max(MIN_BLOCK_BYTES, Math.ceil(needed / (1024 * 1024)) * 1024 * 1024);
}

/** The largest file one upload takes. */
export const MAX_UPLOAD_BYTES = MAX_BLOCKS * MAX_BLOCK_BYTES;

/** A relative upload path under a prefix as a blob name: `/` separators, no control characters, no trailing dots. */
export function uploadBlobName(prefix: string, path: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = path.replace(/\\/g, '/').replace(/[\u0000-\u001f\u007f]/g, '_');
  const name = `${folderPrefix(prefix)}${clean}`.replace(/[./]+$/, '');
  if (name === '' || name.endsWith('/')) throw new AppError({ code: 'BadRequest', message: `${path.slice(0, 200)} is not a usable blob name`, status: 400 });
  if (name.length > MAX_NAME_LENGTH) throw new AppError({ code: 'BadRequest', message: `The blob name for ${path.slice(0, 200)} is longer than ${MAX_NAME_LENGTH} characters`, status: 400 });
  if (name.split('/').length > MAX_SEGMENTS) throw new AppError({ code: 'BadRequest', message: `${path.slice(0, 200)} is nested deeper than ${MAX_SEGMENTS} folders`, status: 400 });
  return name;
}

/** The sink that streams one file into a block blob, never holding more than a few blocks in memory. */
export function blockBlobSink(container: ContainerClient, name: string, overwrite: boolean, secrets: readonly string[]): UploadSink {
  return async (stream, size, signal) => {
    try {
      await container.getBlockBlobClient(name).uploadStream(stream, blockSize(size), UPLOAD_CONCURRENCY, {
        abortSignal: signal,
        ...(overwrite ? {} : { conditions: { ifNoneMatch: '*' } }),
      });
    } catch (error) {
      // The stream's own error (a wrong size) is the one to report, not the SDK's wrapper of it.
      throw storageError(stream.errored ?? error, secrets);
    }
  };
}

export interface BlobUploadRequest {
  prefix: string;
  files: { path: string; size: number }[];
  overwrite?: boolean;
}

/** Validates an upload (container exists, names, sizes, no clobbering unless asked) and builds each file's sink. */
export async function planBlobUpload(container: ContainerClient, request: BlobUploadRequest, secrets: readonly string[]): Promise<UploadFile[]> {
  const names = new Map<string, string>();
  for (const file of request.files) {
    if (file.size > MAX_UPLOAD_BYTES) {
      throw new AppError({ code: 'BadRequest', message: `${file.path.slice(0, 200)} is larger than the ${MAX_UPLOAD_BYTES} bytes one upload takes`, status: 400 });
    }
    const name = uploadBlobName(request.prefix, file.path);
    const clash = names.get(name);
    if (clash !== undefined) throw new AppError({ code: 'BadRequest', message: `${clash.slice(0, 200)} and ${file.path.slice(0, 200)} would both upload to ${name.slice(0, 200)}`, status: 400 });
    names.set(name, file.path);
  }
  try {
    await container.getProperties();
  } catch (error) {
    throw storageError(error, secrets);
  }
  const overwrite = request.overwrite === true;
  if (!overwrite) {
    const existing: string[] = [];
    await eachLimited([...names.keys()], 16, async (name) => {
      if (await container.getBlobClient(name).exists()) existing.push(name);
    }).catch((error: unknown) => {
      throw storageError(error, secrets);
    });
    if (existing.length > 0) {
      const shown = existing.slice(0, 5).join(', ');
      throw new AppError({
        code: 'BlobAlreadyExists',
        message: `${existing.length} blob(s) already exist (${shown}${existing.length > 5 ? ', …' : ''}); choose to overwrite them or upload elsewhere`,
        status: 409,
        details: { existing: existing.slice(0, 100) },
      });
    }
  }
  return request.files.map((file) => {
    const name = uploadBlobName(request.prefix, file.path);
    return { path: file.path, size: file.size, sink: blockBlobSink(container, name, overwrite, secrets) };
  });
}
