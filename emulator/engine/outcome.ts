// What the end of a task's run means for the task: requeue, retry, success or failure.
import type { TaskRecord } from '../model/records.js';
import type { JournalOp } from '../store/index.js';
import type { Account } from './account.js';
import type { Run } from './entries.js';
import { isJobManager, taskCompleted } from './jobReactions.js';
import type { Outcome } from './runner.js';
import { clearResults, exitCodeFailure, maxRetries, taskEndedFailure, updateTask, wallClockFailure } from './taskState.js';

// Completes the task with what `change` records and lets the job react; returns the job's journal ops.
function complete(account: Account, run: Run, now: number, change: (t: TaskRecord) => void): JournalOp[] {
  updateTask(account, run.job, run.task, 'completed', (t) => {
    t.exec.endTime = now;
    change(t);
  }, now);
  return taskCompleted(account, run.job, run.task);
}

/**
 * Records how a run ended on its task: requeued or ended as the emulator's stop said, timed out,
 * succeeded, retried (a non-zero exit with retries left) or failed. A completion lets the job react;
 * the returned journal ops are the job's changes.
 */
export function applyOutcome(account: Account, run: Run, timedOut: boolean, outcome: Outcome, now: number): JournalOp[] {
  const { job, task, node } = run;
  const disposition = run.disposition ?? (outcome.kind === 'cancelled' && !timedOut ? 'requeue' : undefined);
  if (disposition === 'requeue') {
    updateTask(account, job, task, 'active', (t) => {
      delete t.exec.startTime;
      t.exec.requeueCount++;
      t.exec.lastRequeueTime = now;
    }, now);
    // A job manager goes back to the head of its job's queue, as the service reschedules it first.
    if (isJobManager(job, task)) job.queue.pushFront(run.taskKey);
    else job.queue.push(run.taskKey);
    return [];
  }
  if (disposition === 'terminate') {
    return complete(account, run, now, (t) => {
      t.exec.result = 'failure';
      t.exec.failureInfo = taskEndedFailure();
    });
  }
  node.rec.totalTasksRun++;
  const exitCode = outcome.kind === 'exited' ? outcome.exitCode : undefined;
  if (timedOut) {
    return complete(account, run, now, (t) => {
      t.exec.exitCode = exitCode;
      t.exec.result = 'failure';
      t.exec.failureInfo = wallClockFailure();
    });
  }
  if (outcome.kind === 'exited' && outcome.uploadFailure) {
    const failure = outcome.uploadFailure;
    return complete(account, run, now, (t) => {
      t.exec.exitCode = exitCode;
      t.exec.result = 'failure';
      t.exec.failureInfo = failure;
    });
  }
  if (exitCode === 0) {
    node.rec.totalTasksSucceeded++;
    return complete(account, run, now, (t) => {
      t.exec.exitCode = 0;
      t.exec.result = 'success';
    });
  }
  const max = maxRetries(job, task);
  if (outcome.kind === 'exited' && (max < 0 || task.exec.retryCount < max)) {
    // Only a non-zero exit is retried; the task waits in `active` for its next try.
    job.retries++;
    updateTask(account, job, task, 'active', (t) => {
      clearResults(t);
      delete t.exec.startTime;
      t.exec.retryCount++;
      t.exec.lastRetryTime = now;
    }, now);
    if (isJobManager(job, task)) job.queue.pushFront(run.taskKey);
    else job.queue.push(run.taskKey);
    return [];
  }
  return complete(account, run, now, (t) => {
    t.exec.result = 'failure';
    if (outcome.kind === 'exited') {
      t.exec.exitCode = outcome.exitCode;
      t.exec.failureInfo = exitCodeFailure(outcome.exitCode);
    } else if (outcome.kind === 'notStarted') {
      t.exec.failureInfo = { category: 'userError', code: outcome.code, message: outcome.message };
    } else if (outcome.kind === 'preProcessingFailed') {
      t.exec.failureInfo = outcome.failure;
    }
  });
}
