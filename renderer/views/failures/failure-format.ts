// How failure groups read on screen, and which of a group's tasks one retry sends.
import type { FailureCauseGroup, FailureNodeGroup } from '../../../shared/models';

/** `tasks.action` takes at most this many task ids per call. */
export const MAX_RETRY_IDS = 10_000;

/** A cause group's title, e.g. "Exit code 1 · FailureExitCode (userError)". */
export function causeTitle(group: FailureCauseGroup): string {
  const parts: string[] = [];
  if (group.exitCode !== undefined) parts.push(`Exit code ${group.exitCode}`);
  if (group.code) parts.push(group.category ? `${group.code} (${group.category})` : group.code);
  else if (group.category) parts.push(group.category);
  return parts.length ? parts.join(' · ') : 'No exit code or failure information';
}

/** A node group's comparison with its pool, e.g. "9 failures, 8.2× the pool mean of 1.1". */
export function nodeComparison(group: FailureNodeGroup): string {
  const failures = `${group.count} ${group.count === 1 ? 'failure' : 'failures'}`;
  if (group.poolMean <= 0) return failures;
  const ratio = group.count / group.poolMean;
  return `${failures}, ${ratio.toFixed(1)}× the pool mean of ${group.poolMean.toFixed(1)}`;
}

/** The ids one "Retry all in group" sends, and how many are left for a later retry. */
export function retryBatch(taskIds: readonly string[]): { ids: string[]; remaining: number } {
  return { ids: taskIds.slice(0, MAX_RETRY_IDS), remaining: Math.max(0, taskIds.length - MAX_RETRY_IDS) };
}

/** Whether the URL's `group` parameter asks for the by-node view. */
export function groupingFromParam(value: string | null): 'cause' | 'node' {
  return value === 'node' ? 'node' : 'cause';
}
