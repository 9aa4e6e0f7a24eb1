import { join } from 'node:path';
import { COLLECTIONS, type JobRecord, type NodeRecord, type PoolRecord, type TaskRecord } from '../model/records.js';
import type { Account } from './account.js';
import { NodeEntry, PoolEntry, type JobEntry } from './entries.js';
import { restoreJobFeatures } from './jobFeatures.js';
import { finishJobDeletion, finishTermination, setJobState } from './jobs.js';
import { nodeRoot, taskDirName } from './nodeFs.js';
import { resumeNodes } from './nodeRecovery.js';
import { attachNode } from './nodes.js';
import { finishPoolDeletion, resizePool } from './pools.js';
import { killOrphan } from './runner.js';

type Recovered = ReadonlyMap<string, unknown>;

function entriesOf(state: ReadonlyMap<string, Recovered>, collection: string): Iterable<[string, unknown]> {
  return state.get(collection)?.entries() ?? [];
}

function recoverPools(account: Account, state: ReadonlyMap<string, Recovered>, now: number): void {
  for (const [key, value] of entriesOf(state, COLLECTIONS.pool)) {
    const pool = new PoolEntry(value as PoolRecord);
    account.pools.set(key, pool);
    account.poolsByUid.set(pool.rec.uid, pool);
  }
  const booting = new Map<PoolEntry, NodeEntry[]>();
  for (const [, value] of entriesOf(state, COLLECTIONS.node)) {
    const rec = value as NodeRecord;
    const pool = account.poolsByUid.get(rec.poolUid);
    if (!pool) continue;
    const node = new NodeEntry(rec, pool, now);
    attachNode(account, node);
    const list = booting.get(pool);
    if (list) list.push(node);
    else booting.set(pool, [node]);
  }
  for (const nodes of booting.values()) resumeNodes(account, nodes);
}

// A task that was running when the emulator stopped goes back to `active`, counted as a requeue.
async function requeue(account: Account, job: JobEntry, task: TaskRecord, now: number): Promise<void> {
  if (task.pid !== undefined && task.node) {
    const wd = join(nodeRoot(account.config.dataDir, task.node.nodeId), ...taskDirName(job.rec.id, task.id).split('/'), 'wd');
    if (await killOrphan(task.pid, wd)) account.config.log(`stopped task process ${task.pid} left behind by the previous run`);
  }
  delete task.pid;
  delete task.exec.startTime;
  task.previousState = task.state;
  task.previousStateTime = task.stateTime;
  task.state = 'active';
  task.stateTime = now;
  task.exec.requeueCount++;
  task.exec.lastRequeueTime = now;
  account.touch(task, now);
}

async function recoverJobs(account: Account, state: ReadonlyMap<string, Recovered>, now: number): Promise<void> {
  for (const [, value] of entriesOf(state, COLLECTIONS.job)) account.addJob(value as JobRecord);
  const active = new Map<JobEntry, TaskRecord[]>();
  const requeued: Promise<void>[] = [];
  const changed: [JobEntry, TaskRecord][] = [];
  for (const [key, value] of entriesOf(state, COLLECTIONS.task)) {
    const slash = key.indexOf('/');
    const job = account.jobsByUid.get(key.slice(0, slash));
    if (!job) continue;
    const task = value as TaskRecord;
    if (task.state === 'running' || task.state === 'preparing') {
      requeued.push(requeue(account, job, task, now));
      changed.push([job, task]);
    }
    job.tasks.set(key.slice(slash + 1), task);
    if (task.state === 'active' || task.state === 'running' || task.state === 'preparing') {
      const list = active.get(job);
      if (list) list.push(task);
      else active.set(job, [task]);
    }
    if (task.exec.retryCount > 0) job.retries += task.exec.retryCount;
    if (task.exec.startTime !== undefined && task.exec.endTime !== undefined) job.wallClockMs += task.exec.endTime - task.exec.startTime;
  }
  await Promise.all(requeued);
  for (const job of account.jobsByUid.values()) for (const task of job.tasks.values()) job.counts.add(task);
  for (const [job, tasks] of active) {
    tasks.sort((a, b) => a.stateTime - b.stateTime || a.creationTime - b.creationTime);
    for (const task of tasks) job.queue.push(task.id.toLowerCase());
  }
  if (changed.length > 0) account.store.commitLater(changed.map(([job, task]) => account.taskOp(job, task)));
}

function resumeTransitions(account: Account): void {
  for (const pool of [...account.poolsByUid.values()]) {
    if (pool.rec.state === 'deleting') void finishPoolDeletion(account, pool);
    else if (pool.rec.allocationState === 'resizing') {
      resizePool(account, pool, pool.rec.targetDedicatedNodes, pool.rec.targetLowPriorityNodes, 'requeue');
    } else if (pool.rec.allocationState === 'stopping') pool.rec.allocationState = 'steady';
  }
  for (const job of [...account.jobsByUid.values()]) {
    if (job.rec.state === 'deleting') void finishJobDeletion(account, job);
    else if (job.rec.state === 'terminating') void finishTermination(account, job);
    else if (job.rec.state === 'disabling') setJobState(account, job, 'disabled');
    else if (job.rec.state === 'enabling') setJobState(account, job, 'active');
  }
}

/**
 * Rebuilds the account from the journal: pools, nodes (booting again from `starting`), jobs and tasks;
 * running tasks are requeued, and interrupted deletions, terminations and resizes carry on.
 */
export async function recover(account: Account): Promise<void> {
  const state = account.store.recovered;
  const now = Date.now();
  recoverPools(account, state, now);
  await recoverJobs(account, state, now);
  await restoreJobFeatures(account, state);
  // The journal hands its recovered maps over; dropping them halves peak memory for big jobs.
  state.clear();
  resumeTransitions(account);
  account.schedule();
}
