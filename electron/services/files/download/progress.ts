import type { DownloadProgress } from '../../../../shared/models';
import type { EventBus } from '../../events';

/** At most five progress events a second: enough for a smooth bar, cheap over IPC. */
export const PROGRESS_INTERVAL_MS = 200;

/** Counts a download's bytes and files and pushes `files.downloadProgress`, throttled, plus a first and a final event. */
export class ProgressReporter {
  private readonly state: DownloadProgress;
  private last = 0;

  constructor(
    private readonly events: EventBus,
    operationId: string,
    totals: { bytesTotal: number; filesTotal: number },
    private readonly now: () => number = Date.now,
  ) {
    this.state = { operationId, bytesDone: 0, filesDone: 0, ...totals };
  }

  /** Bytes written. */
  bytes(count: number): void {
    this.state.bytesDone += count;
    this.emit(false);
  }

  /** A file is being fetched (its path as the user sees it). */
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

  private emit(force: boolean): void {
    const now = this.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.events.emit('files.downloadProgress', { ...this.state });
  }
}
