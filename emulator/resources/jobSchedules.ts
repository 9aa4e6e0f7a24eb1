// The job schedule operations, and the list of a schedule's jobs.
import type { Account } from '../engine/account.js';
import { durationMs } from '../engine/deadlines.js';
import {
  addJobSchedule,
  deleteJobSchedule,
  disableJobSchedule,
  enableJobSchedule,
  jobSchedule,
  jobSchedules,
  scheduleChanged,
  scheduleJobs,
  terminateJobSchedule,
} from '../engine/jobSchedules.js';
import { entityHeaders, type RequestContext } from '../http/context.js';
import { evaluateConditions } from '../http/conditions.js';
import { conflict, invalidProperty, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { iso } from '../model/clock.js';
import { checkId } from '../model/ids.js';
import type { JobScheduleRecord } from '../model/records.js';
import type { FilterFields } from '../odata/index.js';
import { body, checkWrite, sendCreated, sendEntity, sendUpdated } from './common.js';
import { JOB_FIELDS } from './jobs.js';
import { checkJobProps } from './jobRules.js';
import { sendList } from './listing.js';
import { jobToWire, jobUrl } from './wire.js';

const SCHEDULE_FIELDS: FilterFields = {
  id: 'string',
  displayName: 'string',
  state: 'enum',
  previousState: 'enum',
  creationTime: 'datetime',
  lastModified: 'datetime',
  stateTransitionTime: 'datetime',
  previousStateTransitionTime: 'datetime',
  'executionInfo/nextRunTime': 'datetime',
  'executionInfo/endTime': 'datetime',
  'executionInfo/recentJob/id': 'string',
  'jobSpecification/poolInfo/poolId': 'string',
};

const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : iso(ms));

/** A job schedule's URL. */
export function jobScheduleUrl(base: string, id: string): string {
  return `${base}/jobschedules/${encodeURIComponent(id)}`;
}

function scheduleToWire(rec: JobScheduleRecord, base: string): Record<string, unknown> {
  const p = rec.props;
  return {
    id: rec.id,
    displayName: p.displayName,
    url: jobScheduleUrl(base, rec.id),
    eTag: rec.eTag,
    lastModified: iso(rec.lastModified),
    creationTime: iso(rec.creationTime),
    state: rec.state,
    stateTransitionTime: iso(rec.stateTime),
    previousState: rec.previousState,
    previousStateTransitionTime: isoOf(rec.previousStateTime),
    schedule: p.schedule ?? {},
    jobSpecification: p.jobSpecification,
    executionInfo: {
      nextRunTime: isoOf(rec.nextRunTime),
      recentJob: rec.recentJobId === undefined ? undefined : { id: rec.recentJobId, url: jobUrl(base, rec.recentJobId) },
      endTime: isoOf(rec.endTime),
    },
    metadata: p.metadata,
  };
}

function requireSchedule(account: Account, ctx: RequestContext): JobScheduleRecord {
  const rec = jobSchedule(account, ctx.params.jobScheduleId ?? '');
  if (!rec) throw notFound('JobScheduleNotFound');
  return rec;
}

// The service's rules for a schedule beyond the spec's types: the shortest interval and window, the job rules.
function checkScheduleProps(account: Account, props: Record<string, unknown>): void {
  const schedule = props.schedule as { recurrenceInterval?: string; startWindow?: string } | undefined;
  const min = account.config.jobScheduleMinInterval;
  for (const name of ['recurrenceInterval', 'startWindow'] as const) {
    const value = schedule?.[name];
    const ms = durationMs(value);
    if (ms !== undefined && ms < min) {
      throw invalidProperty(`schedule.${name}`, value, `The ${name} must be at least ${min / 1000} seconds.`);
    }
  }
  if (props.jobSpecification !== undefined) checkJobProps(props.jobSpecification as Record<string, unknown>, 'jobSpecification.');
}

// A schedule that is being deleted or terminated, or has completed, takes no more changes.
function refuseFinished(rec: JobScheduleRecord): void {
  if (rec.state === 'deleting') throw conflict('JobScheduleBeingDeleted');
  if (rec.state === 'terminating') throw conflict('JobScheduleBeingTerminated');
  if (rec.state === 'completed') throw conflict('JobScheduleCompleted');
}

function writable(account: Account, ctx: RequestContext): JobScheduleRecord {
  const rec = requireSchedule(account, ctx);
  checkWrite(ctx, rec);
  refuseFinished(rec);
  return rec;
}

async function add(account: Account, ctx: RequestContext): Promise<void> {
  const props = body(ctx, 'JobScheduleAddParameter');
  const id = checkId(props.id);
  delete props.id;
  checkScheduleProps(account, props);
  const existing = jobSchedule(account, id);
  if (existing) throw conflict(existing.state === 'deleting' ? 'JobScheduleBeingDeleted' : 'JobScheduleExists');
  if (account.job(id)) throw conflict('JobWithSameIdExists', 'A job and a job schedule cannot have the same id.');
  const rec = await addJobSchedule(account, id, props);
  sendCreated(ctx, rec, jobScheduleUrl(ctx.base, id));
}

async function change(account: Account, ctx: RequestContext, mode: 'patch' | 'update'): Promise<void> {
  const changes = body(ctx, mode === 'patch' ? 'JobSchedulePatchParameter' : 'JobScheduleUpdateParameter');
  checkScheduleProps(account, changes);
  const rec = writable(account, ctx);
  for (const name of ['schedule', 'jobSpecification', 'metadata']) {
    const value = changes[name];
    // An update replaces everything: metadata left out (or empty) is cleared.
    if (Array.isArray(value) && value.length === 0) delete rec.props[name];
    else if (value !== undefined) rec.props[name] = value;
    else if (mode === 'update') delete rec.props[name];
  }
  await scheduleChanged(account, rec, changes.schedule !== undefined);
  sendUpdated(ctx, 200, rec, jobScheduleUrl(ctx.base, rec.id));
}

async function action(account: Account, ctx: RequestContext, what: 'disable' | 'enable' | 'terminate'): Promise<void> {
  const rec = writable(account, ctx);
  if (what === 'disable') await disableJobSchedule(account, rec);
  else if (what === 'enable') await enableJobSchedule(account, rec);
  else await terminateJobSchedule(account, rec);
  sendUpdated(ctx, what === 'terminate' ? 202 : 204, rec, jobScheduleUrl(ctx.base, rec.id));
}

async function remove(account: Account, ctx: RequestContext): Promise<void> {
  const rec = requireSchedule(account, ctx);
  checkWrite(ctx, rec);
  if (rec.state === 'deleting') throw conflict('JobScheduleBeingDeleted');
  await deleteJobSchedule(account, rec);
  ctx.send(202);
}

/** The job schedule operations. */
export function jobScheduleRoutes(account: Account): Route[] {
  return [
    { method: 'POST', pattern: '/jobschedules', body: 'required', handler: (ctx) => add(account, ctx) },
    {
      method: 'GET',
      pattern: '/jobschedules',
      body: 'none',
      handler: (ctx) =>
        sendList(ctx, {
          entries: (after) => jobSchedules(account).entriesAfter(after),
          fields: SCHEDULE_FIELDS,
          toWire: (rec) => scheduleToWire(rec, ctx.base),
          entitySet: 'jobschedules',
        }),
    },
    {
      method: 'GET',
      pattern: '/jobschedules/:jobScheduleId',
      body: 'none',
      handler: (ctx) => {
        const rec = requireSchedule(account, ctx);
        sendEntity(ctx, rec, () => scheduleToWire(rec, ctx.base), 'jobschedules');
      },
    },
    {
      method: 'HEAD',
      pattern: '/jobschedules/:jobScheduleId',
      body: 'none',
      handler: (ctx) => {
        const rec = requireSchedule(account, ctx);
        const outcome = evaluateConditions(ctx.req.headers, rec, 'read');
        ctx.send(outcome === 'not-modified' ? 304 : 200, entityHeaders(rec));
      },
    },
    { method: 'PATCH', pattern: '/jobschedules/:jobScheduleId', body: 'required', handler: (ctx) => change(account, ctx, 'patch') },
    { method: 'PUT', pattern: '/jobschedules/:jobScheduleId', body: 'required', handler: (ctx) => change(account, ctx, 'update') },
    { method: 'DELETE', pattern: '/jobschedules/:jobScheduleId', body: 'none', handler: (ctx) => remove(account, ctx) },
    { method: 'POST', pattern: '/jobschedules/:jobScheduleId/disable', body: 'none', handler: (ctx) => action(account, ctx, 'disable') },
    { method: 'POST', pattern: '/jobschedules/:jobScheduleId/enable', body: 'none', handler: (ctx) => action(account, ctx, 'enable') },
    { method: 'POST', pattern: '/jobschedules/:jobScheduleId/terminate', body: 'none', handler: (ctx) => action(account, ctx, 'terminate') },
    {
      method: 'GET',
      pattern: '/jobschedules/:jobScheduleId/jobs',
      body: 'none',
      handler: (ctx) => {
        const rec = requireSchedule(account, ctx);
        sendList(ctx, {
          entries: (after) => scheduleJobs(account, rec, after),
          fields: JOB_FIELDS,
          toWire: (job) => jobToWire(job, ctx.base),
          entitySet: 'jobs',
        });
      },
    },
  ];
}
