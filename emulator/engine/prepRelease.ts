// A job's preparation task (once per node, before the job's first task there) and release task (on
// each of those nodes when the job ends), with the per-node status jobpreparationandreleasetaskstatus lists.
import { join } from 'node:path';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type PrepReleaseRecord } from '../model/records.js';
import type { JournalOp } from '../store/index.js';
import type { Account } from './account.js';
import { durationMs } from './deadlines.js';
import type { JobEntry, NodeEntry } from './entries.js';
import { nodeRoot } from './nodeFs.js';
import type { ResourceFileSpec } from './resourceFiles.js';
import { killOrphan } from './runner.js';
import { sideTaskDirName, startSideTask, type SideRun } from './sideTasks.js';

type SpecProps = Record<string, unknown> & {
  id?: string;
  commandLine?: string;
  environmentSettings?: { name: string; value?: string }[];
  resourceFiles?: ResourceFileSpec[];
  constraints?: { maxWallClockTime?: string; maxTaskRetryCount?: number };
  maxWallClockTime?: string;
  waitForSuccess?: boolean;
  rerunOnNodeRebootAfterSuccess?: boolean;
};

/** The id a job preparation task has when none is given. */
export const DEFAULT_PREP_ID = 'jobpreparation';
/** The id a job release task has when none is given. */
export const DEFAULT_RELEASE_ID = 'jobrelease';
const RELEASE_DEFAULT_WALL_CLOCK_MS = 15 * 60_000;

/** One node's state for a job's preparation and release tasks. */
interface NodePrep {
  rec: PrepReleaseRecord;
  /** Runs waiting on this node for the preparation to succeed (or fail). */
  waiters: ((ok: boolean) => void)[];
  prepRun?: SideRun;
  releaseRun?: SideRun;
  /** The node's lastBootTime when the preparation last ran: a later boot means a reboot since. */
  bootTime?: number;
  /** Set after an emulator restart: every node booted again, so a succeeded preparation runs again. */
  rebooted: boolean;
  /** The node's directory tree the preparation completed in; another one means the node was reimaged since. */
  dirs?: Promise<void>;
}

const PREPS = new WeakMap<JobEntry, Map<string, NodePrep>>();

function nodesOf(job: JobEntry): Map<string, NodePrep> {
  let map = PREPS.get(job);
  if (!map) {
    map = new Map();
    PREPS.set(job, map);
  }
  return map;
}

function prepSpec(job: JobEntry): SpecProps | undefined {
  return job.rec.props.jobPreparationTask as SpecProps | undefined;
}

/** The id of the job's preparation task. */
export function prepTaskId(job: JobEntry): string | undefined {
  const spec = prepSpec(job);
  return spec && (spec.id ?? DEFAULT_PREP_ID);
}

/** The id of the job's release task. */
export function releaseTaskId(job: JobEntry): string | undefined {
  const spec = job.rec.props.jobReleaseTask as SpecProps | undefined;
  return spec && (spec.id ?? DEFAULT_RELEASE_ID);
}

/** Where the job's preparation task runs on a node (AZ_BATCH_JOB_PREP_DIR), if the job has one. */
export function prepDirOn(account: Account, job: JobEntry, node: NodeEntry): string | undefined {
  const id = prepTaskId(job);
  return id === undefined ? undefined : join(nodeRoot(account.config.dataDir, node.rec.id), ...sideTaskDirName(job.rec.id, id).split('/'));
}

function prepOp(job: JobEntry, rec: PrepReleaseRecord): JournalOp {
  return op.put(COLLECTIONS.prepRelease, `${job.rec.uid}/${rec.nodeId}`, rec);
}

function waitsForSuccess(spec: SpecProps): boolean {
  return spec.waitForSuccess !== false;
}

function prepFailed(entry: NodePrep): boolean {
  return entry.rec.prep?.state === 'completed' && entry.rec.prep.result === 'failure';
}

// A reimage wipes the node's directories (a new tree is made on next use): the preparation starts over.
function reimagedSince(entry: NodePrep, node: NodeEntry): boolean {
  return entry.dirs !== undefined && node.dirsReady !== entry.dirs;
}

/**
 * False once the preparation failed on the node and the job waits for its success: the job's tasks do
 * not run there until the node is reimaged.
 */
export function prepAllows(job: JobEntry, node: NodeEntry): boolean {
  const spec = prepSpec(job);
  if (!spec || !waitsForSuccess(spec)) return true;
  const entry = nodesOf(job).get(node.rec.id);
  return !entry || !prepFailed(entry) || reimagedSince(entry, node);
}

function needsRun(entry: NodePrep | undefined, node: NodeEntry, spec: SpecProps): boolean {
  if (!entry?.rec.prep) return true;
  if (entry.prepRun) return false;
  if (entry.rec.prep.state === 'running' || reimagedSince(entry, node)) return true;
  if (entry.rec.prep.result !== 'success' || spec.rerunOnNodeRebootAfterSuccess === false) return false;
  const rebootedSince = entry.bootTime !== undefined && node.lastBootTime !== undefined && node.lastBootTime > entry.bootTime;
  return entry.rebooted || rebootedSince;
}

function startPrep(account: Account, job: JobEntry, node: NodeEntry, spec: SpecProps): NodePrep {
  const nodes = nodesOf(job);
  const entry: NodePrep = nodes.get(node.rec.id) ?? { rec: { nodeId: node.rec.id, poolId: node.pool.rec.id }, waiters: [], rebooted: false };
  nodes.set(node.rec.id, entry);
  entry.rebooted = false;
  entry.bootTime = node.lastBootTime;
  const id = spec.id ?? DEFAULT_PREP_ID;
  const run = startSideTask(
    account,
    job,
    node,
    { id, commandLine: String(spec.commandLine ?? ''), environmentSettings: spec.environmentSettings, resourceFiles: spec.resourceFiles, maxRetries: spec.constraints?.maxTaskRetryCount ?? 0, maxWallClockMs: durationMs(spec.constraints?.maxWallClockTime) },
    prepDirOn(account, job, node) ?? '',
    () => {
      account.store.commitLater([prepOp(job, entry.rec)]);
      if (run.exec.state !== 'completed') return;
      entry.prepRun = undefined;
      entry.dirs = node.dirsReady;
      const ok = run.exec.result === 'success';
      for (const waiter of entry.waiters.splice(0)) waiter(ok);
      account.schedule();
    },
  );
  entry.rec.prep = run.exec;
  entry.prepRun = run;
  account.store.commitLater([prepOp(job, entry.rec)]);
  return entry;
}

/**
 * Makes sure the job's preparation task has run, or is running, on a node before a task of the job
 * starts there: 'wait' when the task has to wait for it (waitForSuccess), 'ready' when it may start.
 */
export function prepGate(account: Account, job: JobEntry, node: NodeEntry): 'ready' | 'wait' {
  const spec = prepSpec(job);
  if (!spec) return 'ready';
  let entry = nodesOf(job).get(node.rec.id);
  if (needsRun(entry, node, spec)) entry = startPrep(account, job, node, spec);
  return entry?.prepRun && waitsForSuccess(spec) ? 'wait' : 'ready';
}

/** Calls back once the preparation running on the node completes, with whether it succeeded. */
export function waitForPrep(job: JobEntry, node: NodeEntry, callback: (ok: boolean) => void): void {
  const entry = nodesOf(job).get(node.rec.id);
  if (!entry?.prepRun) callback(entry !== undefined && !prepFailed(entry));
  else entry.waiters.push(callback);
}

function startRelease(account: Account, job: JobEntry, node: NodeEntry, entry: NodePrep): SideRun {
  const spec = job.rec.props.jobReleaseTask as SpecProps;
  const run = startSideTask(
    account,
    job,
    node,
    { id: spec.id ?? DEFAULT_RELEASE_ID, commandLine: String(spec.commandLine ?? ''), environmentSettings: spec.environmentSettings, resourceFiles: spec.resourceFiles, maxRetries: 0, maxWallClockMs: durationMs(spec.maxWallClockTime) ?? RELEASE_DEFAULT_WALL_CLOCK_MS },
    prepDirOn(account, job, node) ?? '',
    () => {
      account.store.commitLater([prepOp(job, entry.rec)]);
      if (run.exec.state === 'completed') entry.releaseRun = undefined;
    },
  );
  entry.rec.release = run.exec;
  entry.releaseRun = run;
  account.store.commitLater([prepOp(job, entry.rec)]);
  return run;
}

/**
 * Ends the job's work on its nodes: stops preparation tasks still running, then runs the release task
 * on every node still in its pool where the preparation completed, and resolves once all are done.
 */
export async function releaseJob(account: Account, job: JobEntry): Promise<void> {
  const entries = [...nodesOf(job).values()];
  const prepared = entries.filter((e) => e.rec.prep?.state === 'completed' && !e.prepRun);
  await Promise.all(entries.map((e) => {
    e.prepRun?.stop();
    return e.prepRun?.ended;
  }));
  if (job.rec.props.jobReleaseTask === undefined || account.closing) return;
  const running: Promise<void>[] = [];
  for (const entry of prepared) {
    if (entry.releaseRun) {
      running.push(entry.releaseRun.ended);
      continue;
    }
    if (entry.rec.release?.state === 'completed') continue;
    const node = account.nodes.get(entry.rec.nodeId);
    if (!node || node.leaving) continue;
    running.push(startRelease(account, job, node, entry).ended);
  }
  await Promise.all(running);
}

/** The per-node records, ordered by node id, for the status list. */
export function prepRecords(job: JobEntry): PrepReleaseRecord[] {
  return [...nodesOf(job).values()].map((e) => e.rec).sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
}

/** Snapshot entries of a job's per-node records. */
export function* prepSnapshot(job: JobEntry): Generator<[string, string, unknown]> {
  for (const entry of nodesOf(job).values()) yield [COLLECTIONS.prepRelease, `${job.rec.uid}/${entry.rec.nodeId}`, entry.rec];
}

/**
 * Restores a journaled record after a restart. Every node boots again, so a preparation that succeeded
 * runs again before the job's next task there (unless rerunOnNodeRebootAfterSuccess is false), and one
 * that was running is run again; its old process is stopped when it provably is that process.
 */
export async function restorePrepRecord(account: Account, job: JobEntry, rec: PrepReleaseRecord): Promise<void> {
  nodesOf(job).set(rec.nodeId, { rec, waiters: [], rebooted: true });
  const root = nodeRoot(account.config.dataDir, rec.nodeId);
  for (const [exec, id] of [[rec.prep, prepTaskId(job)], [rec.release, releaseTaskId(job)]] as const) {
    if (exec?.pid === undefined || id === undefined) continue;
    await killOrphan(exec.pid, join(root, ...sideTaskDirName(job.rec.id, id).split('/'), 'wd'));
    delete exec.pid;
  }
}
