// Blob downloads: to disk on the desktop (save dialog, progress, cancel), through one-time links under the web host.
import type { BlobClient, ContainerClient } from '@azure/storage-blob';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import type { BlobSummary, DownloadResult } from '../../../shared/models';
import type { EventBus } from '../events';
import type { BrowserDownload } from '../files/download/browser';
import type { ByteSink } from '../files/download/copy';
import { freshFolder } from '../files/download/disk';
import { pathInside, sanitizePath, sanitizeSegment } from '../files/download/sanitize';
import type { ChooseDownloadTarget } from '../files/download/service';
import { DOWNLOAD_ROUTE } from '../files/download/service';
import { TAR_END, tarHeader, tarPadding } from '../files/download/tar';
import { TicketStore } from '../files/download/tickets';
import { CANCELLED } from '../files/runner';
import { TransferReporter } from '../transfers/progress';
import { blobsUnder, folderPrefix } from './blobs';
import { storageError } from './errors';

/** Most blobs one folder download takes; more is a job for a sync tool, not a download. */
export const MAX_FOLDER_BLOBS = 100_000;

/** What to download: one blob, or every blob under a folder prefix (a name ending in `/`). */
export interface BlobTarget {
  container: ContainerClient;
  name: string;
  /** Strings that must never appear in a message (a key, a SAS). */
  secrets: readonly string[];
}

function cancelled(): AppError {
  return new AppError({ code: CANCELLED, message: 'The download was cancelled', status: 499 });
}

/** The local name a blob or folder is saved under: its last path segment, made safe. */
export function localName(name: string, fallback: string): string {
  const last = name.split('/').filter(Boolean).pop();
  return sanitizeSegment(last ?? fallback);
}

async function folderBlobs(target: BlobTarget, prefix: string): Promise<BlobSummary[]> {
  const { blobs, truncated } = await blobsUnder(target.container, prefix, MAX_FOLDER_BLOBS);
  if (truncated) {
    throw new AppError({ code: 'TooManyBlobs', message: `${prefix} holds more than ${MAX_FOLDER_BLOBS} blobs; download a smaller folder`, status: 413 });
  }
  if (blobs.length === 0) throw new AppError({ code: 'BlobNotFound', message: `No blobs under ${prefix}`, status: 404 });
  return blobs;
}

/** Streams one blob to `<target>.part` and renames it into place; the partial file never outlives a failure. */
export async function saveBlob(blob: BlobClient, target: string, signal: AbortSignal, onBytes: (n: number) => void): Promise<number> {
  const part = `${target}.part`;
  let written = 0;
  try {
    const response = await blob.download(0, undefined, { abortSignal: signal });
    const body = response.readableStreamBody as Readable | undefined;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        onBytes(chunk.length);
        done(null, chunk);
      },
    });
    if (body) await pipeline(body, counter, createWriteStream(part), { signal });
    else await pipeline([Buffer.alloc(0)], createWriteStream(part), { signal });
    await rename(part, target);
    return written;
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/** Writes exactly `size` bytes of one blob into a byte sink (the browser's response); a tar member must not change size. */
async function writeBlob(blob: BlobClient, size: number, sink: ByteSink, signal: AbortSignal): Promise<void> {
  if (size === 0) return;
  const body = (await blob.download(0, size, { abortSignal: signal })).readableStreamBody;
  let written = 0;
  for await (const part of body ?? []) {
    const chunk = typeof part === 'string' ? Buffer.from(part) : (part as Buffer);
    await sink(chunk);
    written += chunk.length;
  }
  if (written !== size) {
    throw new AppError({ code: 'FileChanged', message: `${blob.name} changed while it was being downloaded`, status: 409 });
  }
}

export interface BlobDownloadsOptions {
  events: EventBus;
  /** The desktop's save dialog; without it downloads go to the browser through one-time links. */
  chooseTarget?: ChooseDownloadTarget;
}

/** Desktop downloads of blobs with progress and cancel, and one-time browser links under the web host. */
export class BlobDownloads {
  private readonly running = new Map<string, AbortController>();
  private readonly tickets = new TicketStore<BlobTarget>();

  constructor(private readonly options: BlobDownloadsOptions) {}

  /** Saves a blob (or a folder of blobs) where the user chooses, or hands the browser a one-time link. */
  async download(operationId: string, target: BlobTarget): Promise<DownloadResult> {
    const isFolder = target.name.endsWith('/');
    const name = localName(target.name, target.container.containerName);
    const choose = this.options.chooseTarget;
    if (!choose) {
      // Checked now so a missing blob is reported in the app rather than as a failed browser download.
      if (isFolder) await folderBlobs(target, folderPrefix(target.name));
      else await target.container.getBlobClient(target.name).getProperties();
      const ticket = this.tickets.issue(target);
      return { kind: 'browser', url: `${DOWNLOAD_ROUTE}${ticket}`, fileName: isFolder ? `${name}.tar` : name };
    }
    if (this.running.has(operationId)) {
      throw new AppError({ code: 'Conflict', message: `Download ${operationId} is already running`, status: 409 });
    }
    const controller = new AbortController();
    this.running.set(operationId, controller);
    const reporter = new TransferReporter(this.options.events, operationId, 'download');
    try {
      const blobs = isFolder
        ? await folderBlobs(target, folderPrefix(target.name))
        : [{ name: target.name, size: (await target.container.getBlobClient(target.name).getProperties({ abortSignal: controller.signal })).contentLength ?? 0 }];
      const chosen = await choose({ kind: isFolder ? 'folder' : 'file', suggestedName: name });
      if (!chosen || controller.signal.aborted) {
        reporter.end('cancelled');
        return { kind: 'cancelled' };
      }
      const bytesTotal = blobs.reduce((sum, b) => sum + b.size, 0);
      reporter.totals({ bytesTotal, filesTotal: blobs.length });
      const root = isFolder ? await freshFolder(chosen, name) : undefined;
      let bytes = 0;
      for (const blob of blobs) {
        if (controller.signal.aborted) throw cancelled();
        const local = root ? pathInside(root, sanitizePath(blob.name.slice(folderPrefix(target.name).length))) : chosen;
        if (root) await mkdir(dirname(local), { recursive: true });
        reporter.startFile(blob.name);
        bytes += await saveBlob(target.container.getBlobClient(blob.name), local, controller.signal, (n) => reporter.bytes(n));
        reporter.fileDone();
      }
      reporter.end('done');
      return { kind: 'saved', destination: root ?? chosen, files: blobs.length, bytes };
    } catch (error) {
      if (controller.signal.aborted) {
        reporter.end('cancelled');
        return { kind: 'cancelled' };
      }
      const failure = storageError(error, target.secrets);
      reporter.end('failed', failure.message);
      throw failure;
    } finally {
      this.running.delete(operationId);
    }
  }

  /** Stops a running desktop download; its call then answers `cancelled` and the partial file is removed. */
  cancel(operationId: string): boolean {
    const controller = this.running.get(operationId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Cancels every running desktop download (the app is quitting). */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /** Uses up a browser ticket and prepares its body; undefined when the ticket is unknown, used or expired. */
  async redeem(ticket: string, signal: AbortSignal): Promise<BrowserDownload | undefined> {
    const target = this.tickets.take(ticket);
    if (!target) return undefined;
    const name = localName(target.name, target.container.containerName);
    try {
      if (!target.name.endsWith('/')) {
        const blob = target.container.getBlobClient(target.name);
        const size = (await blob.getProperties({ abortSignal: signal })).contentLength ?? 0;
        return { fileName: name, contentType: 'application/octet-stream', size, write: (sink) => writeBlob(blob, size, sink, signal) };
      }
      const prefix = folderPrefix(target.name);
      const blobs = await folderBlobs(target, prefix);
      return {
        fileName: `${name}.tar`,
        contentType: 'application/x-tar',
        write: async (sink) => {
          await sink(tarHeader({ name, isDirectory: true, size: 0, mtime: new Date() }));
          for (const blob of blobs) {
            const member = [name, ...sanitizePath(blob.name.slice(prefix.length))].join('/');
            await sink(tarHeader({ name: member, isDirectory: false, size: blob.size, ...(blob.lastModified ? { mtime: new Date(blob.lastModified) } : {}) }));
            await writeBlob(target.container.getBlobClient(blob.name), blob.size, sink, signal);
            await sink(tarPadding(blob.size));
          }
          await sink(TAR_END);
        },
      };
    } catch (error) {
      throw storageError(error, target.secrets);
    }
  }
}
