/** The task list's state filter choices; the task index filters by them over the whole job. */
export const TASK_STATE_FILTERS = ['all', 'active', 'running', 'completed', 'succeeded', 'failed'] as const;

/** One choice of the task list's state filter. */
export type TaskStateFilter = (typeof TASK_STATE_FILTERS)[number];

/** True for a string that is one of the task list's filter choices. */
export function isTaskStateFilter(value: string | null | undefined): value is TaskStateFilter {
  return (TASK_STATE_FILTERS as readonly string[]).includes(value ?? '');
}
