import type { DownloadResult } from '../../../../shared/models';
import { AppError } from '../../../../shared/errors';
import type { EventBus } from '../../events';
import { fileProperties } from '../list';
import { CANCELLED, type RunnerFactory } from '../runner';
import { assertFilePath, folderOf, type FileSource } from '../source';
import { browserFile, browserFolder, type BrowserDownload } from './browser';
import { DOWNLOAD_CHUNK_BYTES, DOWNLOAD_CHUNK_TIMEOUT_MS } from './copy';
import { saveFile, saveFolder } from './disk';
import { downloadName, planFolder } from './plan';
import { ProgressReporter } from './progress';
import { TicketStore } from './tickets';

/** Where the web host serves one-time download links: `GET /download/<ticket>`. */
export const DOWNLOAD_ROUTE = '/download/';

/** What the desktop shell is asked: a file to save to, or a folder to download into. */
export interface DownloadTargetRequest {
  kind: 'file' | 'folder';
  suggestedName: string;
}

/** Asks the user where a download goes; undefined when they cancel. */
export type ChooseDownloadTarget = (request: DownloadTargetRequest) => Promise<string | undefined>;

/** One `files.download` call's arguments. */
export interface DownloadRequest {
  accountId: string;
  source: FileSource;
  path: string;
  isDirectory: boolean;
  operationId: string;
}

export interface DownloadServiceOptions {
  runner: RunnerFactory;
  events: EventBus;
  /** The desktop's save dialog; without it downloads go to the browser through one-time links. */
  chooseTarget?: ChooseDownloadTarget;
  chunkBytes?: number;
  chunkTimeoutMs?: number;
}

/** Desktop downloads to disk with progress and cancel, and one-time browser links under the web host. */
export class DownloadService {
  private readonly running = new Map<string, AbortController>();
  private readonly tickets = new TicketStore<DownloadRequest>();
  private readonly fetch: { chunkBytes: number; timeoutMs: number };

  constructor(private readonly options: DownloadServiceOptions) {
    this.fetch = { chunkBytes: options.chunkBytes ?? DOWNLOAD_CHUNK_BYTES, timeoutMs: options.chunkTimeoutMs ?? DOWNLOAD_CHUNK_TIMEOUT_MS };
  }

  /** Saves a file or folder where the user chooses, or hands the browser a one-time link. */
  async download(request: DownloadRequest): Promise<DownloadResult> {
    const path = request.isDirectory ? folderOf(request.path) : assertFilePath(request.path);
    if (!request.isDirectory && path === '') throw new AppError({ code: 'BadRequest', message: 'Name the file to download', status: 400 });
    const name = downloadName(request.source, path);
    const size = await this.check(request, path);
    const choose = this.options.chooseTarget;
    if (!choose) {
      const ticket = this.tickets.issue({ ...request, path });
      return { kind: 'browser', url: `${DOWNLOAD_ROUTE}${ticket}`, fileName: request.isDirectory ? `${name}.tar` : name };
    }
    if (this.running.has(request.operationId)) {
      throw new AppError({ code: 'Conflict', message: `Download ${request.operationId} is already running`, status: 409 });
    }
    const controller = new AbortController();
    this.running.set(request.operationId, controller);
    try {
      const target = await choose({ kind: request.isDirectory ? 'folder' : 'file', suggestedName: name });
      if (!target || controller.signal.aborted) return { kind: 'cancelled' };
      const run = this.options.runner(request.accountId, request.source, controller.signal);
      if (request.isDirectory) {
        const plan = await planFolder(run, path, name);
        const progress = this.progress(request.operationId, plan.bytes, plan.files);
        const saved = await saveFolder(run, plan, target, this.fetch, progress);
        progress.flush();
        return { kind: 'saved', ...saved };
      }
      const progress = this.progress(request.operationId, size, 1);
      progress.startFile(name);
      await saveFile(run, path, size, target, this.fetch, progress);
      progress.fileDone();
      progress.flush();
      return { kind: 'saved', destination: target, files: 1, bytes: size };
    } catch (error) {
      if (controller.signal.aborted || (error as { code?: unknown }).code === CANCELLED) return { kind: 'cancelled' };
      throw error;
    } finally {
      this.running.delete(request.operationId);
    }
  }

  /** Stops a running desktop download; its `files.download` call then answers `cancelled`. */
  cancel(operationId: string): { cancelled: boolean } {
    const controller = this.running.get(operationId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /** Cancels every running desktop download (the app is quitting), so no `.part` file is left behind. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /** Uses up a browser ticket and prepares its body; undefined when the ticket is unknown, used or expired. */
  async redeem(ticket: string, signal: AbortSignal): Promise<BrowserDownload | undefined> {
    const request = this.tickets.take(ticket);
    if (!request) return undefined;
    const run = this.options.runner(request.accountId, request.source, signal);
    const name = downloadName(request.source, request.path);
    if (request.isDirectory) return browserFolder(run, await planFolder(run, request.path, name), this.fetch);
    const props = await run((ops) => fileProperties(ops, request.path));
    return browserFile(run, request.path, name, props.size, this.fetch);
  }

  /** Confirms the path is what the caller says (a file or a folder) and returns a file's size. */
  private async check(request: DownloadRequest, path: string): Promise<number> {
    if (path === '') return 0;
    const run = this.options.runner(request.accountId, request.source);
    const props = await run((ops) => fileProperties(ops, path));
    if (props.isDirectory !== request.isDirectory) {
      const message = props.isDirectory ? `${path} is a folder, not a file` : `${path} is a file, not a folder`;
      throw new AppError({ code: 'BadRequest', message, status: 400 });
    }
    return props.size;
  }

  private progress(operationId: string, bytesTotal: number, filesTotal: number): ProgressReporter {
    const progress = new ProgressReporter(this.options.events, operationId, { bytesTotal, filesTotal });
    progress.flush();
    return progress;
  }
}
