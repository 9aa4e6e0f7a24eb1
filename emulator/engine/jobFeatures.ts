// Persistence glue of the job features (dependencies, time limits, retention, job manager, preparation
// and release tasks, job schedules): what a compaction snapshot adds and what a restart restores.
import { keyOf } from '../model/ids.js';
import { COLLECTIONS, type PrepReleaseRecord } from '../model/records.js';
import type { SnapshotEntry } from '../store/index.js';
import type { Account } from './account.js';
import { retainTaskDir } from './deadlines.js';
import { dependencyIndex } from './dependencies.js';
import type { JobEntry } from './entries.js';
import { checkAllTasksComplete, isJobManager, jobManagerOf } from './jobReactions.js';
import { armJobWallClock, beginTermination, isLive } from './jobs.js';
import { restoreJobSchedules, scheduleSnapshot } from './jobSchedules.js';
import { prepSnapshot, restorePrepRecord } from './prepRelease.js';

/** Snapshot entries of the job features: job schedules and the per-node preparation/release records. */
export function* jobFeatureSnapshot(account: Account): Generator<SnapshotEntry> {
  yield* scheduleSnapshot(account);
  for (const job of account.jobsByUid.values()) yield* prepSnapshot(job);
}

// Tasks waiting for dependencies leave the scheduling queue until their dependencies are met.
function restoreDependencies(job: JobEntry): void {
  const deps = dependencyIndex(job);
  if (!deps) return;
  for (const [key, task] of job.tasks.entriesAfter()) if (task.state === 'active') deps.register(key, task);
  job.queue.retain((key) => !deps.isWaiting(key));
}

// A task completion journaled without the job change it caused (a crash in between) is acted on again.
function resumeJobReactions(account: Account, job: JobEntry): void {
  if (!isLive(job)) return;
  const jm = jobManagerOf(job);
  const jmTask = jm && job.tasks.get(keyOf(jm.id));
  if (jmTask && isJobManager(job, jmTask) && jmTask.state === 'completed' && jm.killJobOnCompletion !== false) {
    account.store.commitLater(beginTermination(account, job, 'JMComplete'));
    return;
  }
  account.store.commitLater(checkAllTasksComplete(account, job));
}

/**
 * Restores the job features after the jobs and tasks came back from the journal: per-node preparation
 * records, dependency waits, wall-clock limits, retention of completed tasks' directories and job
 * schedules (which carry on: a job due while the emulator was down is created if its window is open).
 */
export async function restoreJobFeatures(account: Account, state: ReadonlyMap<string, ReadonlyMap<string, unknown>>): Promise<void> {
  const restoring: Promise<void>[] = [];
  for (const [key, value] of state.get(COLLECTIONS.prepRelease)?.entries() ?? []) {
    const job = account.jobsByUid.get(key.slice(0, key.indexOf('/')));
    if (job) restoring.push(restorePrepRecord(account, job, value as PrepReleaseRecord));
  }
  await Promise.all(restoring);
  for (const job of account.jobsByUid.values()) {
    restoreDependencies(job);
    armJobWallClock(account, job);
    for (const [key, task] of job.tasks.entriesAfter()) if (task.state === 'completed') retainTaskDir(account, job, key, task);
    resumeJobReactions(account, job);
  }
  restoreJobSchedules(account, state.get(COLLECTIONS.jobSchedule)?.values() ?? []);
}
