import type { Account } from '../engine/account.js';
import type { JobEntry } from '../engine/entries.js';
import { jobSchedule } from '../engine/jobSchedules.js';
import { checkAllTasksComplete } from '../engine/jobReactions.js';
import { addJob, armJobWallClock, deleteJob, disableJob, enableJob, terminateJob } from '../engine/jobs.js';
import type { RequestContext } from '../http/context.js';
import { conflict } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { checkId } from '../model/ids.js';
import type { FilterFields } from '../odata/index.js';
import { body, checkWrite, refuseFinishedJob, requireJob, sendCreated, sendEntity, sendUpdated } from './common.js';
import { checkJobProps } from './jobRules.js';
import { sendList } from './listing.js';
import { prepReleaseStatusRoutes } from './prepReleaseStatus.js';
import { jobToWire, jobUrl } from './wire.js';

/** Job properties a $filter may use, with their kinds. */
export const JOB_FIELDS: FilterFields = {
  id: 'string',
  displayName: 'string',
  state: 'enum',
  previousState: 'enum',
  creationTime: 'datetime',
  lastModified: 'datetime',
  stateTransitionTime: 'datetime',
  previousStateTransitionTime: 'datetime',
  priority: 'number',
  maxParallelTasks: 'number',
  usesTaskDependencies: 'boolean',
  onAllTasksComplete: 'enum',
  onTaskFailure: 'enum',
  'executionInfo/startTime': 'datetime',
  'executionInfo/endTime': 'datetime',
  'executionInfo/poolId': 'string',
  'executionInfo/terminateReason': 'string',
  'poolInfo/poolId': 'string',
};

async function add(account: Account, ctx: RequestContext): Promise<void> {
  const props = body(ctx, 'JobAddParameter');
  const id = checkId(props.id);
  delete props.id;
  checkJobProps(props);
  const existing = account.job(id);
  if (existing) throw conflict(existing.rec.state === 'deleting' ? 'JobBeingDeleted' : 'JobExists');
  if (jobSchedule(account, id)) throw conflict('JobScheduleWithSameIdExists', 'A job and a job schedule cannot have the same id.');
  const job = await addJob(account, id, props);
  account.schedule();
  sendCreated(ctx, job.rec, jobUrl(ctx.base, id));
}

function writable(account: Account, ctx: RequestContext): JobEntry {
  const job = requireJob(account, ctx);
  checkWrite(ctx, job.rec);
  refuseFinishedJob(job);
  return job;
}

const UPDATABLE = ['priority', 'maxParallelTasks', 'allowTaskPreemption', 'constraints', 'poolInfo', 'metadata', 'onAllTasksComplete'];

async function change(account: Account, ctx: RequestContext, mode: 'patch' | 'update'): Promise<void> {
  const changes = body(ctx, mode === 'patch' ? 'JobPatchParameter' : 'JobUpdateParameter');
  checkJobProps(changes);
  const job = writable(account, ctx);
  const newPool = (changes.poolInfo as { poolId?: string } | undefined)?.poolId;
  if (newPool !== undefined && newPool.toLowerCase() !== job.poolId?.toLowerCase() && job.rec.state !== 'disabled') {
    throw conflict('OperationInvalidForCurrentState', 'The pool of a job can be changed only while the job is disabled.');
  }
  for (const name of UPDATABLE) {
    const value = changes[name];
    // An update is a full replacement: what it leaves out goes back to the default. An empty list clears.
    if (Array.isArray(value) && value.length === 0) delete job.rec.props[name];
    else if (value !== undefined) job.rec.props[name] = value;
    else if (mode === 'update') delete job.rec.props[name];
  }
  if (newPool !== undefined) for (const key of job.parked.splice(0)) job.queue.push(key);
  account.touch(job.rec);
  armJobWallClock(account, job);
  await account.store.commit([account.jobOp(job.rec), ...checkAllTasksComplete(account, job)]);
  account.schedule();
  sendUpdated(ctx, 200, job.rec, jobUrl(ctx.base, job.rec.id));
}

async function disable(account: Account, ctx: RequestContext): Promise<void> {
  const params = body(ctx, 'JobDisableParameter');
  const job = writable(account, ctx);
  if (job.rec.state !== 'active') throw conflict('JobNotActive');
  await disableJob(account, job, params.disableTasks as 'requeue' | 'terminate' | 'wait');
  sendUpdated(ctx, 202, job.rec, jobUrl(ctx.base, job.rec.id));
}

async function enable(account: Account, ctx: RequestContext): Promise<void> {
  const job = writable(account, ctx);
  if (job.rec.state !== 'disabled' && job.rec.state !== 'disabling') {
    throw conflict('OperationInvalidForCurrentState', 'Only a disabled job can be enabled.');
  }
  await enableJob(account, job);
  sendUpdated(ctx, 202, job.rec, jobUrl(ctx.base, job.rec.id));
}

async function terminate(account: Account, ctx: RequestContext): Promise<void> {
  const params = ctx.body === undefined ? {} : body(ctx, 'JobTerminateParameter');
  const job = writable(account, ctx);
  await terminateJob(account, job, typeof params.terminateReason === 'string' ? params.terminateReason : 'UserTerminate');
  sendUpdated(ctx, 202, job.rec, jobUrl(ctx.base, job.rec.id));
}

async function remove(account: Account, ctx: RequestContext): Promise<void> {
  const job = requireJob(account, ctx);
  checkWrite(ctx, job.rec);
  if (job.rec.state === 'deleting') throw conflict('JobBeingDeleted');
  await deleteJob(account, job);
  ctx.send(202);
}

/** The job operations. */
export function jobRoutes(account: Account): Route[] {
  return [
    { method: 'POST', pattern: '/jobs', body: 'required', handler: (ctx) => add(account, ctx) },
    {
      method: 'GET',
      pattern: '/jobs',
      body: 'none',
      handler: (ctx) =>
        sendList(ctx, {
          entries: (after) => account.jobs.entriesAfter(after),
          fields: JOB_FIELDS,
          toWire: (job) => jobToWire(job, ctx.base),
          entitySet: 'jobs',
        }),
    },
    {
      method: 'GET',
      pattern: '/jobs/:jobId',
      body: 'none',
      handler: (ctx) => {
        const job = requireJob(account, ctx);
        sendEntity(ctx, job.rec, () => jobToWire(job, ctx.base), 'jobs');
      },
    },
    { method: 'PATCH', pattern: '/jobs/:jobId', body: 'required', handler: (ctx) => change(account, ctx, 'patch') },
    { method: 'PUT', pattern: '/jobs/:jobId', body: 'required', handler: (ctx) => change(account, ctx, 'update') },
    { method: 'DELETE', pattern: '/jobs/:jobId', body: 'none', handler: (ctx) => remove(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/disable', body: 'required', handler: (ctx) => disable(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/enable', body: 'none', handler: (ctx) => enable(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/terminate', body: 'optional', handler: (ctx) => terminate(account, ctx) },
    ...prepReleaseStatusRoutes(account),
    {
      method: 'GET',
      pattern: '/jobs/:jobId/taskcounts',
      body: 'none',
      handler: (ctx) => {
        const job = requireJob(account, ctx);
        ctx.json(200, {
          'odata.metadata': `${ctx.base}/$metadata#taskcountsresult/@Element`,
          taskCounts: { ...job.counts.tasks },
          taskSlotCounts: { ...job.counts.slots },
        });
      },
    },
  ];
}
