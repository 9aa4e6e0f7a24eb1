import { rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { encodeOps, type SnapshotEntry, type StoreState } from './codec.js';
import { JournalClosedError } from './errors.js';
import { createLog, fileName, fsyncDir, listStore, writeFully } from './files.js';
import { encodeFrame, FILE_HEADER_BYTES, MAX_FRAME_BYTES } from './frames.js';
import { recoverStore } from './recovery.js';
import { writeSnapshot } from './snapshot.js';
import type { CompactionStep, JournalHooks, JournalOp, JournalOptions, WriteStats } from './types.js';

const DEFAULT_COMPACT_THRESHOLD = 64 << 20;
// One group-commit frame stops growing here (a single larger commit still goes whole in its own frame).
const MAX_GROUP_BYTES = 16 << 20;
const OPEN_BRACKET = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE_BRACKET = Buffer.from(']');

interface Pending {
  bytes: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A durable key-value journal: group-committed, checksummed log frames over a periodically compacted snapshot.
 * It keeps no state of its own beyond file positions; the caller owns the live state.
 */
export class Journal {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  private paused = false;
  private failed = false;
  private failure: unknown;
  private closing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private readonly stats: WriteStats = { frames: 0, syncs: 0, commits: 0, bytes: 0 };

  private constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    private readonly threshold: number,
    private readonly hooks: JournalHooks,
    /** State recovered at open (snapshot + replayed log): collection -> key -> value. The caller takes ownership. */
    readonly recovered: StoreState,
    private baseGen: number,
    private activeGen: number,
    private active: FileHandle,
    private position: number,
    private olderLogBytes: number,
    private snapshotBytes: number,
  ) {}

  /** Opens (creating if needed) the store in options.dir and recovers its state; hooks are for tests only. */
  static async open(options: JournalOptions, hooks: JournalHooks = {}): Promise<Journal> {
    const r = await recoverStore(options.dir);
    return new Journal(
      options.dir,
      options.fsync ?? true,
      options.compactThresholdBytes ?? DEFAULT_COMPACT_THRESHOLD,
      hooks,
      r.state,
      r.baseGen,
      r.activeGen,
      r.active,
      r.activeEnd,
      r.olderLogBytes,
      r.snapshotBytes,
    );
  }

  /** Physical write counters since open. */
  get writeStats(): Readonly<WriteStats> {
    return { ...this.stats };
  }

  /** Appends ops atomically; resolves once durable. Concurrent calls are group-committed, applied in call order. */
  commit(ops: readonly JournalOp[]): Promise<void> {
    if (this.closing !== null) return Promise.reject(new JournalClosedError(this.dir));
    if (this.failed) return Promise.reject(this.failure);
    let bytes: Buffer;
    try {
      bytes = encodeOps(ops);
      if (bytes.length + 2 > MAX_FRAME_BYTES) {
        throw new RangeError(`commit of ${bytes.length} bytes exceeds the frame limit`);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** True when the logs since the last snapshot exceed max(compactThresholdBytes, snapshot size). */
  shouldCompact(): boolean {
    if (this.compacting !== null || this.closing !== null || this.failed) return false;
    return this.olderLogBytes + this.position > Math.max(this.threshold, this.snapshotBytes);
  }

  /**
   * Writes a fresh snapshot from the caller's live state (streamed), then drops the old log; crash-safe at every
   * step. The live state must already include every commit that has resolved. A call while one runs joins it.
   */
  compact(snapshot: () => Iterable<SnapshotEntry>): Promise<void> {
    if (this.closing !== null) return Promise.reject(new JournalClosedError(this.dir));
    if (this.failed) return Promise.reject(this.failure);
    if (this.compacting === null) {
      this.compacting = this.runCompaction(snapshot).finally(() => {
        this.compacting = null;
      });
    }
    return this.compacting;
  }

  /** Flushes pending commits, then refuses further commits with a clear error. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.compacting?.catch(() => undefined);
      await this.drain();
      await this.active.close();
    })();
    return this.closing;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Deferred to a microtask so every commit made in the same synchronous run joins the first frame.
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.startFlush();
    });
  }

  private startFlush(): void {
    if (this.flushing !== null || this.paused || this.queue.length === 0) return;
    this.flushing = (async () => {
      try {
        await this.flushLoop();
      } finally {
        this.flushing = null;
      }
    })();
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0 && !this.paused && !this.failed) {
      const batch = this.takeBatch();
      try {
        await this.writeBatch(batch);
      } catch (error) {
        this.fail(error, batch);
        return;
      }
      this.stats.commits += batch.length;
      for (const pending of batch) pending.resolve();
    }
  }

  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    for (const pending of this.queue) {
      if (count > 0 && bytes + pending.bytes.length > MAX_GROUP_BYTES) break;
      bytes += pending.bytes.length + 1;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async writeBatch(batch: readonly Pending[]): Promise<void> {
    const pieces: Buffer[] = [OPEN_BRACKET];
    for (const { bytes } of batch) {
      if (bytes.length === 0) continue;
      if (pieces.length > 1) pieces.push(COMMA);
      pieces.push(bytes);
    }
    // A batch of empty commits still resolves in order, after everything before it is durable.
    if (pieces.length === 1) return;
    pieces.push(CLOSE_BRACKET);
    const frame = encodeFrame(pieces);
    await writeFully(this.active, frame, this.position);
    this.position += frame.length;
    this.stats.frames++;
    this.stats.bytes += frame.length;
    if (this.fsync) {
      await this.active.datasync();
      this.stats.syncs++;
    }
  }

  // After a failed write or sync the file's tail is unknown (and a failed fsync may have dropped dirty pages),
  // so nothing more is acknowledged until the store is reopened and recovered.
  private fail(error: unknown, batch: readonly Pending[]): void {
    this.failed = true;
    this.failure = error;
    const rejected = [...batch, ...this.queue];
    this.queue = [];
    for (const pending of rejected) pending.reject(error);
  }

  private async drain(): Promise<void> {
    while (this.flushing !== null || (this.queue.length > 0 && !this.failed && !this.paused)) {
      this.startFlush();
      await this.flushing;
    }
  }

  private async runCompaction(snapshot: () => Iterable<SnapshotEntry>): Promise<void> {
    const gen = this.activeGen + 1;
    await this.rotate(gen);
    await this.step('log-rotated');
    // Lets continuations of commits acknowledged before the rotation update the caller's state first.
    await nextMacrotask();
    const final = join(this.dir, fileName('snapshot', gen));
    const temp = `${final}.tmp`;
    let size: number;
    try {
      size = await writeSnapshot(temp, gen, snapshot());
      await this.step('snapshot-written');
      await rename(temp, final);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await this.step('snapshot-renamed');
    await fsyncDir(this.dir);
    await this.step('dir-synced');
    this.baseGen = gen;
    this.snapshotBytes = size;
    this.olderLogBytes = 0;
    await this.removeObsolete();
    await this.step('old-files-removed');
  }

  // Commits acknowledged before the switch are in the old log and in the caller's state; commits after it go
  // to the new log, which replays over the snapshot, so the snapshot may include them or not.
  private async rotate(gen: number): Promise<void> {
    this.paused = true;
    try {
      while (this.flushing !== null) await this.flushing;
      if (this.failed) throw this.failure;
      const next = await createLog(this.dir, gen);
      const previous = this.active;
      this.active = next;
      this.olderLogBytes += this.position;
      this.position = FILE_HEADER_BYTES;
      this.activeGen = gen;
      await previous.close();
    } finally {
      this.paused = false;
      this.startFlush();
    }
  }

  private async removeObsolete(): Promise<void> {
    const listing = await listStore(this.dir);
    const obsolete = [
      ...listing.temps,
      ...listing.snapshots.filter((gen) => gen < this.baseGen).map((gen) => fileName('snapshot', gen)),
      ...listing.logs.filter((gen) => gen < this.baseGen).map((gen) => fileName('log', gen)),
    ];
    for (const name of obsolete) await rm(join(this.dir, name), { force: true });
    await fsyncDir(this.dir);
  }

  private async step(step: CompactionStep): Promise<void> {
    await this.hooks.onCompactionStep?.(step);
  }
}
