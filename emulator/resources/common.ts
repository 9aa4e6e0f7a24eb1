import { applySelect } from '../odata/index.js';
import type { Account } from '../engine/account.js';
import type { JobEntry, NodeEntry, PoolEntry } from '../engine/entries.js';
import { entityHeaders, type RequestContext } from '../http/context.js';
import { evaluateConditions, type Versioned } from '../http/conditions.js';
import { conflict, notFound } from '../http/errors.js';
import { refuseExpand, selectParam } from '../http/query.js';
import { keyOf } from '../model/ids.js';
import type { TaskRecord } from '../model/records.js';
import { validateBody } from '../schema/validate.js';

/** The pool named by the :poolId parameter, or 404 PoolNotFound. */
export function requirePool(account: Account, ctx: RequestContext): PoolEntry {
  const pool = account.pool(ctx.params.poolId ?? '');
  if (!pool) throw notFound('PoolNotFound');
  return pool;
}

/** The job named by the :jobId parameter, or 404 JobNotFound. */
export function requireJob(account: Account, ctx: RequestContext): JobEntry {
  const job = account.job(ctx.params.jobId ?? '');
  if (!job) throw notFound('JobNotFound');
  return job;
}

/** The task named by :taskId in a job, or 404 TaskNotFound. */
export function requireTask(job: JobEntry, ctx: RequestContext): TaskRecord {
  const task = job.tasks.get(keyOf(ctx.params.taskId ?? ''));
  if (!task) throw notFound('TaskNotFound');
  return task;
}

/** The node named by :nodeId in a pool, or 404 NodeNotFound. */
export function requireNode(pool: PoolEntry, ctx: RequestContext): NodeEntry {
  const node = pool.nodes.get(ctx.params.nodeId ?? '');
  if (!node) throw notFound('NodeNotFound');
  return node;
}

/** 409 for operations on a pool being deleted. */
export function refuseDeletingPool(pool: PoolEntry): void {
  if (pool.rec.state === 'deleting') throw conflict('PoolBeingDeleted');
}

/** 409 for changes to a job that is being deleted, terminated or is completed. */
export function refuseFinishedJob(job: JobEntry): void {
  if (job.rec.state === 'deleting') throw conflict('JobBeingDeleted');
  if (job.rec.state === 'terminating') throw conflict('JobBeingTerminated');
  if (job.rec.state === 'completed') throw conflict('JobCompleted');
}

/** Validates the request body against a spec definition. */
export function body(ctx: RequestContext, definition: string): Record<string, unknown> {
  return validateBody(definition, ctx.body ?? {});
}

/** Applies conditional headers for a write (412 on failure). */
export function checkWrite(ctx: RequestContext, rec: Versioned): void {
  evaluateConditions(ctx.req.headers, rec, 'write');
}

/**
 * Answers a GET of one entity: 304 when the conditions say not modified, else the body with ETag and
 * Last-Modified headers, projected by $select.
 */
export function sendEntity(ctx: RequestContext, rec: Versioned, wire: () => Record<string, unknown>, entitySet: string): void {
  refuseExpand(ctx.query);
  const select = selectParam(ctx.query);
  if (evaluateConditions(ctx.req.headers, rec, 'read') === 'not-modified') {
    ctx.send(304, entityHeaders(rec));
    return;
  }
  const full = wire();
  const bodyValue = { 'odata.metadata': `${ctx.base}/$metadata#${entitySet}/@Element`, ...(select ? applySelect(full, select) : full) };
  ctx.json(200, bodyValue, entityHeaders(rec));
}

/** 201 for an add, with the entity's URL in DataServiceId and Location. */
export function sendCreated(ctx: RequestContext, rec: Versioned, url: string): void {
  ctx.send(201, { ...entityHeaders(rec), DataServiceId: url, Location: url });
}

/** Answers an update or action with the entity's new ETag and its URL. */
export function sendUpdated(ctx: RequestContext, status: number, rec: Versioned, url: string): void {
  ctx.send(status, { ...entityHeaders(rec), DataServiceId: url });
}
