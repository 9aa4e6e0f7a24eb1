import { Journal, type JournalOp, type SnapshotEntry, type StoreState } from '../store/index.js';

/** Builds journal operations; keys are chosen by the caller (lower-cased ids, prefixed by parent uid). */
export const op = {
  put: (c: string, k: string, v: unknown): JournalOp => ({ op: 'put', c, k, v }),
  del: (c: string, k: string): JournalOp => ({ op: 'del', c, k }),
};

/**
 * The emulator's durable state: a journal plus the policy around it. Writes a client is told about
 * are awaited (`commit`); internal transitions are queued behind them (`commitLater`) and only logged
 * on failure. Compaction starts by itself once the log outgrows the snapshot.
 */
export class Persistence {
  private snapshot: () => Iterable<SnapshotEntry> = () => [];
  private compacting = false;
  private lastError: unknown;

  private constructor(
    private readonly journal: Journal,
    private readonly log: (line: string) => void,
  ) {}

  /** Opens the journal in `dir`. */
  static async open(dir: string, log: (line: string) => void, fsync = true): Promise<Persistence> {
    return new Persistence(await Journal.open({ dir, fsync }), log);
  }

  /** State recovered at open; the caller takes it over (and should clear it when done). */
  get recovered(): StoreState {
    return this.journal.recovered;
  }

  /** Sets how a compaction enumerates the live state. */
  setSnapshotSource(source: () => Iterable<SnapshotEntry>): void {
    this.snapshot = source;
  }

  /** Makes ops durable before resolving. */
  async commit(ops: readonly JournalOp[]): Promise<void> {
    if (ops.length === 0) return;
    await this.journal.commit(ops);
    this.maybeCompact();
  }

  /** Queues ops for durability without waiting; a failure is logged, never thrown. */
  commitLater(ops: readonly JournalOp[]): void {
    this.commit(ops).catch((error: unknown) => this.report('journal commit failed', error));
  }

  private maybeCompact(): void {
    if (this.compacting || !this.journal.shouldCompact()) return;
    this.compacting = true;
    this.journal
      .compact(this.snapshot)
      .catch((error: unknown) => this.report('journal compaction failed', error))
      .finally(() => {
        this.compacting = false;
      });
  }

  private report(what: string, error: unknown): void {
    // One line per distinct failure: a full disk would otherwise log once per task.
    const text = error instanceof Error ? error.message : String(error);
    if (text === this.lastError) return;
    this.lastError = text;
    this.log(`${what}: ${text}`);
  }

  /** Flushes pending commits and closes the journal. */
  async close(): Promise<void> {
    await this.journal.close();
  }
}
