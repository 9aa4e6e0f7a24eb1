import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { BulkItemResult, TaskDetail, TaskPage } from '../../../shared/models';
import { forEachBounded } from './bulk';
import { serviceError } from './clients';
import { checkContinuation, odataString } from './paging';
import { plainObject } from './plain';
import { TASK_LIST_FIELDS, taskSummary } from './views';

type Signal = AbortSignalLike;

/** addtaskcollection takes at most 100 tasks per call. */
export const TASK_COLLECTION_SIZE = 100;
const ADD_CONCURRENCY = 4;

export type TaskStateFilter = 'active' | 'preparing' | 'running' | 'completed' | 'succeeded' | 'failed';

/** The server-side `$filter` for the task list's state filter and id-prefix search. */
export function taskFilter(state: TaskStateFilter | undefined, idPrefix: string | undefined): string | undefined {
  const parts: string[] = [];
  if (state === 'succeeded') parts.push("state eq 'completed' and executionInfo/result eq 'success'");
  else if (state === 'failed') parts.push("state eq 'completed' and executionInfo/result eq 'failure'");
  else if (state) parts.push(`state eq '${state}'`);
  if (idPrefix) parts.push(`startswith(id,${odataString(idPrefix)})`);
  return parts.length ? parts.join(' and ') : undefined;
}

/** One page of a job's tasks from the service (maxresults up to 1000), following the continuation it returned. */
export async function taskPage(
  client: BatchServiceClient,
  accountUrl: string,
  args: { jobId: string; state?: TaskStateFilter; idPrefix?: string; continuation?: string; maxResults?: number },
  abortSignal: Signal,
): Promise<TaskPage> {
  let page: BatchServiceModels.CloudTaskListResult & { odatanextLink?: string };
  if (args.continuation) {
    page = await client.task.listNext(checkContinuation(args.continuation, accountUrl), { abortSignal });
  } else {
    const options: BatchServiceModels.TaskListOptions = { select: TASK_LIST_FIELDS.join(','), maxResults: args.maxResults ?? 1000 };
    const filter = taskFilter(args.state, args.idPrefix);
    if (filter) options.filter = filter;
    page = await client.task.list(args.jobId, { taskListOptions: options, abortSignal });
  }
  const out: TaskPage = { items: page.map(taskSummary) };
  if (page.odatanextLink) out.continuation = page.odatanextLink;
  return out;
}

/** One task in full for the task page. */
export async function getTask(client: BatchServiceClient, jobId: string, taskId: string, abortSignal: Signal): Promise<TaskDetail> {
  const task = await client.task.get(jobId, taskId, { abortSignal });
  return { ...taskSummary(task), raw: plainObject(task) };
}

async function addChunk(client: BatchServiceClient, jobId: string, chunk: Record<string, unknown>[], abortSignal: Signal): Promise<BulkItemResult[]> {
  try {
    const result = await client.task.addCollection(jobId, chunk as unknown as BatchServiceModels.TaskAddParameter[], { abortSignal });
    const byId = new Map((result.value ?? []).map((r) => [r.taskId, r]));
    return chunk.map((task) => {
      const r = byId.get(String(task.id));
      if (r?.status === 'success') return { id: String(task.id), ok: true };
      const out: BulkItemResult = { id: String(task.id), ok: false, code: r?.error?.code ?? r?.status ?? 'NoResult' };
      const message = r?.error?.message?.value;
      if (message) out.message = message;
      return out;
    });
  } catch (error) {
    const e = serviceError(error);
    // A collection over 1 MB is split in halves until it fits; a lone task that is still too large fails alone.
    if (e.code === 'RequestBodyTooLarge' && chunk.length > 1) {
      const half = Math.ceil(chunk.length / 2);
      return [...(await addChunk(client, jobId, chunk.slice(0, half), abortSignal)), ...(await addChunk(client, jobId, chunk.slice(half), abortSignal))];
    }
    return chunk.map((task) => ({ id: String(task.id), ok: false, code: e.code, message: e.message }));
  }
}

/** Adds any number of tasks in collections of 100, a few collections at a time, with a result per task. */
export async function addTasks(
  client: BatchServiceClient,
  jobId: string,
  tasks: Record<string, unknown>[],
  abortSignal: Signal,
  onResults: (results: BulkItemResult[]) => void,
): Promise<BulkItemResult[]> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < tasks.length; i += TASK_COLLECTION_SIZE) chunks.push(tasks.slice(i, i + TASK_COLLECTION_SIZE));
  const results: BulkItemResult[][] = new Array(chunks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(ADD_CONCURRENCY, chunks.length) }, async () => {
      for (let i = next++; i < chunks.length; i = next++) {
        results[i] = await addChunk(client, jobId, chunks[i]!, abortSignal);
        onResults(results[i]!);
      }
    }),
  );
  return results.flat();
}

/** Terminate, reactivate (retry) or delete many tasks; Batch has no batch call for these, so concurrency is bounded. */
export function taskAction(
  client: BatchServiceClient,
  args: { jobId: string; taskIds: string[]; action: 'terminate' | 'reactivate' | 'delete' },
  abortSignal: Signal,
  onResult: (result: BulkItemResult) => void,
): Promise<BulkItemResult[]> {
  const run = {
    terminate: (id: string) => client.task.terminate(args.jobId, id, { abortSignal }),
    reactivate: (id: string) => client.task.reactivate(args.jobId, id, { abortSignal }),
    delete: (id: string) => client.task.deleteMethod(args.jobId, id, { abortSignal }),
  }[args.action];
  return forEachBounded(args.taskIds, async (id) => void (await run(id)), onResult);
}

