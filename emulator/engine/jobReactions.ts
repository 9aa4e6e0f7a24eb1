// What a job does when one of its tasks completes: free dependents, end the job after its job manager,
// take the task's exit-condition job action, and end the job once all its tasks are complete.
import { keyOf } from '../model/ids.js';
import type { TaskRecord } from '../model/records.js';
import type { JournalOp } from '../store/index.js';
import type { Account } from './account.js';
import { retainTaskDir } from './deadlines.js';
import { dependencyIndex } from './dependencies.js';
import type { JobEntry } from './entries.js';
import { taskExitOptions } from './exitConditions.js';
import { beginDisable, beginTermination } from './jobs.js';

/** JobManagerTask as a job gives it. */
export type JobManagerSpec = Record<string, unknown> & {
  id: string;
  killJobOnCompletion?: boolean;
  runExclusive?: boolean;
  allowLowPriorityNode?: boolean;
};

/** The job's job manager task, if it has one. */
export function jobManagerOf(job: JobEntry): JobManagerSpec | undefined {
  return job.rec.props.jobManagerTask as JobManagerSpec | undefined;
}

/** True for the job's job manager task. */
export function isJobManager(job: JobEntry, task: TaskRecord): boolean {
  const jm = jobManagerOf(job);
  return jm !== undefined && keyOf(jm.id) === keyOf(task.id);
}

/** True when the task is a job manager that needs its node to itself (runExclusive, true by default). */
export function runsExclusive(job: JobEntry, task: TaskRecord): boolean {
  return isJobManager(job, task) && jobManagerOf(job)?.runExclusive !== false;
}

/** False when the task is a job manager that must not run on a low-priority node. */
export function allowsLowPriority(job: JobEntry, task: TaskRecord): boolean {
  return !isJobManager(job, task) || jobManagerOf(job)?.allowLowPriorityNode !== false;
}

/**
 * Ends the job with terminateReason AllTasksComplete when its onAllTasksComplete is terminateJob and
 * no task is active or running: a job without tasks counts as complete, as the service documents.
 */
export function checkAllTasksComplete(account: Account, job: JobEntry): JournalOp[] {
  if (job.rec.state !== 'active' || job.rec.props.onAllTasksComplete !== 'terminateJob') return [];
  const { active, running } = job.counts.tasks;
  if (active > 0 || running > 0) return [];
  return beginTermination(account, job, 'AllTasksComplete');
}

/**
 * Reacts to a task that has just completed (not one that is retried or requeued); returns the journal
 * ops of whatever it changed on the job, to be committed with the task.
 */
export function taskCompleted(account: Account, job: JobEntry, task: TaskRecord): JournalOp[] {
  const key = keyOf(task.id);
  retainTaskDir(account, job, key, task);
  const freed = dependencyIndex(job)?.completed(key, task) ?? [];
  for (const dependent of freed) job.queue.push(dependent);
  if (freed.length > 0) account.schedule();
  if (isJobManager(job, task) && jobManagerOf(job)?.killJobOnCompletion !== false) {
    return beginTermination(account, job, 'JMComplete');
  }
  if (job.rec.state === 'active' && job.rec.props.onTaskFailure === 'performExitOptionsJobAction') {
    const action = taskExitOptions(task)?.jobAction;
    if (action === 'terminate') return beginTermination(account, job, 'TaskFailed');
    if (action === 'disable') return beginDisable(account, job, 'requeue');
  }
  return checkAllTasksComplete(account, job);
}
