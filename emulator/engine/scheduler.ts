import type { Account } from './account.js';
import type { JobEntry, PoolEntry } from './entries.js';
import { dispatch } from './execution.js';
import { requiredSlots } from './taskCounts.js';

function byPriority(a: JobEntry, b: JobEntry): number {
  const pa = typeof a.rec.props.priority === 'number' ? a.rec.props.priority : 0;
  const pb = typeof b.rec.props.priority === 'number' ? b.rec.props.priority : 0;
  return pb - pa || a.rec.creationTime - b.rec.creationTime;
}

function maxParallel(job: JobEntry): number {
  const value = job.rec.props.maxParallelTasks;
  return typeof value === 'number' && value >= 0 ? value : Infinity;
}

// Places one job's queued tasks on free slots until the pool is full or the job's queue runs dry.
function placeJob(account: Account, job: JobEntry, pool: PoolEntry): void {
  const limit = maxParallel(job);
  while (job.runs.size < limit) {
    const key = job.queue.peek();
    if (key === undefined) return;
    const task = job.tasks.get(key);
    if (!task || task.state !== 'active') {
      job.queue.shift();
      continue;
    }
    const slots = requiredSlots(task);
    if (slots > pool.taskSlotsPerNode) {
      // It can never fit on this pool; leave it active (as the service does) without blocking the others.
      job.queue.shift();
      job.parked.push(key);
      continue;
    }
    const node = pool.slots.pick(slots, pool.fillType);
    if (!node) return;
    job.queue.shift();
    dispatch(account, job, key, task, node);
  }
}

/**
 * Assigns active tasks to free node slots: jobs by priority (then age), each job's tasks in the order
 * they became active, nodes chosen by the pool's spread/pack policy and slot accounting. Passes are
 * coalesced, so any number of kicks in one tick cost one pass.
 */
export class Scheduler {
  private pending = false;

  /** Binds the scheduler to an account. */
  constructor(private readonly account: Account) {}

  /** Requests a pass on the next turn of the event loop. */
  kick(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (!this.account.closing) this.pass();
    });
  }

  private pass(): void {
    const jobs = [...this.account.jobsByUid.values()].filter((job) => job.rec.state === 'active' && job.queue.length > 0);
    jobs.sort(byPriority);
    for (const job of jobs) {
      const poolId = job.poolId;
      const pool = poolId === undefined ? undefined : this.account.pool(poolId);
      if (!pool || pool.rec.state !== 'active') continue;
      placeJob(this.account, job, pool);
    }
  }
}
