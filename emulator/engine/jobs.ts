import { join } from 'node:path';
import { keyOf } from '../model/ids.js';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type JobRecord, type JobState } from '../model/records.js';
import { newUid, type Account } from './account.js';
import type { JobEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { nodeRoot, removeTree } from './nodeFs.js';

/** Changes a job's state, keeping previousState and the transition times. */
export function setJobState(account: Account, job: JobEntry, state: JobState, now = Date.now()): void {
  if (job.rec.state === state) return;
  job.rec.previousState = job.rec.state;
  job.rec.previousStateTime = job.rec.stateTime;
  job.rec.state = state;
  job.rec.stateTime = now;
  account.touch(job.rec, now);
}

/** Creates a job; resolves once durable. */
export async function addJob(account: Account, id: string, props: Record<string, unknown>, now = Date.now()): Promise<JobEntry> {
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
  await account.store.commit([account.jobOp(rec)]);
  return job;
}

function persist(account: Account, job: JobEntry): void {
  account.store.commitLater([account.jobOp(job.rec)]);
}

/** Disables a job: running tasks are requeued, terminated or left to finish; then it is `disabled`. */
export async function disableJob(account: Account, job: JobEntry, option: 'requeue' | 'terminate' | 'wait'): Promise<void> {
  setJobState(account, job, 'disabling');
  await account.store.commit([account.jobOp(job.rec)]);
  const runs = [...job.runs];
  const drained = option === 'wait' ? Promise.all(runs.map((r) => r.ended)) : stopRuns(runs, option);
  void drained.then(() => {
    if (job.rec.state !== 'disabling' || account.closing) return;
    setJobState(account, job, 'disabled');
    persist(account, job);
  });
}

/** Enables a disabled job: `enabling`, then `active` on the next turn, when scheduling resumes. */
export async function enableJob(account: Account, job: JobEntry): Promise<void> {
  setJobState(account, job, 'enabling');
  await account.store.commit([account.jobOp(job.rec)]);
  setImmediate(() => {
    if (job.rec.state !== 'enabling' || account.closing) return;
    for (const key of job.parked.splice(0)) job.queue.push(key);
    setJobState(account, job, 'active');
    persist(account, job);
    account.schedule();
  });
}

/** Terminates a job: running tasks are ended, active ones stay active, and the job completes. */
export async function terminateJob(account: Account, job: JobEntry, reason: string): Promise<void> {
  setJobState(account, job, 'terminating');
  job.rec.terminateReason = reason;
  await account.store.commit([account.jobOp(job.rec)]);
  void finishTermination(account, job);
}

/** Ends a `terminating` job's runs and completes it; also used after a restart. */
export async function finishTermination(account: Account, job: JobEntry): Promise<void> {
  await stopRuns(job.runs, 'terminate');
  if (job.rec.state !== 'terminating' || account.closing) return;
  const now = Date.now();
  job.rec.endTime = now;
  setJobState(account, job, 'completed', now);
  persist(account, job);
}

/** Marks a job `deleting`; its processes are killed and its task directories removed before it disappears. */
export async function deleteJob(account: Account, job: JobEntry): Promise<void> {
  setJobState(account, job, 'deleting');
  await account.store.commit([account.jobOp(job.rec)]);
  void finishJobDeletion(account, job);
}

/** Removes a `deleting` job's runs, directories and record; also used after a restart. */
export async function finishJobDeletion(account: Account, job: JobEntry): Promise<void> {
  await stopRuns(job.runs, 'discard');
  if (account.closing) return;
  const nodeIds = new Set<string>();
  for (const task of job.tasks.values()) if (task.node) nodeIds.add(task.node.nodeId);
  await Promise.all(
    [...nodeIds].map((nodeId) => removeTree(join(nodeRoot(account.config.dataDir, nodeId), 'workitems', job.rec.id)).catch(() => undefined)),
  );
  account.jobsByUid.delete(job.rec.uid);
  if (account.jobs.get(keyOf(job.rec.id)) === job) account.jobs.delete(keyOf(job.rec.id));
  job.queue.clear();
  // The job's task records stay in the log under its uid until compaction drops them; recovery ignores them.
  account.store.commitLater([op.del(COLLECTIONS.job, keyOf(job.rec.id))]);
}
