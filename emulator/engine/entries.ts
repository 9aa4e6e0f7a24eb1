import { OrderedMap } from '../model/collection.js';
import type { JobRecord, NodeRecord, PoolRecord, TaskExec, TaskRecord, TaskState } from '../model/records.js';
import { TaskCounter } from './taskCounts.js';
import { TaskQueue } from './taskQueue.js';

/** Compute node states the emulator produces. */
export type NodeState =
  | 'creating' | 'starting' | 'waitingForStartTask' | 'startTaskFailed' | 'idle' | 'running' | 'offline'
  | 'rebooting' | 'reimaging' | 'leavingPool' | 'unusable' | 'preempted';

/** What happens to a running task when its process ends because the emulator stopped it. */
export type RunDisposition = 'requeue' | 'terminate' | 'discard';

/** One execution of a task on a node, from dispatch until its process has exited. */
export interface Run {
  readonly job: JobEntry;
  readonly task: TaskRecord;
  readonly taskKey: string;
  readonly node: NodeEntry;
  readonly slots: number;
  /** Set when the emulator stops the process; decides what the exit means. */
  disposition?: RunDisposition;
  /** Kills the process tree (or prevents it from starting). */
  kill(): void;
  /** Resolves once the run has been fully accounted for. */
  readonly ended: Promise<void>;
}

/** A recent task, as a node's recentTasks lists it. */
export interface RecentTask {
  jobId: string;
  taskId: string;
  taskState: TaskState;
  exec: TaskExec;
}

/** A compute node: a plain object with state and timers, never a process of its own. */
export class NodeEntry {
  state: NodeState = 'creating';
  stateTime: number;
  /** When anything a client can see on the node last changed (its Last-Modified). */
  changed: number;
  schedulingState: 'enabled' | 'disabled' = 'enabled';
  lastBootTime?: number;
  readonly runs = new Map<string, Run>();
  runningSlots = 0;
  recent: RecentTask[] = [];
  /** Free-slot bucket the node is filed under in its pool's SlotIndex, or -1 when not schedulable. */
  bucket = -1;
  /** Set when the node is being removed from its pool. */
  leaving = false;
  /** Set while a reboot or reimage waits for running tasks to finish: no new tasks are placed. */
  draining = false;
  dirsReady?: Promise<void>;

  /** Wraps a journaled node record. */
  constructor(
    readonly rec: NodeRecord,
    readonly pool: PoolEntry,
    now: number,
  ) {
    this.stateTime = now;
    this.changed = now;
  }

  /** Slots still free for new tasks. */
  get freeSlots(): number {
    return this.pool.taskSlotsPerNode - this.runningSlots;
  }

  /** Whether the scheduler may place tasks here. */
  get schedulable(): boolean {
    return (this.state === 'idle' || this.state === 'running') && this.schedulingState === 'enabled' && !this.leaving && !this.draining;
  }
}

/**
 * Schedulable nodes filed by free slot count, so placement is O(slots per node) even for 20,000 nodes:
 * spread takes a node with the most free slots, pack the fullest node that still fits.
 */
export class SlotIndex {
  private readonly buckets: Set<NodeEntry>[] = [];

  /** Refiles a node after its state or running slots changed. */
  update(node: NodeEntry): void {
    const want = node.schedulable && node.freeSlots > 0 ? node.freeSlots : -1;
    if (want === node.bucket) return;
    if (node.bucket >= 0) this.buckets[node.bucket]?.delete(node);
    node.bucket = want;
    if (want >= 0) {
      let bucket = this.buckets[want];
      if (!bucket) {
        bucket = new Set();
        this.buckets[want] = bucket;
      }
      bucket.add(node);
    }
  }

  /** Forgets a node. */
  remove(node: NodeEntry): void {
    if (node.bucket >= 0) this.buckets[node.bucket]?.delete(node);
    node.bucket = -1;
  }

  /** A node with at least `slots` free slots, chosen by the pool's fill type. */
  pick(slots: number, fill: 'spread' | 'pack'): NodeEntry | undefined {
    if (fill === 'spread') {
      for (let free = this.buckets.length - 1; free >= slots; free--) {
        const first = this.buckets[free]?.values().next();
        if (first && !first.done) return first.value;
      }
      return undefined;
    }
    for (let free = slots; free < this.buckets.length; free++) {
      const first = this.buckets[free]?.values().next();
      if (first && !first.done) return first.value;
    }
    return undefined;
  }
}

/** A pool with its nodes. */
export class PoolEntry {
  readonly nodes = new OrderedMap<NodeEntry>();
  readonly slots = new SlotIndex();
  readonly timers = new Set<NodeJS.Timeout>();

  /** Wraps a journaled pool record. */
  constructor(public rec: PoolRecord) {}

  /** taskSlotsPerNode, defaulting to 1. */
  get taskSlotsPerNode(): number {
    const slots = this.rec.props.taskSlotsPerNode;
    return typeof slots === 'number' && slots > 0 ? slots : 1;
  }

  /** The pool's node fill type, defaulting to spread. */
  get fillType(): 'spread' | 'pack' {
    const policy = this.rec.props.taskSchedulingPolicy as { nodeFillType?: string } | undefined;
    return policy?.nodeFillType === 'pack' ? 'pack' : 'spread';
  }
}

/** A job with its tasks, counters and scheduling queue. */
export class JobEntry {
  readonly tasks = new OrderedMap<TaskRecord>();
  readonly counts = new TaskCounter();
  readonly queue = new TaskQueue();
  /** Active tasks needing more slots than a node of the pool has; they wait without blocking the queue. */
  parked: string[] = [];
  readonly runs = new Set<Run>();
  /** Milliseconds of task wall-clock time, for lifetime statistics. */
  wallClockMs = 0;
  retries = 0;

  /** Wraps a journaled job record. */
  constructor(public rec: JobRecord) {}

  /** The pool id the job's tasks run on. */
  get poolId(): string | undefined {
    const info = this.rec.props.poolInfo as { poolId?: string } | undefined;
    return info?.poolId;
  }
}
