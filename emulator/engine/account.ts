import { randomBytes } from 'node:crypto';
import { OrderedMap } from '../model/collection.js';
import { newETag } from '../model/clock.js';
import { keyOf } from '../model/ids.js';
import { op, type Persistence } from '../model/persistence.js';
import { COLLECTIONS, type JobRecord, type NodeRecord, type PoolRecord, type TaskRecord } from '../model/records.js';
import type { LinkedStorage } from '../storage/linked.js';
import type { JournalOp, SnapshotEntry } from '../store/index.js';
import type { NodeBehaviour } from './behaviour.js';
import { JobEntry, type NodeEntry, type PoolEntry } from './entries.js';
import { jobFeatureSnapshot } from './jobFeatures.js';

/** Delays (ms) of the simulated node lifecycle. */
export interface NodeDelays {
  /** resizing → nodes allocated (in `creating`). */
  allocate: number;
  /** creating → starting. */
  create: number;
  /** starting → idle. */
  start: number;
}

/** Defaults short enough to watch a pool come up in a second or two. */
export const DEFAULT_NODE_DELAYS: NodeDelays = { allocate: 300, create: 500, start: 700 };

/** How long one transfer request may take by default: as long as Node's fetch waits for a silent server. */
export const DEFAULT_TRANSFER_TIMEOUT_MS = 300_000;

/** Static settings of one emulated account. */
export interface AccountConfig {
  name: string;
  dataDir: string;
  delays: NodeDelays;
  /** Quotas, autoscale limits, preemption and start-task faults (engine/behaviour.ts). */
  behaviour: NodeBehaviour;
  /** Shortest recurrenceInterval and startWindow a job schedule may have (ms). */
  jobScheduleMinInterval: number;
  /** How long one resource file download, container listing or output file upload may take (ms). */
  transferTimeoutMs: number;
  log: (line: string) => void;
  /** The linked (auto-storage) account: application packages, autoStorageContainerName resource files. */
  storage?: LinkedStorage;
}

/** A short random id for entity incarnations, so journal keys of a deleted entity never collide with a new one. */
export function newUid(): string {
  return randomBytes(6).toString('hex');
}

/**
 * The emulated Batch account: every pool, node, job and task in memory, the journal behind them, and
 * the hooks (scheduler kick, timers) the engine modules share. Request handlers and the engine both
 * work through it; it owns no HTTP concerns.
 */
export class Account {
  readonly pools = new OrderedMap<PoolEntry>();
  readonly poolsByUid = new Map<string, PoolEntry>();
  readonly jobs = new OrderedMap<JobEntry>();
  readonly jobsByUid = new Map<string, JobEntry>();
  readonly nodes = new Map<string, NodeEntry>();
  /** The account URL tasks see (AZ_BATCH_ACCOUNT_URL); set once the server listens. */
  url = '';
  closing = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private kickScheduler: () => void = () => undefined;

  /** Creates an empty account over an opened journal. */
  constructor(
    readonly config: AccountConfig,
    readonly store: Persistence,
  ) {
    store.setSnapshotSource(() => this.snapshot());
  }

  /** Registers what asks the scheduler for a pass. */
  setScheduler(kick: () => void): void {
    this.kickScheduler = kick;
  }

  /** Asks for a scheduling pass soon (coalesced). */
  schedule(): void {
    if (!this.closing) this.kickScheduler();
  }

  /** Runs a callback after a delay unless the account closes first; the result cancels it. */
  after(ms: number, fn: () => void): () => void {
    if (this.closing) return () => undefined;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closing) fn();
    }, ms);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Cancels every pending timer. */
  stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** The pool with this id (any case). */
  pool(id: string): PoolEntry | undefined {
    return this.pools.get(keyOf(id));
  }

  /** The job with this id (any case). */
  job(id: string): JobEntry | undefined {
    return this.jobs.get(keyOf(id));
  }

  /** Adds a job entry to the indexes. */
  addJob(rec: JobRecord): JobEntry {
    const entry = new JobEntry(rec);
    this.jobs.set(keyOf(rec.id), entry);
    this.jobsByUid.set(rec.uid, entry);
    return entry;
  }

  /** Stamps a record as modified now: new ETag and lastModified. */
  touch(rec: { eTag: string; lastModified: number }, now = Date.now()): void {
    rec.eTag = newETag(now);
    rec.lastModified = now;
  }

  /** Journal op storing a pool. */
  poolOp(rec: PoolRecord): JournalOp {
    return op.put(COLLECTIONS.pool, keyOf(rec.id), rec);
  }

  /** Journal op storing a node. */
  nodeOp(rec: NodeRecord): JournalOp {
    return op.put(COLLECTIONS.node, `${rec.poolUid}/${rec.id}`, rec);
  }

  /** Journal op storing a job. */
  jobOp(rec: JobRecord): JournalOp {
    return op.put(COLLECTIONS.job, keyOf(rec.id), rec);
  }

  /** Journal op storing a task of a job. */
  taskOp(job: JobEntry, task: TaskRecord): JournalOp {
    return op.put(COLLECTIONS.task, `${job.rec.uid}/${keyOf(task.id)}`, task);
  }

  /** Journal op removing a task of a job. */
  taskDelOp(job: JobEntry, taskKey: string): JournalOp {
    return op.del(COLLECTIONS.task, `${job.rec.uid}/${taskKey}`);
  }

  /** Everything live, for a compaction snapshot (Map iteration, so it survives changes while streamed). */
  *snapshot(): Generator<SnapshotEntry> {
    for (const pool of this.poolsByUid.values()) {
      yield [COLLECTIONS.pool, keyOf(pool.rec.id), pool.rec];
      for (const node of pool.nodes.values()) yield [COLLECTIONS.node, `${node.rec.poolUid}/${node.rec.id}`, node.rec];
    }
    for (const job of this.jobsByUid.values()) {
      yield [COLLECTIONS.job, keyOf(job.rec.id), job.rec];
      for (const task of job.tasks.values()) yield [COLLECTIONS.task, `${job.rec.uid}/${keyOf(task.id)}`, task];
    }
    yield* jobFeatureSnapshot(this);
  }
}
