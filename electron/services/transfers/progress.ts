import type { TransferProgress } from '../../../shared/models';
import type { EventBus } from '../events';
import { ThrottledProgress } from '../files/download/progress';

type Totals = Pick<TransferProgress, 'bytesTotal' | 'filesTotal'>;

/** Counts one storage transfer's bytes and files and pushes `storage.transferProgress`, throttled, ending with an outcome. */
export class TransferReporter extends ThrottledProgress<TransferProgress> {
  private ended = false;

  constructor(
    private readonly events: EventBus,
    operationId: string,
    direction: TransferProgress['direction'],
    totals: Totals = {},
    now: () => number = Date.now,
  ) {
    super({ operationId, direction, bytesDone: 0, filesDone: 0, ...totals }, (progress) => events.emit('storage.transferProgress', progress), now);
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

  /** Takes back bytes counted for a file that then failed, so the bar never shows more than was kept. */
  unbytes(count: number): void {
    this.state.bytesDone = Math.max(0, this.state.bytesDone - count);
  }

  /** A file failed; the first failure's message is kept for the final event. */
  fileFailed(message: string): void {
    this.state.failedFiles = (this.state.failedFiles ?? 0) + 1;
    this.state.error ??= message;
    this.emit(false);
  }

  /** Sends the last event, once, with its outcome. */
  end(outcome: NonNullable<TransferProgress['outcome']>, error?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (error) this.state.error ??= error;
    delete this.state.currentFile;
    this.events.emit('storage.transferProgress', { ...this.state, outcome });
  }

  protected override emit(force: boolean): void {
    if (!this.ended) super.emit(force);
  }
}
