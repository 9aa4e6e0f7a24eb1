import type { FailureInfo, TaskRecord, TaskState } from '../model/records.js';
import type { Account } from './account.js';
import type { JobEntry } from './entries.js';

/**
 * Changes a task's state (previousState, stateTransitionTime, ETag) and whatever else `change` does,
 * keeping the job's counters right. Every task state change goes through here.
 */
export function updateTask(
  account: Account,
  job: JobEntry,
  task: TaskRecord,
  state: TaskState,
  change: (task: TaskRecord) => void = () => undefined,
  now = Date.now(),
): void {
  job.counts.remove(task);
  if (task.state !== state) {
    task.previousState = task.state;
    task.previousStateTime = task.stateTime;
    task.state = state;
    task.stateTime = now;
  }
  change(task);
  job.counts.add(task);
  account.touch(task, now);
}

/** Clears the results of a previous run, before a task runs or becomes active again. */
export function clearResults(task: TaskRecord): void {
  delete task.exec.endTime;
  delete task.exec.exitCode;
  delete task.exec.result;
  delete task.exec.failureInfo;
}

/** The failure recorded for a non-zero exit code. */
export function exitCodeFailure(exitCode: number): FailureInfo {
  return {
    category: 'userError',
    code: 'FailureExitCode',
    message: `The task process exited with an unexpected exit code: ${exitCode}.`,
    details: [{ name: 'ExitCode', value: String(exitCode) }],
  };
}

/** The failure recorded when a user (or a job action) ends a task. */
export function taskEndedFailure(): FailureInfo {
  return { category: 'userError', code: 'TaskEnded', message: 'Task was ended by user request.' };
}

/** The failure recorded when a task ran past its maxWallClockTime and the emulator ended it, as the service records it. */
export function wallClockFailure(): FailureInfo {
  return { category: 'serverError', code: 'TaskEnded', message: 'The task ran longer than its maxWallClockTime constraint allows and was ended.' };
}

/** The maximum retry count in force for a task: its own constraint, else its job's; -1 means unlimited. */
export function maxRetries(job: JobEntry, task: TaskRecord): number {
  const own = (task.props.constraints as { maxTaskRetryCount?: number } | undefined)?.maxTaskRetryCount;
  if (own !== undefined) return own;
  return (job.rec.props.constraints as { maxTaskRetryCount?: number } | undefined)?.maxTaskRetryCount ?? 0;
}
