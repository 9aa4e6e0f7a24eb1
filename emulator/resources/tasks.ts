import type { Account } from '../engine/account.js';
import type { JobEntry } from '../engine/entries.js';
import { rearmWallClock } from '../engine/execution.js';
import { addTasks, deleteTask, newTask, reactivateTask, terminateTask } from '../engine/tasks.js';
import type { RequestContext } from '../http/context.js';
import { BatchError, conflict, invalidProperty } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { keyOf } from '../model/ids.js';
import type { TaskRecord } from '../model/records.js';
import { body, checkWrite, refuseFinishedJob, requireJob, requireTask, sendCreated, sendEntity, sendUpdated } from './common.js';
import { sendList } from './listing.js';
import { checkTaskProps } from './taskRules.js';
import { TASK_FIELDS, TaskView } from './taskView.js';
import { taskToWire, taskUrl } from './wire.js';

function addable(account: Account, ctx: RequestContext): JobEntry {
  const job = requireJob(account, ctx);
  refuseFinishedJob(job);
  return job;
}

function withoutId(props: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...props };
  delete rest.id;
  return rest;
}

async function add(account: Account, ctx: RequestContext): Promise<void> {
  const props = body(ctx, 'TaskAddParameter');
  const job = addable(account, ctx);
  const id = checkTaskProps(job, props);
  if (job.tasks.has(keyOf(id))) throw conflict('TaskExists');
  const task = newTask(account, id, withoutId(props), Date.now());
  await addTasks(account, job, [task]);
  sendCreated(ctx, task, taskUrl(ctx.base, job.rec.id, id));
}

function clientError(error: BatchError): Record<string, unknown> {
  return { code: error.code, message: { lang: 'en-US', value: error.message }, values: error.values };
}

async function addCollection(account: Account, ctx: RequestContext): Promise<void> {
  const params = body(ctx, 'TaskAddCollectionParameter');
  const job = addable(account, ctx);
  const now = Date.now();
  const accepted: TaskRecord[] = [];
  const seen = new Set<string>();
  const results = (params.value as Record<string, unknown>[]).map((props) => {
    const taskId = typeof props.id === 'string' ? props.id : '';
    try {
      const id = checkTaskProps(job, props);
      if (job.tasks.has(keyOf(id)) || seen.has(keyOf(id))) throw conflict('TaskExists');
      seen.add(keyOf(id));
      const task = newTask(account, id, withoutId(props), now);
      accepted.push(task);
      return { status: 'success', taskId: id, eTag: task.eTag, lastModified: new Date(now).toISOString(), location: taskUrl(ctx.base, job.rec.id, id) };
    } catch (error) {
      if (!(error instanceof BatchError)) throw error;
      return { status: 'clientError', taskId, error: clientError(error) };
    }
  });
  await addTasks(account, job, accepted);
  ctx.json(200, { 'odata.metadata': `${ctx.base}/$metadata#taskaddresult`, value: results });
}

async function update(account: Account, ctx: RequestContext): Promise<void> {
  const changes = body(ctx, 'TaskUpdateParameter');
  const job = requireJob(account, ctx);
  const task = requireTask(job, ctx);
  checkWrite(ctx, task);
  if (task.state === 'completed') throw conflict('TaskCompleted');
  const retries = (changes.constraints as { maxTaskRetryCount?: number } | undefined)?.maxTaskRetryCount;
  if (typeof retries === 'number' && retries < -1) {
    throw invalidProperty('constraints.maxTaskRetryCount', retries, 'maxTaskRetryCount must be -1 or greater.');
  }
  if (changes.constraints === undefined) delete task.props.constraints;
  else task.props.constraints = changes.constraints;
  account.touch(task);
  rearmWallClock(job, task);
  await account.store.commit([account.taskOp(job, task)]);
  sendUpdated(ctx, 200, task, taskUrl(ctx.base, job.rec.id, task.id));
}

async function terminate(account: Account, ctx: RequestContext): Promise<void> {
  const job = requireJob(account, ctx);
  const task = requireTask(job, ctx);
  checkWrite(ctx, task);
  if (task.state === 'completed') throw conflict('TaskCompleted');
  await terminateTask(account, job, task);
  sendUpdated(ctx, 204, task, taskUrl(ctx.base, job.rec.id, task.id));
}

async function reactivate(account: Account, ctx: RequestContext): Promise<void> {
  const job = requireJob(account, ctx);
  const task = requireTask(job, ctx);
  checkWrite(ctx, task);
  refuseFinishedJob(job);
  if (task.state !== 'completed') throw conflict('TaskNotCompleted');
  if (task.exec.result === 'success') throw conflict('TaskSucceeded');
  await reactivateTask(account, job, task);
  sendUpdated(ctx, 204, task, taskUrl(ctx.base, job.rec.id, task.id));
}

async function remove(account: Account, ctx: RequestContext): Promise<void> {
  const job = requireJob(account, ctx);
  const task = requireTask(job, ctx);
  checkWrite(ctx, task);
  if (job.rec.state === 'deleting') throw conflict('JobBeingDeleted');
  await deleteTask(account, job, task);
  ctx.send(200);
}

/** The task operations. */
export function taskRoutes(account: Account): Route[] {
  return [
    { method: 'POST', pattern: '/jobs/:jobId/tasks', body: 'required', handler: (ctx) => add(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/addtaskcollection', body: 'required', handler: (ctx) => addCollection(account, ctx) },
    {
      method: 'GET',
      pattern: '/jobs/:jobId/tasks',
      body: 'none',
      handler: (ctx) => {
        const job = requireJob(account, ctx);
        const view = new TaskView();
        sendList(ctx, {
          entries: (after) => job.tasks.entriesAfter(after),
          fields: TASK_FIELDS,
          filterView: (task) => view.of(task),
          toWire: (task) => taskToWire(job, task, ctx.base),
          entitySet: 'tasks',
        });
      },
    },
    {
      method: 'GET',
      pattern: '/jobs/:jobId/tasks/:taskId',
      body: 'none',
      handler: (ctx) => {
        const job = requireJob(account, ctx);
        const task = requireTask(job, ctx);
        ctx.res.setHeader('DataServiceId', taskUrl(ctx.base, job.rec.id, task.id));
        sendEntity(ctx, task, () => taskToWire(job, task, ctx.base), 'tasks');
      },
    },
    { method: 'PUT', pattern: '/jobs/:jobId/tasks/:taskId', body: 'required', handler: (ctx) => update(account, ctx) },
    { method: 'DELETE', pattern: '/jobs/:jobId/tasks/:taskId', body: 'none', handler: (ctx) => remove(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/tasks/:taskId/terminate', body: 'none', handler: (ctx) => terminate(account, ctx) },
    { method: 'POST', pattern: '/jobs/:jobId/tasks/:taskId/reactivate', body: 'none', handler: (ctx) => reactivate(account, ctx) },
    {
      method: 'GET',
      pattern: '/jobs/:jobId/tasks/:taskId/subtasksinfo',
      body: 'none',
      handler: (ctx) => {
        requireTask(requireJob(account, ctx), ctx);
        // Multi-instance tasks run as ordinary tasks in the emulator, so there are never subtasks.
        ctx.json(200, { 'odata.metadata': `${ctx.base}/$metadata#subtaskinformation`, value: [] });
      },
    },
  ];
}
