// The hash routes of the entities these views link to; ids are encoded so any id survives the URL.

const enc = encodeURIComponent;

/** The job list. */
export const JOBS_PATH = '/jobs';
/** The create-job form. */
export const NEW_JOB_PATH = '/jobs/new';

/** A job's page. */
export function jobPath(jobId: string): string {
  return `/jobs/${enc(jobId)}`;
}

/** A task's page. */
export function taskPath(jobId: string, taskId: string): string {
  return `/jobs/${enc(jobId)}/tasks/${enc(taskId)}`;
}

/** A pool's page. */
export function poolPath(poolId: string): string {
  return `/pools/${enc(poolId)}`;
}

/** A node's page. */
export function nodePath(poolId: string, nodeId: string): string {
  return `/pools/${enc(poolId)}/nodes/${enc(nodeId)}`;
}
