import type { TransferProgress } from '../../../shared/models';
import type { EventBus } from '../events';
import { PROGRESS_INTERVAL_MS } from '../files/download/progress';

type Totals = Pick<TransferProgress, 'bytesTotal' | 'filesTotal'>;

/** Counts one storage transfer's bytes and files and pushes `storage.transferProgress`, throttled, ending with an outcome. */
export class TransferReporter {
  private readonly state: TransferProgress;
  private last = 0;
  private ended = false;

  constructor(
    private readonly events: EventBus,
    operationId: string,
    direction: TransferProgress['direction'],
    totals: Totals = {},
    private readonly now: () => number = Date.now,
  ) {
    this.state = { operationId, direction, bytesDone: 0, filesDone: 0, ...totals };
  }

  /** True once the final event went out. */
  get finished(): boolean {
    return this.ended;
  }

  /** Sets the totals once they are known (a folder is listed after the download started). */
  totals(totals: Totals): void {
    Object.assign(this.state, totals);
    this.emit(true);
  }

  /** Bytes moved. */
  bytes(count: number): void {
    this.state.bytesDone += count;
    this.emit(false);
  }

  /** Takes back bytes counted for a file that then failed, so the bar never shows more than was kept. */
  unbytes(count: number): void {
    this.state.bytesDone = Math.max(0, this.state.bytesDone - count);
  }

  /** A file is being moved (its name as the user sees it). */
  startFile(name: string): void {
    this.state.currentFile = name;
    this.emit(false);
  }

  /** A file is complete. */
  fileDone(): void {
    this.state.filesDone++;
    this.emit(false);
  }

  /** A file failed; the first failure's message is kept for the final event. */
  fileFailed(message: string): void {
    this.state.failedFiles = (this.state.failedFiles ?? 0) + 1;
    this.state.error ??= message;
    this.emit(false);
  }

  /** Sends the current counts now (the first event). */
  flush(): void {
    this.emit(true);
  }

  /** Sends the last event, once, with its outcome. */
  end(outcome: NonNullable<TransferProgress['outcome']>, error?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (error) this.state.error ??= error;
    delete this.state.currentFile;
    this.events.emit('storage.transferProgress', { ...this.state, outcome });
  }

  private emit(force: boolean): void {
    if (this.ended) return;
    const now = this.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.events.emit('storage.transferProgress', { ...this.state });
  }
}
