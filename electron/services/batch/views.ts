import type { BatchServiceModels } from '@azure/batch';
import type {
  AutoScaleRunView,
  JobSummary,
  NodeSummary,
  PoolSummary,
  ServiceErrorView,
  TaskSummary,
} from '../../../shared/models';
import { pick, plainObject } from './plain';

/** The pool properties the list shows; also the `$select` of the list call. */
export const POOL_LIST_FIELDS = [
  'id',
  'displayName',
  'state',
  'allocationState',
  'vmSize',
  'currentDedicatedNodes',
  'targetDedicatedNodes',
  'currentLowPriorityNodes',
  'targetLowPriorityNodes',
  'enableAutoScale',
  'taskSlotsPerNode',
  'creationTime',
  'resizeErrors',
] as const;

/**
 * The `$select` of node polling: only what the heatmap and the node list draw, so polling a 20,000-node pool stays
 * small. Everything else about a node (IP, VM size, scheduling state, counters) comes from `nodes.get` on its page.
 */
export const NODE_LIST_FIELDS = ['id', 'state', 'runningTasksCount', 'runningTaskSlotsCount', 'isDedicated'] as const;

/** The summary fields of one open node (its page reads the whole node anyway). */
export const NODE_DETAIL_FIELDS = [
  ...NODE_LIST_FIELDS,
  'schedulingState',
  'ipAddress',
  'vmSize',
  'totalTasksRun',
  'totalTasksSucceeded',
  'stateTransitionTime',
] as const;

export const JOB_LIST_FIELDS = ['id', 'displayName', 'state', 'poolInfo', 'priority', 'creationTime', 'stateTransitionTime'] as const;

export const TASK_LIST_FIELDS = ['id', 'displayName', 'state', 'creationTime', 'executionInfo', 'nodeInfo'] as const;

function errorView(error: unknown): ServiceErrorView {
  return pick<ServiceErrorView>(plainObject(error), ['code', 'message', 'values']);
}

/** A pool for the list. */
export function poolSummary(pool: BatchServiceModels.CloudPool): PoolSummary {
  const plain = plainObject(pool);
  const out = pick<PoolSummary>(plain, POOL_LIST_FIELDS.filter((k) => k !== 'resizeErrors'));
  if (pool.resizeErrors?.length) out.resizeErrors = pool.resizeErrors.map(errorView);
  return out;
}

/** A pool's last autoscale evaluation, results or error. */
export function autoScaleRunView(run: BatchServiceModels.AutoScaleRun | undefined): AutoScaleRunView | undefined {
  if (!run) return undefined;
  const out: AutoScaleRunView = {};
  if (run.timestamp) out.timestamp = new Date(run.timestamp).toISOString();
  if (run.results !== undefined) out.results = run.results;
  if (run.error) out.error = errorView(run.error);
  return out;
}

/** A node for the list and the heatmap. */
export function nodeSummary(node: BatchServiceModels.ComputeNode, fields: readonly string[] = NODE_LIST_FIELDS): NodeSummary {
  return pick<NodeSummary>(plainObject(node), fields);
}

/** A job for the list. */
export function jobSummary(job: BatchServiceModels.CloudJob): JobSummary {
  const plain = plainObject(job);
  const out = pick<JobSummary>(plain, ['id', 'displayName', 'state', 'priority', 'creationTime', 'stateTransitionTime']);
  if (job.poolInfo?.poolId) out.poolId = job.poolInfo.poolId;
  return out;
}

/** A task for the list: its state, exit code, node and times. */
export function taskSummary(task: BatchServiceModels.CloudTask): TaskSummary {
  const plain = plainObject(task);
  const out = pick<TaskSummary>(plain, ['id', 'displayName', 'state', 'creationTime']);
  const exec = task.executionInfo;
  if (exec) {
    if (exec.exitCode !== undefined) out.exitCode = exec.exitCode;
    if (exec.result) out.result = exec.result;
    if (exec.startTime) out.startTime = new Date(exec.startTime).toISOString();
    if (exec.endTime) out.endTime = new Date(exec.endTime).toISOString();
    out.retryCount = exec.retryCount;
    out.requeueCount = exec.requeueCount;
  }
  if (task.nodeInfo?.nodeId) out.nodeId = task.nodeInfo.nodeId;
  if (task.nodeInfo?.poolId) out.poolId = task.nodeInfo.poolId;
  return out;
}
