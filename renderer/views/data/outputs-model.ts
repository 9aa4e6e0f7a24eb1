// The Outputs tab's words: each destination's condition, and why a destination shows no blobs.
import type { TaskOutputDestination } from '../../../shared/models';

/** When a destination uploads, in words. */
export function conditionText(condition: TaskOutputDestination['uploadCondition']): string {
  if (condition === 'taskSuccess') return 'when the task succeeds';
  if (condition === 'taskFailure') return 'when the task fails';
  return 'when the task completes';
}

/** The slice of a task the tab reads. */
export interface OutputsTask {
  state?: string | undefined;
  result?: string | undefined;
}

/** How the task ended when its upload condition did not match it ('succeeded' for taskFailure, 'failed' for taskSuccess). */
export function missedCondition(condition: TaskOutputDestination['uploadCondition'], task: OutputsTask): 'succeeded' | 'failed' | undefined {
  if (task.state !== 'completed') return undefined;
  if (condition === 'taskSuccess' && task.result === 'failure') return 'failed';
  if (condition === 'taskFailure' && task.result === 'success') return 'succeeded';
  return undefined;
}

function conditionName(condition: TaskOutputDestination['uploadCondition']): string {
  return `${condition} (uploads ${conditionText(condition)})`;
}

/** The note on a destination whose condition did not match: any blobs listed there came from elsewhere. */
export function missedConditionText(condition: TaskOutputDestination['uploadCondition'], task: OutputsTask): string | undefined {
  const ended = missedCondition(condition, task);
  return ended ? `The condition ${conditionName(condition)} did not match, since the task ${ended}: this task uploaded nothing here` : undefined;
}

/** Why a destination has no blobs: the task has not finished, its condition did not match, or nothing matched the pattern. */
export function emptyOutputText(destination: Pick<TaskOutputDestination, 'uploadCondition' | 'filePattern'>, task: OutputsTask): string {
  const condition = conditionName(destination.uploadCondition);
  if (task.state !== 'completed') return `No output uploaded yet: the task is ${task.state ?? 'not started'}, and ${condition} applies once it completes`;
  const ended = missedCondition(destination.uploadCondition, task);
  if (ended) return `No output uploaded: the condition ${condition} did not match, since the task ${ended}`;
  return `No output uploaded: no file matched ${destination.filePattern}`;
}

/** The place a destination uploads to, without any SAS: "container / path". */
export function destinationText(destination: Pick<TaskOutputDestination, 'container' | 'path'>): string {
  return destination.path ? `${destination.container} / ${destination.path}` : destination.container;
}
