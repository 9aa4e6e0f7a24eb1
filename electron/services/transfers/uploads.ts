// Uploads arrive as one single-use PUT per file (the web host's /upload/<ticket> or app://bundle/upload/<ticket>);
// main streams each body into a sink without holding whole files, checks its length and reports progress.
import { Transform, type Readable } from 'node:stream';
import type { UploadPlan } from '../../../shared/models';
import { WebHostPaths } from '../../../shared/transport';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../events';
import { TicketStore } from '../files/download/tickets';
import { CANCELLED } from '../files/runner';
import { TransferReporter } from './progress';

/** Where one file's bytes go (a block blob, an application package…); it must stop when `signal` fires. */
export type UploadSink = (stream: Readable, size: number, signal: AbortSignal) => Promise<void>;

/** One file of an upload: the caller's relative path, its declared size and where its bytes go. */
export interface UploadFile {
  path: string;
  size: number;
  sink: UploadSink;
}

/** How long an upload link stays valid: enough for a slow start of a large batch, short enough to be useless if leaked. */
export const UPLOAD_TICKET_TTL_MS = 10 * 60_000;
/** Upload links outstanding across every operation. */
export const MAX_OUTSTANDING_UPLOADS = 20_000;

interface Ticket {
  operationId: string;
  file: UploadFile;
}

interface Operation {
  reporter: TransferReporter;
  files: number;
  settled: number;
  failed: number;
  tickets: Set<string>;
  controllers: Set<AbortController>;
  timer: NodeJS.Timeout;
}

export interface UploadServiceOptions {
  events: EventBus;
  ttlMs?: number;
  now?: () => number;
}

/** The code an upload whose body was not the declared size fails with. */
export const SIZE_MISMATCH = 'SizeMismatch';

/** Hands out upload links bound to an operation, receives their bodies and reports the operation's progress. */
export class UploadService {
  private readonly operations = new Map<string, Operation>();
  private readonly tickets: TicketStore<Ticket>;
  private readonly ttlMs: number;

  constructor(private readonly options: UploadServiceOptions) {
    this.ttlMs = options.ttlMs ?? UPLOAD_TICKET_TTL_MS;
    this.tickets = new TicketStore<Ticket>(options.now ?? Date.now, this.ttlMs, MAX_OUTSTANDING_UPLOADS);
  }

  /** Registers an operation's files and returns one single-use same-origin URL per file. */
  begin(operationId: string, files: UploadFile[]): UploadPlan {
    if (this.operations.has(operationId)) {
      throw new AppError({ code: 'Conflict', message: `Upload ${operationId} is already running`, status: 409 });
    }
    if (this.tickets.size + files.length > MAX_OUTSTANDING_UPLOADS) {
      throw new AppError({ code: 'TooManyUploads', message: 'Too many uploads are waiting for their files; try again when they finish', status: 429 });
    }
    const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
    const reporter = new TransferReporter(this.options.events, operationId, 'upload', { bytesTotal, filesTotal: files.length });
    const op: Operation = {
      reporter,
      files: files.length,
      settled: 0,
      failed: 0,
      tickets: new Set(),
      controllers: new Set(),
      // Links the renderer never used (it closed, or crashed) end the operation instead of leaving it open forever.
      timer: setTimeout(() => this.expire(operationId), this.ttlMs + 1000),
    };
    op.timer.unref();
    const uploads = files.map((file) => {
      const ticket = this.tickets.issue({ operationId, file });
      op.tickets.add(ticket);
      return { path: file.path, url: `${WebHostPaths.upload}${ticket}` };
    });
    this.operations.set(operationId, op);
    reporter.flush();
    return { operationId, uploads };
  }

  /** Stops an operation: in-flight bodies are aborted and its unused links stop working. */
  cancel(operationId: string): boolean {
    const op = this.operations.get(operationId);
    if (!op) return false;
    this.close(operationId, op);
    for (const controller of op.controllers) controller.abort();
    op.reporter.end('cancelled');
    return true;
  }

  /** Cancels every operation (the app is quitting). */
  cancelAll(): void {
    for (const id of [...this.operations.keys()]) this.cancel(id);
  }

  /** True while the operation has files to receive. */
  has(operationId: string): boolean {
    return this.operations.has(operationId);
  }

  /** Receives one file's body for a ticket; rejects with the shared error shape (404 for an unknown or used ticket). */
  async receive(ticket: string, body: Readable, signal: AbortSignal): Promise<{ bytes: number }> {
    const entry = /^[A-Za-z0-9_-]{43}$/.test(ticket) ? this.tickets.take(ticket) : undefined;
    const op = entry ? this.operations.get(entry.operationId) : undefined;
    if (!entry || !op) {
      throw new AppError({ code: 'UploadNotFound', message: 'This upload link has expired or was already used; start the upload again', status: 404 });
    }
    op.tickets.delete(ticket);
    const { file } = entry;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    op.controllers.add(controller);
    op.reporter.startFile(file.path);
    let count = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        count += chunk.length;
        if (count > file.size) return done(sizeMismatch(file, count));
        op.reporter.bytes(chunk.length);
        done(null, chunk);
      },
      // Failing before the end reaches the sink keeps a short body from being committed.
      flush(done) {
        done(count === file.size ? null : sizeMismatch(file, count));
      },
    });
    body.on('error', (error) => counter.destroy(error));
    body.pipe(counter);
    try {
      await file.sink(counter, file.size, controller.signal);
      if (count !== file.size) throw sizeMismatch(file, count);
      op.reporter.fileDone();
      this.settle(entry.operationId, op, false);
      return { bytes: count };
    } catch (error) {
      op.reporter.unbytes(count);
      // The body is left unread: the route answers and closes the connection rather than draining a refused file.
      body.unpipe(counter);
      counter.destroy();
      if (controller.signal.aborted && !this.operations.has(entry.operationId)) {
        throw new AppError({ code: CANCELLED, message: 'The upload was cancelled', status: 499 });
      }
      const shape = error instanceof AppError ? error : undefined;
      op.reporter.fileFailed(`${file.path}: ${shape?.message ?? (error as Error).message}`);
      this.settle(entry.operationId, op, true);
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
      op.controllers.delete(controller);
    }
  }

  private settle(operationId: string, op: Operation, failed: boolean): void {
    op.settled++;
    if (failed) op.failed++;
    if (op.settled < op.files || this.operations.get(operationId) !== op) return;
    this.close(operationId, op);
    op.reporter.end(op.failed > 0 ? 'failed' : 'done');
  }

  private expire(operationId: string): void {
    const op = this.operations.get(operationId);
    if (!op) return;
    const missing = op.files - op.settled - op.controllers.size;
    if (missing <= 0) return;
    this.close(operationId, op);
    for (const controller of op.controllers) controller.abort();
    op.reporter.end('failed', `${missing} file(s) were not sent before their upload links expired`);
  }

  private close(operationId: string, op: Operation): void {
    clearTimeout(op.timer);
    this.operations.delete(operationId);
    for (const ticket of op.tickets) this.tickets.take(ticket);
    op.tickets.clear();
  }
}

function sizeMismatch(file: UploadFile, count: number): AppError {
  const message = count > file.size ? `${file.path} is larger than the ${file.size} bytes declared` : `${file.path} sent ${count} of the ${file.size} bytes declared`;
  return new AppError({ code: SIZE_MISMATCH, message, status: 400 });
}
