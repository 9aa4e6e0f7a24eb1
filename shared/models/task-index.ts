// A job's tasks as main's task index serves them: windows of rows, filtered and sorted over the whole job.

/** The columns a task window can be sorted by. */
export const TASK_SORT_COLUMNS = ['id', 'state', 'exitCode', 'nodeId', 'creationTime', 'startTime', 'endTime', 'duration', 'retryCount'] as const;
export type TaskSortColumn = (typeof TASK_SORT_COLUMNS)[number];

/** The task states a window can be filtered by (`succeeded` and `failed` are completed tasks by result). */
export const TASK_INDEX_STATES = ['active', 'preparing', 'running', 'completed', 'succeeded', 'failed'] as const;
export type TaskIndexState = (typeof TASK_INDEX_STATES)[number];

/** One row of a task window: what the task list shows, all plain JSON. Times are ISO strings. */
export interface TaskRow {
  id: string;
  displayName?: string;
  state?: string;
  result?: string;
  exitCode?: number;
  nodeId?: string;
  poolId?: string;
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  retryCount?: number;
}

/** How fresh a job's index is. */
export interface TaskIndexStatus {
  /** `syncing` until the first full pass has read every page; `ready` after; `error` while syncs fail. */
  phase: 'syncing' | 'ready' | 'error';
  /** Tasks in the index now. */
  loaded: number;
  /** When the index last matched the service (end of the last successful full or delta pass), ISO. */
  syncedAt?: string;
  /** The last sync failure, while it persists. */
  error?: { code: string; message: string };
  /** Bumped on every change to the index, so a window can tell whether it is stale. */
  version: number;
}

/** A window of a job's tasks: `total` rows match the filter; `rows` start at `offset`. */
export interface TaskWindow {
  total: number;
  offset: number;
  rows: TaskRow[];
  status: TaskIndexStatus;
}
