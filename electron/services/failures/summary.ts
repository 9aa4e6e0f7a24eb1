import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { FailureSummary } from '../../../shared/models';
import { collectAll } from '../batch/paging';
import { groupByCause, groupByNode, type FailedTask } from './group';

/** At most this many failed tasks are read for one summary; beyond it the summary says it is truncated. */
export const MAX_FAILED_TASKS = 100_000;

const FAILED_FILTER = "state eq 'completed' and executionInfo/result eq 'failure'";

/** The grouping facts of one failed task as the service returned it. */
export function failedTask(task: BatchServiceModels.CloudTask): FailedTask {
  const out: FailedTask = { id: task.id ?? '' };
  const info = task.executionInfo;
  if (info?.exitCode !== undefined && info.exitCode !== null) out.exitCode = info.exitCode;
  const failure = info?.failureInfo;
  if (failure?.code) out.code = failure.code;
  if (failure?.category) out.category = failure.category;
  if (failure?.message) out.message = failure.message;
  if (task.nodeInfo?.poolId) out.poolId = task.nodeInfo.poolId;
  if (task.nodeInfo?.nodeId) out.nodeId = task.nodeInfo.nodeId;
  return out;
}

async function poolSize(client: BatchServiceClient, poolId: string, abortSignal: AbortSignalLike): Promise<number | undefined> {
  try {
    const nodes = await collectAll(
      client.computeNode.list(poolId, { computeNodeListOptions: { select: 'id', maxResults: 1000 }, abortSignal }),
      (link) => client.computeNode.listNext(link, { abortSignal }),
    );
    return nodes.length;
  } catch {
    // A deleted pool has no nodes to compare against; its failing nodes are then averaged among themselves.
    return undefined;
  }
}

/** Reads a job's failed tasks (up to `limit`) and groups them by cause and by node. */
export async function failureSummary(
  client: BatchServiceClient,
  jobId: string,
  abortSignal: AbortSignalLike,
  limit = MAX_FAILED_TASKS,
): Promise<FailureSummary> {
  const options: BatchServiceModels.TaskListOptions = { filter: FAILED_FILTER, select: 'id,executionInfo,nodeInfo', maxResults: 1000 };
  const tasks = await collectAll(
    client.task.list(jobId, { taskListOptions: options, abortSignal }),
    (link) => client.task.listNext(link, { abortSignal }),
    limit + 1,
  );
  const failed = tasks.slice(0, limit).map(failedTask);
  const poolIds = [...new Set(failed.map((t) => t.poolId).filter((id): id is string => id !== undefined))];
  const sizes = new Map<string, number>();
  for (const poolId of poolIds) {
    const size = await poolSize(client, poolId, abortSignal);
    if (size !== undefined) sizes.set(poolId, size);
  }
  return {
    jobId,
    failedTasks: failed.length,
    truncated: tasks.length > limit,
    byCause: groupByCause(failed),
    byNode: groupByNode(failed, sizes),
  };
}
