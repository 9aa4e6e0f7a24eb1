import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { JobDetail, JobSummary, JobTaskCounts, TaskCountsView } from '../../../shared/models';
import { serviceError } from './clients';
import { collectAll, odataString } from './paging';
import { plainObject } from './plain';
import { JOB_LIST_FIELDS, jobSummary } from './views';

type Signal = AbortSignalLike;

/** How many `getTaskCounts` calls run at once for the visible rows of the job list (Batch has no batch call). */
export const TASK_COUNTS_CONCURRENCY = 4;

/** Every job with the list columns; an optional state filter runs server-side. */
export async function listJobs(client: BatchServiceClient, state: string | undefined, abortSignal: Signal): Promise<JobSummary[]> {
  const options: BatchServiceModels.JobListOptions = { select: JOB_LIST_FIELDS.join(','), maxResults: 1000 };
  if (state) options.filter = `state eq ${odataString(state)}`;
  const jobs = await collectAll(client.job.list({ jobListOptions: options, abortSignal }), (link) => client.job.listNext(link, { abortSignal }));
  return jobs.map(jobSummary);
}

/** One job in full, with the raw JSON for the JSON view. */
export async function getJob(client: BatchServiceClient, jobId: string, abortSignal: Signal): Promise<JobDetail> {
  const job = await client.job.get(jobId, { abortSignal });
  return { ...jobSummary(job), raw: plainObject(job) };
}

function countsView(counts: BatchServiceModels.TaskCounts | BatchServiceModels.TaskSlotCounts): TaskCountsView {
  return {
    active: counts.active,
    running: counts.running,
    completed: counts.completed,
    succeeded: counts.succeeded,
    failed: counts.failed,
  };
}

/** Task counts from `job.getTaskCounts` (never by listing tasks) for the jobs on screen, with bounded concurrency. */
export async function jobTaskCounts(client: BatchServiceClient, jobIds: string[], abortSignal: Signal): Promise<Record<string, JobTaskCounts>> {
  const out: Record<string, JobTaskCounts> = {};
  const queue = [...new Set(jobIds)];
  await Promise.all(
    Array.from({ length: Math.min(TASK_COUNTS_CONCURRENCY, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const result = await client.job.getTaskCounts(id, { abortSignal });
          out[id] = { counts: countsView(result.taskCounts), slots: countsView(result.taskSlotCounts) };
        } catch (error) {
          const e = serviceError(error);
          out[id] = { error: { code: e.code, message: e.message } };
        }
      }
    }),
  );
  return out;
}

/** Disable (requeue, terminate or wait), enable, terminate or delete a job. */
export async function jobAction(
  client: BatchServiceClient,
  args: { jobId: string; action: 'disable' | 'enable' | 'terminate' | 'delete'; disableTasks?: 'requeue' | 'terminate' | 'wait' },
  abortSignal: Signal,
): Promise<{ accepted: boolean }> {
  switch (args.action) {
    case 'disable':
      await client.job.disable(args.jobId, args.disableTasks ?? 'requeue', { abortSignal });
      break;
    case 'enable':
      await client.job.enable(args.jobId, { abortSignal });
      break;
    case 'terminate':
      await client.job.terminate(args.jobId, { abortSignal });
      break;
    case 'delete':
      await client.job.deleteMethod(args.jobId, { abortSignal });
      break;
  }
  return { accepted: true };
}
