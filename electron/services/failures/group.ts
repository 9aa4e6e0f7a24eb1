// Pure grouping of a job's failed tasks, kept apart from the SDK so the rules are easy to test.
import type { FailureCauseGroup, FailureNodeGroup } from '../../../shared/models';

/** The facts about one failed task that grouping needs. */
export interface FailedTask {
  id: string;
  exitCode?: number;
  code?: string;
  category?: string;
  message?: string;
  poolId?: string;
  nodeId?: string;
}

/** A node is suspect only with at least this many failures, so one unlucky task never flags a node. */
export const SUSPECT_MIN_FAILURES = 3;
/** ...and at least this many times its pool's mean failures per node. */
export const SUSPECT_MEAN_FACTOR = 2;

/** Groups failed tasks by exit code plus failureInfo code and category, largest group first. */
export function groupByCause(tasks: readonly FailedTask[]): FailureCauseGroup[] {
  const groups = new Map<string, FailureCauseGroup>();
  for (const task of tasks) {
    const key = `${task.exitCode ?? ''}|${task.code ?? ''}|${task.category ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, count: 0, taskIds: [], sampleTaskId: task.id };
      if (task.exitCode !== undefined) group.exitCode = task.exitCode;
      if (task.code) group.code = task.code;
      if (task.category) group.category = task.category;
      if (task.message) group.message = task.message;
      groups.set(key, group);
    }
    group.count += 1;
    group.taskIds.push(task.id);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Groups failed tasks by the node they last ran on. `poolSizes` gives each pool's current node count so nodes
 * without failures count as zero in the mean; a pool missing from it is averaged over its failing nodes only.
 */
export function groupByNode(tasks: readonly FailedTask[], poolSizes: ReadonlyMap<string, number>): FailureNodeGroup[] {
  const groups = new Map<string, FailureNodeGroup>();
  for (const task of tasks) {
    if (!task.nodeId) continue;
    const key = `${task.poolId ?? ''}|${task.nodeId}`;
    let group = groups.get(key);
    if (!group) {
      group = { nodeId: task.nodeId, count: 0, taskIds: [], sampleTaskId: task.id, poolMean: 0, suspect: false };
      if (task.poolId) group.poolId = task.poolId;
      groups.set(key, group);
    }
    group.count += 1;
    group.taskIds.push(task.id);
  }
  const perPool = new Map<string, { failures: number; nodes: number }>();
  for (const group of groups.values()) {
    const pool = perPool.get(group.poolId ?? '') ?? { failures: 0, nodes: 0 };
    pool.failures += group.count;
    pool.nodes += 1;
    perPool.set(group.poolId ?? '', pool);
  }
  for (const group of groups.values()) {
    const pool = perPool.get(group.poolId ?? '') ?? { failures: group.count, nodes: 1 };
    const nodes = Math.max(pool.nodes, poolSizes.get(group.poolId ?? '') ?? 0);
    group.poolMean = pool.failures / nodes;
    group.suspect = nodes > 1 && group.count >= SUSPECT_MIN_FAILURES && group.count >= SUSPECT_MEAN_FACTOR * group.poolMean;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.nodeId.localeCompare(b.nodeId));
}
