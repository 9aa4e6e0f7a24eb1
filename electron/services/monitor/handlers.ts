import type { Handlers } from '../contract/dispatch';
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events';
import { progressReporter } from '../batch/bulk';
import { addTasks, getTask, taskAction, taskPage } from '../batch/tasks';
import { getJob, jobAction, jobTaskCounts, listJobs } from '../batch/jobs';
import {
  addPool,
  enableAutoScale,
  evaluateAutoScale,
  getNode,
  getPool,
  listNodes,
  listPools,
  nodeAction,
  resizePool,
} from '../batch/pools';
import type { Monitor } from './sampler';
import type { AbortSignalLike } from '@azure/ms-rest-js';

/** Bulk calls may run for minutes (100,000 tasks); they report progress instead of racing the normal deadline. */
const BULK_TIMEOUT_MS = 60 * 60_000;

type MonitoringCalls =
  | 'pools.list' | 'pools.get' | 'pools.add' | 'pools.delete' | 'pools.resize' | 'pools.stopResize'
  | 'pools.enableAutoScale' | 'pools.disableAutoScale' | 'pools.evaluateAutoScale'
  | 'nodes.list' | 'nodes.get' | 'nodes.action'
  | 'jobs.list' | 'jobs.get' | 'jobs.add' | 'jobs.action' | 'jobs.taskCounts'
  | 'tasks.page' | 'tasks.get' | 'tasks.add' | 'tasks.action' | 'history.series';

const sig = (signal: AbortSignal) => signal as unknown as AbortSignalLike;

/** The pool, node, job, task and chart-history calls, each run with the account's own client in main. */
export function monitoringHandlers(accounts: AccountsService, monitor: Monitor, events: EventBus): Pick<Handlers, MonitoringCalls> {
  const withClient = accounts.withClient.bind(accounts);
  return {
    'pools.list': ({ accountId }) => {
      monitor.touchAccount(accountId);
      return withClient(accountId, (c, s) => listPools(c, sig(s)));
    },
    'pools.get': ({ accountId, poolId }) => {
      monitor.touchPool(accountId, poolId);
      return withClient(accountId, (c, s) => getPool(c, poolId, sig(s)));
    },
    'pools.add': ({ accountId, pool }) => withClient(accountId, (c, s) => addPool(c, pool, sig(s))),
    'pools.delete': ({ accountId, poolId }) =>
      withClient(accountId, async (c, s) => {
        await c.pool.deleteMethod(poolId, { abortSignal: sig(s) });
        return { deleting: true };
      }),
    'pools.resize': ({ accountId, ...args }) => withClient(accountId, (c, s) => resizePool(c, args, sig(s))),
    'pools.stopResize': ({ accountId, poolId }) =>
      withClient(accountId, async (c, s) => {
        await c.pool.stopResize(poolId, { abortSignal: sig(s) });
        return getPool(c, poolId, sig(s));
      }),
    'pools.enableAutoScale': ({ accountId, ...args }) => withClient(accountId, (c, s) => enableAutoScale(c, args, sig(s))),
    'pools.disableAutoScale': ({ accountId, poolId }) =>
      withClient(accountId, async (c, s) => {
        await c.pool.disableAutoScale(poolId, { abortSignal: sig(s) });
        return getPool(c, poolId, sig(s));
      }),
    'pools.evaluateAutoScale': ({ accountId, poolId, formula }) => withClient(accountId, (c, s) => evaluateAutoScale(c, poolId, formula, sig(s))),
    'nodes.list': ({ accountId, poolId, state }) => {
      monitor.touchPool(accountId, poolId);
      return withClient(accountId, (c, s) => listNodes(c, poolId, state, sig(s)));
    },
    'nodes.get': ({ accountId, poolId, nodeId }) => withClient(accountId, (c, s) => getNode(c, poolId, nodeId, sig(s))),
    'nodes.action': ({ accountId, ...args }) => withClient(accountId, (c, s) => nodeAction(c, args, sig(s), () => undefined), BULK_TIMEOUT_MS),
    'jobs.list': ({ accountId, state }) => {
      monitor.touchAccount(accountId);
      return withClient(accountId, (c, s) => listJobs(c, state, sig(s)));
    },
    'jobs.get': ({ accountId, jobId }) => {
      monitor.touchJob(accountId, jobId);
      return withClient(accountId, (c, s) => getJob(c, jobId, sig(s)));
    },
    'jobs.add': ({ accountId, job }) =>
      withClient(accountId, async (c, s) => {
        await c.job.add(job as never, { abortSignal: sig(s) });
        return { id: job.id };
      }),
    'jobs.action': ({ accountId, ...args }) => withClient(accountId, (c, s) => jobAction(c, args, sig(s))),
    'jobs.taskCounts': ({ accountId, jobIds }) => {
      for (const jobId of jobIds) monitor.touchJob(accountId, jobId);
      return withClient(accountId, (c, s) => jobTaskCounts(c, jobIds, sig(s)));
    },
    'tasks.page': async ({ accountId, ...args }) => {
      const url = await accounts.urlOf(accountId);
      return withClient(accountId, (c, s) => taskPage(c, url, args, sig(s)));
    },
    'tasks.get': ({ accountId, jobId, taskId }) => withClient(accountId, (c, s) => getTask(c, jobId, taskId, sig(s))),
    'tasks.add': ({ accountId, jobId, operationId, tasks }) => {
      const progress = progressReporter(events, operationId, tasks.length);
      return withClient(accountId, (c, s) => addTasks(c, jobId, tasks, sig(s), (r) => progress.add(r)), BULK_TIMEOUT_MS);
    },
    'tasks.action': ({ accountId, jobId, operationId, taskIds, action }) => {
      const progress = progressReporter(events, operationId, taskIds.length);
      return withClient(accountId, (c, s) => taskAction(c, { jobId, taskIds, action }, sig(s), (r) => progress.add([r])), BULK_TIMEOUT_MS);
    },
    'history.series': ({ accountId, kind, id, rangeMs }) => monitor.series(accountId, kind, id, rangeMs),
  };
}
