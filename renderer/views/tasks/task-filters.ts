import type { CallArgs } from '../../../shared/contract';

/** The task list's state filter choices; each runs server-side through `$filter`. */
export const TASK_STATE_FILTERS = ['all', 'active', 'running', 'completed', 'succeeded', 'failed'] as const;

/** One choice of the task list's state filter. */
export type TaskStateFilter = (typeof TASK_STATE_FILTERS)[number];

/** What the task list is filtered by. */
export interface TaskListFilter {
  state: TaskStateFilter;
  /** Typed into the search box; sent as an id prefix. */
  search: string;
}

/** The longest id prefix the call accepts (task ids are at most 64 characters). */
export const MAX_ID_PREFIX = 64;

/** True for a string that is one of the task list's filter choices. */
export function isTaskStateFilter(value: string | null | undefined): value is TaskStateFilter {
  return (TASK_STATE_FILTERS as readonly string[]).includes(value ?? '');
}

/** The filter part of `tasks.page` arguments: "all" and an empty search send nothing, so the service lists everything. */
export function taskFilterArgs(filter: TaskListFilter): Pick<CallArgs<'tasks.page'>, 'state' | 'idPrefix'> {
  const out: Pick<CallArgs<'tasks.page'>, 'state' | 'idPrefix'> = {};
  if (filter.state !== 'all') out.state = filter.state;
  const prefix = filter.search.trim().slice(0, MAX_ID_PREFIX);
  if (prefix) out.idPrefix = prefix;
  return out;
}
