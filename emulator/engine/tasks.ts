import { join } from 'node:path';
import { keyOf } from '../model/ids.js';
import type { TaskRecord } from '../model/records.js';
import type { Account } from './account.js';
import { dependencyIndex } from './dependencies.js';
import type { JobEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { checkAllTasksComplete, taskCompleted } from './jobReactions.js';
import { nodeRoot, removeTree, taskDirName } from './nodeFs.js';
import { clearResults, taskEndedFailure, updateTask } from './taskState.js';

/** A new task record in `active`. */
export function newTask(account: Account, id: string, props: Record<string, unknown>, now: number): TaskRecord {
  const task: TaskRecord = {
    id,
    props,
    creationTime: now,
    state: 'active',
    stateTime: now,
    eTag: '',
    lastModified: now,
    exec: { retryCount: 0, requeueCount: 0 },
  };
  account.touch(task, now);
  return task;
}

/**
 * Adds tasks (already validated, ids unique and absent) to a job and queues those whose dependencies
 * are met; the others wait until they are. Resolves once durable.
 */
export async function addTasks(account: Account, job: JobEntry, tasks: TaskRecord[]): Promise<void> {
  const deps = dependencyIndex(job);
  for (const task of tasks) {
    const key = keyOf(task.id);
    job.tasks.set(key, task);
    job.counts.add(task);
    deps?.added(key, task);
  }
  // Registered once all are in, so tasks of one collection may depend on each other in any order.
  for (const task of tasks) {
    const key = keyOf(task.id);
    if (!deps || deps.register(key, task)) job.queue.push(key);
  }
  await account.store.commit(tasks.map((task) => account.taskOp(job, task)));
  account.schedule();
}

function runOf(job: JobEntry, task: TaskRecord) {
  for (const run of job.runs) if (run.task === task) return run;
  return undefined;
}

/** Ends a task: a running one is killed and completes with TaskEnded; an active one completes at once. */
export async function terminateTask(account: Account, job: JobEntry, task: TaskRecord): Promise<void> {
  const run = runOf(job, task);
  if (run) {
    await stopRuns([run], 'terminate');
    // The run's end was queued for the journal; this commit lands after it, so the answer implies durability.
    await account.store.commit([account.taskOp(job, task)]);
    return;
  }
  if (task.state === 'completed') return;
  const now = Date.now();
  updateTask(account, job, task, 'completed', (t) => {
    t.exec.endTime = now;
    t.exec.result = 'failure';
    t.exec.failureInfo = taskEndedFailure();
  }, now);
  dependencyIndex(job)?.forget(keyOf(task.id));
  await account.store.commit([account.taskOp(job, task), ...taskCompleted(account, job, task)]);
}

/** Makes a failed task active again with its retry count reset; it runs once its dependencies are met. */
export async function reactivateTask(account: Account, job: JobEntry, task: TaskRecord): Promise<void> {
  updateTask(account, job, task, 'active', (t) => {
    clearResults(t);
    delete t.exec.startTime;
    t.exec.retryCount = 0;
  });
  const key = keyOf(task.id);
  const deps = dependencyIndex(job);
  if (!deps || deps.register(key, task)) job.queue.push(key);
  await account.store.commit([account.taskOp(job, task)]);
  account.schedule();
}

/** Deletes a task: its process is killed, its record and its directory removed. */
export async function deleteTask(account: Account, job: JobEntry, task: TaskRecord): Promise<void> {
  const key = keyOf(task.id);
  const run = runOf(job, task);
  job.counts.remove(task);
  job.tasks.delete(key);
  dependencyIndex(job)?.removed(key, task);
  if (run) await stopRuns([run], 'discard');
  // Deleting the last unfinished task can leave a job whose tasks are all complete.
  await account.store.commit([account.taskDelOp(job, key), ...checkAllTasksComplete(account, job)]);
  if (task.node) {
    const dir = join(nodeRoot(account.config.dataDir, task.node.nodeId), ...taskDirName(job.rec.id, task.id).split('/'));
    void removeTree(dir).catch(() => undefined);
  }
}
