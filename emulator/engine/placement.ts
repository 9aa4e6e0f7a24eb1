// The node a dispatched task really runs on. The scheduler picks a node by free slots alone; a job's own
// rules can refuse it: the job preparation task failed there, or the task is a job manager that needs
// the whole node (runExclusive) or a dedicated one. Then another node is tried, or the task waits.
import type { TaskRecord } from '../model/records.js';
import type { Account } from './account.js';
import type { JobEntry, NodeEntry } from './entries.js';
import { allowsLowPriority, runsExclusive } from './jobReactions.js';
import { prepAllows } from './prepRelease.js';
import { requiredSlots } from './taskCounts.js';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2_000;

/** Tasks that found no node they may run on, retried with a growing delay. */
interface Waiting {
  keys: string[];
  delay: number;
  armed: boolean;
}

const WAITING = new WeakMap<JobEntry, Waiting>();

function waitingOf(job: JobEntry): Waiting {
  let waiting = WAITING.get(job);
  if (!waiting) {
    waiting = { keys: [], delay: FIRST_RETRY_MS, armed: false };
    WAITING.set(job, waiting);
  }
  return waiting;
}

function retryLater(account: Account, job: JobEntry, key: string): void {
  const waiting = waitingOf(job);
  waiting.keys.push(key);
  if (waiting.armed) return;
  waiting.armed = true;
  account.after(waiting.delay, () => {
    waiting.armed = false;
    waiting.delay = Math.min(waiting.delay * 2, LAST_RETRY_MS);
    for (const waitingKey of waiting.keys.splice(0)) if (job.tasks.get(waitingKey)?.state === 'active') job.queue.push(waitingKey);
    account.schedule();
  });
}

/** Where a task runs and how many of the node's slots it holds (all of them for an exclusive job manager). */
export interface Placement {
  node: NodeEntry;
  slots: number;
}

/** The node the task runs on (the picked one when it may), or undefined when it has to wait and try again. */
export function placeTask(account: Account, job: JobEntry, key: string, task: TaskRecord, picked: NodeEntry): Placement | undefined {
  const slots = runsExclusive(job, task) ? picked.pool.taskSlotsPerNode : requiredSlots(task);
  const lowPriorityOk = allowsLowPriority(job, task);
  const fits = (node: NodeEntry) => node.freeSlots >= slots && (lowPriorityOk || node.rec.isDedicated) && prepAllows(job, node);
  let node: NodeEntry | undefined = fits(picked) ? picked : undefined;
  if (!node) {
    for (const candidate of picked.pool.nodes.values()) {
      if (candidate.schedulable && fits(candidate)) {
        node = candidate;
        break;
      }
    }
  }
  if (!node) {
    retryLater(account, job, key);
    return undefined;
  }
  waitingOf(job).delay = FIRST_RETRY_MS;
  return { node, slots };
}
