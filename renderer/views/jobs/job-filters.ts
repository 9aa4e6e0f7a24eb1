import type { JobSummary } from '../../../shared/models';

/** Job states the list can filter on (server-side), plus "all". */
export const JOB_STATE_FILTERS = ['all', 'active', 'disabling', 'disabled', 'enabling', 'terminating', 'completed', 'deleting'] as const;

/** One choice of the job list's state filter. */
export type JobStateFilter = (typeof JOB_STATE_FILTERS)[number];

/** True for a string that is one of the job list's filter choices (e.g. read back from the URL). */
export function isJobStateFilter(value: string | null | undefined): value is JobStateFilter {
  return (JOB_STATE_FILTERS as readonly string[]).includes(value ?? '');
}

/** The `jobs.list` arguments for a filter choice: "all" sends no state. */
export function jobListArgs(accountId: string, state: JobStateFilter): { accountId: string; state?: string } {
  return state === 'all' ? { accountId } : { accountId, state };
}

/** Jobs whose id or display name contains the search text, ignoring case (Batch ids are case-insensitive). */
export function searchJobs(jobs: readonly JobSummary[], search: string): JobSummary[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...jobs];
  return jobs.filter((job) => job.id.toLowerCase().includes(needle) || (job.displayName?.toLowerCase().includes(needle) ?? false));
}
