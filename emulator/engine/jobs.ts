import { join } from 'node:path';
import { keyOf } from '../model/ids.js';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type JobRecord, type JobState } from '../model/records.js';
import type { JournalOp } from '../store/index.js';
import { newUid, type Account } from './account.js';
import { Deadline, durationMs } from './deadlines.js';
import type { JobEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { checkAllTasksComplete, type JobManagerSpec } from './jobReactions.js';
import { jobFinished } from './jobSchedules.js';
import { nodeRoot, removeTree } from './nodeFs.js';
import { prepRecords, releaseJob } from './prepRelease.js';
import { newTask } from './tasks.js';

/** Changes a job's state, keeping previousState and the transition times. */
export function setJobState(account: Account, job: JobEntry, state: JobState, now = Date.now()): void {
  if (job.rec.state === state) return;
  job.rec.previousState = job.rec.state;
  job.rec.previousStateTime = job.rec.stateTime;
  job.rec.state = state;
  job.rec.stateTime = now;
  account.touch(job.rec, now);
}

/** True while a job has not begun to end: active, or being disabled or enabled. */
export function isLive(job: JobEntry): boolean {
  const state = job.rec.state;
  return state === 'active' || state === 'disabling' || state === 'disabled' || state === 'enabling';
}

// The properties of a JobManagerTask that a task has too.
const JOB_MANAGER_TASK_PROPS = [
  'displayName', 'commandLine', 'containerSettings', 'resourceFiles', 'outputFiles', 'environmentSettings', 'constraints',
  'requiredSlots', 'userIdentity', 'applicationPackageReferences', 'authenticationTokenSettings',
];

const WALL_CLOCKS = new WeakMap<JobEntry, Deadline>();

/** (Re)starts the timer that terminates the job when its maxWallClockTime (counted from creation) has passed. */
export function armJobWallClock(account: Account, job: JobEntry): void {
  let deadline = WALL_CLOCKS.get(job);
  if (!deadline) {
    deadline = new Deadline(account, () => {
      if (isLive(job) && account.jobsByUid.get(job.rec.uid) === job) void terminateJob(account, job, 'MaxWallClockTimeExpiry');
    });
    WALL_CLOCKS.set(job, deadline);
  }
  const limit = durationMs((job.rec.props.constraints as { maxWallClockTime?: string } | undefined)?.maxWallClockTime);
  deadline.set(limit === undefined || !isLive(job) ? undefined : job.rec.creationTime + limit);
}

/** Creates a job, with its job manager task if it has one; resolves once durable (with `withOps`, committed together). */
export async function addJob(
  account: Account,
  id: string,
  props: Record<string, unknown>,
  now = Date.now(),
  withOps: JournalOp[] = [],
): Promise<JobEntry> {
  const rec: JobRecord = {
    uid: newUid(),
    id,
    props,
    creationTime: now,
    state: 'active',
    stateTime: now,
    eTag: '',
    lastModified: now,
    startTime: now,
  };
  account.touch(rec, now);
  const job = account.addJob(rec);
  const ops: JournalOp[] = [account.jobOp(rec), ...withOps];
  const jm = props.jobManagerTask as JobManagerSpec | undefined;
  if (jm) {
    const taskProps: Record<string, unknown> = {};
    for (const name of JOB_MANAGER_TASK_PROPS) if (jm[name] !== undefined) taskProps[name] = jm[name];
    const task = newTask(account, jm.id, taskProps, now);
    job.tasks.set(keyOf(jm.id), task);
    job.counts.add(task);
    job.queue.push(keyOf(jm.id));
    ops.push(account.taskOp(job, task));
  }
  await account.store.commit(ops);
  armJobWallClock(account, job);
  account.store.commitLater(checkAllTasksComplete(account, job));
  return job;
}

function persist(account: Account, job: JobEntry): void {
  account.store.commitLater([account.jobOp(job.rec)]);
}

/** Starts disabling a live job (running tasks requeued, terminated or left to finish); returns the job's journal op. */
export function beginDisable(account: Account, job: JobEntry, option: 'requeue' | 'terminate' | 'wait'): JournalOp[] {
  if (job.rec.state !== 'active') return [];
  setJobState(account, job, 'disabling');
  const runs = [...job.runs];
  const drained = option === 'wait' ? Promise.all(runs.map((r) => r.ended)) : stopRuns(runs, option);
  void drained.then(() => {
    if (job.rec.state !== 'disabling' || account.closing) return;
    setJobState(account, job, 'disabled');
    persist(account, job);
  });
  return [account.jobOp(job.rec)];
}

/** Disables a job: running tasks are requeued, terminated or left to finish; then it is `disabled`. */
export async function disableJob(account: Account, job: JobEntry, option: 'requeue' | 'terminate' | 'wait'): Promise<void> {
  await account.store.commit(beginDisable(account, job, option));
}

/** Enables a disabled job: `enabling`, then `active` on the next turn, when scheduling resumes. */
export async function enableJob(account: Account, job: JobEntry): Promise<void> {
  setJobState(account, job, 'enabling');
  await account.store.commit([account.jobOp(job.rec)]);
  setImmediate(() => {
    if (job.rec.state !== 'enabling' || account.closing) return;
    for (const key of job.parked.splice(0)) job.queue.push(key);
    setJobState(account, job, 'active');
    account.store.commitLater([account.jobOp(job.rec), ...checkAllTasksComplete(account, job)]);
    account.schedule();
  });
}

/** Starts terminating a live job for `reason`; returns the job's journal op (none when it is already ending). */
export function beginTermination(account: Account, job: JobEntry, reason: string): JournalOp[] {
  if (!isLive(job)) return [];
  setJobState(account, job, 'terminating');
  job.rec.terminateReason = reason;
  void finishTermination(account, job);
  return [account.jobOp(job.rec)];
}

/** Terminates a job: running tasks are ended, active ones stay active, release tasks run, and the job completes. */
export async function terminateJob(account: Account, job: JobEntry, reason: string): Promise<void> {
  await account.store.commit(beginTermination(account, job, reason));
}

/** Ends a `terminating` job's runs, runs its release tasks and completes it; also used after a restart. */
export async function finishTermination(account: Account, job: JobEntry): Promise<void> {
  // Let the caller journal `terminating` before anything that follows from it.
  await Promise.resolve();
  await stopRuns(job.runs, 'terminate');
  await releaseJob(account, job);
  if (job.rec.state !== 'terminating' || account.closing) return;
  const now = Date.now();
  job.rec.endTime = now;
  setJobState(account, job, 'completed', now);
  armJobWallClock(account, job);
  persist(account, job);
  jobFinished(account, job);
}

/** Marks a job `deleting`; its processes are killed and its task directories removed before it disappears. */
export async function deleteJob(account: Account, job: JobEntry): Promise<void> {
  setJobState(account, job, 'deleting');
  await account.store.commit([account.jobOp(job.rec)]);
  void finishJobDeletion(account, job);
}

/** Removes a `deleting` job's runs, directories and record (after its release tasks); also used after a restart. */
export async function finishJobDeletion(account: Account, job: JobEntry): Promise<void> {
  await stopRuns(job.runs, 'discard');
  // Deleting a job that had not ended ends it first, so its release tasks run.
  if (job.rec.previousState !== 'completed') await releaseJob(account, job);
  if (account.closing) return;
  const nodeIds = new Set<string>(prepRecords(job).map((rec) => rec.nodeId));
  for (const task of job.tasks.values()) if (task.node) nodeIds.add(task.node.nodeId);
  await Promise.all(
    [...nodeIds].map((nodeId) => removeTree(join(nodeRoot(account.config.dataDir, nodeId), 'workitems', job.rec.id)).catch(() => undefined)),
  );
  account.jobsByUid.delete(job.rec.uid);
  if (account.jobs.get(keyOf(job.rec.id)) === job) account.jobs.delete(keyOf(job.rec.id));
  job.queue.clear();
  armJobWallClock(account, job);
  // The job's task records stay in the log under its uid until compaction drops them; recovery ignores them.
  account.store.commitLater([op.del(COLLECTIONS.job, keyOf(job.rec.id))]);
  jobFinished(account, job);
}
