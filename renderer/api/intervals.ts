// Polling intervals for later pages, named so the load they put on the Batch service is visible in one place.

/** Refresh of list pages (pools, jobs, tasks). */
export const POLL_LIST_MS = 10_000;

/** Refresh of one open entity (a pool, a job, a task). */
export const POLL_ENTITY_MS = 5_000;

/** Refresh of summary counts (task counts, node counts). */
export const POLL_COUNTS_MS = 5_000;

/** Refresh of a job's failure summary: it reads every failed task, so it polls slower than lists. */
export const POLL_FAILURES_MS = 30_000;

/** Re-read of a followed log file (stdout/stderr of a running task), so new output shows within 2 s. */
export const FOLLOW_POLL_MS = 1_000;

/** Fallback refresh of the task list's windows: `taskIndex.changed` events drive it, this only covers a missed event. */
export const POLL_TASK_INDEX_MS = 30_000;

/** Refresh of a running task's Outputs tab: outputs appear once the task ends, so a slow poll is enough. */
export const POLL_TASK_OUTPUTS_MS = 15_000;
