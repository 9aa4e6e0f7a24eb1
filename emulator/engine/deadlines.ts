// Timers for moments that can move (wall-clock limits) and the retention sweep of task directories.
import { join } from 'node:path';
import type { TaskRecord } from '../model/records.js';
import { parseDuration } from '../schema/duration.js';
import type { Account } from './account.js';
import type { JobEntry } from './entries.js';
import { nodeRoot, removeTree, taskDirName } from './nodeFs.js';

// setTimeout fires at once for longer waits; longer deadlines are reached in hops.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds of an ISO-8601 duration property, or undefined when absent or malformed. */
export function durationMs(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

/** A timer for a moment that may move: setting it again replaces the previous moment. */
export class Deadline {
  private cancel?: () => void;

  /** Binds the deadline to the account's timers and what to do when it is reached. */
  constructor(
    private readonly account: Account,
    private readonly fire: () => void,
  ) {}

  /** Fires at `at` (epoch ms), or never when undefined. */
  set(at: number | undefined): void {
    this.cancel?.();
    this.cancel = undefined;
    if (at === undefined) return;
    const wait = Math.max(0, at - Date.now());
    this.cancel = this.account.after(Math.min(wait, MAX_TIMER_MS), () => {
      this.cancel = undefined;
      if (Date.now() < at) this.set(at);
      else this.fire();
    });
  }
}

const DEFAULT_RETENTION_MS = 7 * 86_400_000;

interface Retained {
  at: number;
  job: JobEntry;
  key: string;
  task: TaskRecord;
}

/** When a completed task's directory may go: its endTime plus retentionTime (default 7 days). */
export function retentionEnd(task: TaskRecord): number | undefined {
  if (task.state !== 'completed' || task.exec.endTime === undefined || !task.node) return undefined;
  const retention = durationMs((task.props.constraints as { retentionTime?: string } | undefined)?.retentionTime);
  return task.exec.endTime + (retention ?? DEFAULT_RETENTION_MS);
}

/**
 * Removes the directories of completed tasks once their retention time has passed. Tasks wait in a
 * binary heap behind one timer; an entry is checked again when due, so reactivated or deleted tasks
 * need no removal from the heap.
 */
class RetentionSweep {
  private readonly heap: Retained[] = [];
  private readonly deadline: Deadline;
  private armedAt?: number;

  constructor(private readonly account: Account) {
    this.deadline = new Deadline(account, () => this.sweep());
  }

  track(job: JobEntry, key: string, task: TaskRecord): void {
    const at = retentionEnd(task);
    if (at === undefined) return;
    this.push({ at, job, key, task });
    if (this.armedAt === undefined || at < this.armedAt) this.arm();
  }

  private arm(): void {
    this.armedAt = this.heap[0]?.at;
    this.deadline.set(this.armedAt);
  }

  private sweep(): void {
    const now = Date.now();
    for (let top = this.heap[0]; top && top.at <= now; top = this.heap[0]) {
      this.pop();
      const { job, key, task } = top;
      const at = retentionEnd(task);
      if (!this.account.jobsByUid.has(job.rec.uid) || job.tasks.get(key) !== task || at === undefined || !task.node) continue;
      if (at > now) {
        this.push({ ...top, at });
        continue;
      }
      const dir = join(nodeRoot(this.account.config.dataDir, task.node.nodeId), ...taskDirName(job.rec.id, task.id).split('/'));
      void removeTree(dir).catch(() => undefined);
    }
    this.arm();
  }

  private push(item: Retained): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as Retained).at <= item.at) break;
      heap[i] = heap[parent] as Retained;
      i = parent;
    }
    heap[i] = item;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as Retained).at < (heap[left] as Retained).at ? right : left;
      if ((heap[child] as Retained).at >= last.at) break;
      heap[i] = heap[child] as Retained;
      i = child;
    }
    heap[i] = last;
  }
}

const SWEEPS = new WeakMap<Account, RetentionSweep>();

/** Schedules the removal of a completed task's directory when its retention time has passed. */
export function retainTaskDir(account: Account, job: JobEntry, key: string, task: TaskRecord): void {
  let sweep = SWEEPS.get(account);
  if (!sweep) {
    sweep = new RetentionSweep(account);
    SWEEPS.set(account, sweep);
  }
  sweep.track(job, key, task);
}
