// Job schedules: jobs created on a recurrence, one active job at a time, with the service's ids
// (`<scheduleId>:job-<n>`), start windows, doNotRunUntil/doNotRunAfter, and their lifecycle.
import { keyOf } from '../model/ids.js';
import { OrderedMap } from '../model/collection.js';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type JobScheduleRecord, type JobScheduleState } from '../model/records.js';
import { parseIsoInstant } from '../odata/index.js';
import type { JournalOp } from '../store/index.js';
import { newUid, type Account } from './account.js';
import { Deadline, durationMs } from './deadlines.js';
import type { JobEntry } from './entries.js';
import { addJob, beginTermination, finishJobDeletion, isLive, setJobState } from './jobs.js';

/** Schedule as a job schedule gives it. */
interface ScheduleSpec {
  doNotRunUntil?: string;
  doNotRunAfter?: string;
  startWindow?: string;
  recurrenceInterval?: string;
}

const SCHEDULES = new WeakMap<Account, OrderedMap<JobScheduleRecord>>();
const TIMERS = new WeakMap<JobScheduleRecord, Deadline>();

/** The account's job schedules, keyed by lower-cased id. */
export function jobSchedules(account: Account): OrderedMap<JobScheduleRecord> {
  let map = SCHEDULES.get(account);
  if (!map) {
    map = new OrderedMap();
    SCHEDULES.set(account, map);
  }
  return map;
}

/** The job schedule with this id (any case). */
export function jobSchedule(account: Account, id: string): JobScheduleRecord | undefined {
  return jobSchedules(account).get(keyOf(id));
}

/** Journal op storing a job schedule. */
export function scheduleOp(rec: JobScheduleRecord): JournalOp {
  return op.put(COLLECTIONS.jobSchedule, keyOf(rec.id), rec);
}

function specOf(rec: JobScheduleRecord): ScheduleSpec {
  return (rec.props.schedule ?? {}) as ScheduleSpec;
}

function instant(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseIsoInstant(text);
}

/** Changes a schedule's state, keeping previousState and the transition times. */
function setState(account: Account, rec: JobScheduleRecord, state: JobScheduleState, now = Date.now()): void {
  if (rec.state === state) return;
  rec.previousState = rec.state;
  rec.previousStateTime = rec.stateTime;
  rec.state = state;
  rec.stateTime = now;
  account.touch(rec, now);
}

// A job due in one recurrence is never carried into the next, so the window is at most the interval.
function windowMs(spec: ScheduleSpec): number {
  return Math.min(durationMs(spec.startWindow) ?? Infinity, durationMs(spec.recurrenceInterval) ?? Infinity);
}

// The first due time after `due` whose window has not passed yet; undefined when the schedule does not recur.
function nextDue(spec: ScheduleSpec, due: number, now: number): number | undefined {
  const interval = durationMs(spec.recurrenceInterval);
  if (interval === undefined || interval <= 0) return undefined;
  const window = windowMs(spec);
  let next = due + interval;
  if (Number.isFinite(window) && next + window < now) next += Math.ceil((now - window - next) / interval) * interval;
  return next;
}

/** The schedule's current job when it has not completed yet (the service allows one at a time). */
export function activeJob(account: Account, rec: JobScheduleRecord): JobEntry | undefined {
  const job = rec.recentJobId === undefined ? undefined : account.job(rec.recentJobId);
  return job && (isLive(job) || job.rec.state === 'terminating') ? job : undefined;
}

/** The jobs created by a schedule (ids `<scheduleId>:…`), in id order. */
export function* scheduleJobs(account: Account, rec: JobScheduleRecord, after?: string): Generator<[string, JobEntry]> {
  const prefix = `${keyOf(rec.id)}:`;
  for (const [key, job] of account.jobs.entriesAfter(after ?? prefix)) {
    if (!key.startsWith(prefix)) return;
    yield [key, job];
  }
}

function complete(account: Account, rec: JobScheduleRecord, now: number): void {
  setState(account, rec, 'completed', now);
  rec.endTime = now;
  delete rec.nextRunTime;
}

function createJob(account: Account, rec: JobScheduleRecord, due: number, now: number): void {
  let jobId: string;
  do {
    rec.jobCount++;
    jobId = `${rec.id}:job-${rec.jobCount}`;
  } while (account.job(jobId));
  rec.recentJobId = jobId;
  rec.lastRunTime = due;
  rec.nextRunTime = nextDue(specOf(rec), due, now);
  const props = structuredClone(rec.props.jobSpecification ?? {}) as Record<string, unknown>;
  void addJob(account, jobId, props, now, [scheduleOp(rec)]).then(() => account.schedule(), (error: unknown) => {
    account.config.log(`could not create job ${jobId} of schedule ${rec.id}: ${String(error)}`);
  });
}

// When the schedule needs looking at again: its next due time, the end of a window it waits in, or doNotRunAfter.
function wakeAt(account: Account, rec: JobScheduleRecord, now: number): number | undefined {
  if (rec.state !== 'active') return undefined;
  const spec = specOf(rec);
  const times: number[] = [];
  const due = rec.nextRunTime;
  if (due !== undefined) times.push(due > now ? due : due + windowMs(spec));
  const after = instant(spec.doNotRunAfter);
  if (after !== undefined) times.push(after);
  const future = times.filter((t) => Number.isFinite(t) && t > now);
  return future.length > 0 ? Math.min(...future) : undefined;
}

/**
 * Brings a schedule up to date: creates the job that is due (when no other job of the schedule is
 * active and its start window is open), skips a recurrence whose window closed, completes the
 * schedule when no further job will come and none is active, and sets the timer for what is next.
 */
export function tick(account: Account, rec: JobScheduleRecord): void {
  if (account.closing || jobSchedule(account, rec.id) !== rec) return;
  const now = Date.now();
  let changed = false;
  if (rec.state === 'active') {
    const spec = specOf(rec);
    const after = instant(spec.doNotRunAfter);
    const running = activeJob(account, rec);
    const due = rec.nextRunTime;
    if (due !== undefined && after !== undefined && due >= after) {
      delete rec.nextRunTime;
      changed = true;
    } else if (due !== undefined && now >= due) {
      if (now > due + windowMs(spec)) {
        rec.nextRunTime = nextDue(spec, due, now);
        changed = true;
      } else if (!running) {
        // The job and the schedule's new state are journaled together by addJob.
        createJob(account, rec, due, now);
      }
    }
    const pastEnd = after !== undefined && now >= after;
    if (!activeJob(account, rec) && (rec.nextRunTime === undefined || pastEnd)) {
      complete(account, rec, now);
      changed = true;
    }
  } else if (rec.state === 'terminating' && !activeJob(account, rec)) {
    complete(account, rec, now);
    changed = true;
  }
  if (changed) account.store.commitLater([scheduleOp(rec)]);
  arm(account, rec, now);
}

function arm(account: Account, rec: JobScheduleRecord, now = Date.now()): void {
  let deadline = TIMERS.get(rec);
  if (!deadline) {
    deadline = new Deadline(account, () => tick(account, rec));
    TIMERS.set(rec, deadline);
  }
  deadline.set(wakeAt(account, rec, now));
}

/** Where a schedule's first job is due: doNotRunUntil, or now. */
export function firstDue(rec: JobScheduleRecord, now: number): number {
  return instant(specOf(rec).doNotRunUntil) ?? now;
}

/** Creates a job schedule; resolves once durable. Its first job follows when due. */
export async function addJobSchedule(account: Account, id: string, props: Record<string, unknown>, now = Date.now()): Promise<JobScheduleRecord> {
  const rec: JobScheduleRecord = { uid: newUid(), id, props, creationTime: now, state: 'active', stateTime: now, eTag: '', lastModified: now, jobCount: 0 };
  rec.nextRunTime = firstDue(rec, now);
  account.touch(rec, now);
  jobSchedules(account).set(keyOf(id), rec);
  await account.store.commit([scheduleOp(rec)]);
  tick(account, rec);
  return rec;
}

/** Recomputes when the next job is due after the schedule itself changed; resolves once durable. */
export async function scheduleChanged(account: Account, rec: JobScheduleRecord, scheduleGiven: boolean): Promise<void> {
  const now = Date.now();
  if (scheduleGiven) {
    const interval = durationMs(specOf(rec).recurrenceInterval);
    const start = firstDue(rec, now);
    if (interval !== undefined && rec.lastRunTime !== undefined) rec.nextRunTime = Math.max(rec.lastRunTime + interval, start);
    else if (interval !== undefined || rec.jobCount === 0) rec.nextRunTime = start;
    else delete rec.nextRunTime;
  }
  account.touch(rec, now);
  await account.store.commit([scheduleOp(rec)]);
  tick(account, rec);
}

/** Disables a schedule: no job is created until it is enabled again; its active job runs on. */
export async function disableJobSchedule(account: Account, rec: JobScheduleRecord): Promise<void> {
  setState(account, rec, 'disabled');
  await account.store.commit([scheduleOp(rec)]);
  arm(account, rec);
}

/** Enables a disabled schedule; a job due meanwhile is created if its start window is still open. */
export async function enableJobSchedule(account: Account, rec: JobScheduleRecord): Promise<void> {
  setState(account, rec, 'active');
  await account.store.commit([scheduleOp(rec)]);
  tick(account, rec);
}

/** Terminates a schedule: its active job is terminated (TerminateJobSchedule), then the schedule completes. */
export async function terminateJobSchedule(account: Account, rec: JobScheduleRecord): Promise<void> {
  setState(account, rec, 'terminating');
  delete rec.nextRunTime;
  const job = activeJob(account, rec);
  await account.store.commit([scheduleOp(rec), ...(job ? beginTermination(account, job, 'TerminateJobSchedule') : [])]);
  setImmediate(() => tick(account, rec));
}

/** Deletes a schedule: it shows `deleting` while its jobs and their tasks are deleted, then disappears. */
export async function deleteJobSchedule(account: Account, rec: JobScheduleRecord): Promise<void> {
  setState(account, rec, 'deleting');
  delete rec.nextRunTime;
  await account.store.commit([scheduleOp(rec)]);
  arm(account, rec);
  void finishScheduleDeletion(account, rec);
}

/** Deletes a `deleting` schedule's jobs, then the schedule; also used after a restart. */
export async function finishScheduleDeletion(account: Account, rec: JobScheduleRecord): Promise<void> {
  const jobs = [...scheduleJobs(account, rec)].map(([, job]) => job);
  for (const job of jobs) {
    setJobState(account, job, 'deleting');
    account.store.commitLater([account.jobOp(job.rec)]);
  }
  await Promise.all(jobs.map((job) => finishJobDeletion(account, job)));
  if (account.closing) return;
  if (jobSchedule(account, rec.id) === rec) jobSchedules(account).delete(keyOf(rec.id));
  account.store.commitLater([op.del(COLLECTIONS.jobSchedule, keyOf(rec.id))]);
}

/** Lets the schedule that created a job know it has completed or gone, so the next one can come. */
export function jobFinished(account: Account, job: JobEntry): void {
  const colon = job.rec.id.indexOf(':');
  if (colon < 0) return;
  const rec = jobSchedule(account, job.rec.id.slice(0, colon));
  if (rec && rec.recentJobId !== undefined && keyOf(rec.recentJobId) === keyOf(job.rec.id)) tick(account, rec);
}

/** Restores the journaled schedules after a restart and carries on with each. */
export function restoreJobSchedules(account: Account, records: Iterable<unknown>): void {
  const map = jobSchedules(account);
  const restored: JobScheduleRecord[] = [];
  for (const value of records) {
    const rec = value as JobScheduleRecord;
    map.set(keyOf(rec.id), rec);
    restored.push(rec);
  }
  for (const rec of restored) {
    if (rec.state === 'deleting') void finishScheduleDeletion(account, rec);
    else tick(account, rec);
  }
}

/** Snapshot entries of the account's schedules. */
export function* scheduleSnapshot(account: Account): Generator<[string, string, unknown]> {
  for (const rec of jobSchedules(account).values()) yield [COLLECTIONS.jobSchedule, keyOf(rec.id), rec];
}
