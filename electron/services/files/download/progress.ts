import type { DownloadProgress } from '../../../../shared/models';
import type { EventBus } from '../../events';

/** At most five progress events a second: enough for a smooth bar, cheap over IPC. */
export const PROGRESS_INTERVAL_MS = 200;

/** The counts every transfer's progress event carries. */
export interface TransferCounts {
  bytesDone: number;
  filesDone: number;
  currentFile?: string;
}

/** Counts a transfer's bytes and files and sends its progress, throttled, plus a first and a last event. */
export class ThrottledProgress<P extends TransferCounts> {
  private last = 0;

  constructor(
    protected readonly state: P,
    private readonly send: (progress: P) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Bytes moved. */
  bytes(count: number): void {
    this.state.bytesDone += count;
    this.emit(false);
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

  /** Sends the current counts now (the first event and the last). */
  flush(): void {
    this.emit(true);
  }

  protected emit(force: boolean): void {
    const now = this.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.send({ ...this.state });
  }
}

/** A node-file download's progress as `files.downloadProgress` events. */
export class ProgressReporter extends ThrottledProgress<DownloadProgress> {
  constructor(events: EventBus, operationId: string, totals: { bytesTotal: number; filesTotal: number }, now: () => number = Date.now) {
    super({ operationId, bytesDone: 0, filesDone: 0, ...totals }, (progress) => events.emit('files.downloadProgress', progress), now);
  }
}
