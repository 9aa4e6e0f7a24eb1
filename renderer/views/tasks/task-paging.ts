import type { TaskPage, TaskSummary } from '../../../shared/models';

/** Start loading the next page when the last rendered row is this close to the end of what is loaded. */
export const LOAD_MORE_THRESHOLD = 200;

/**
 * One flat list from the pages loaded so far. Tasks can move between pages while the list is paged (a refresh in
 * the middle, a task added), so an id seen twice keeps its first position and takes the newer data. Batch ids are
 * case-insensitive, so `Task-1` and `task-1` are the same task.
 */
export function mergeTaskPages(pages: readonly TaskPage[]): TaskSummary[] {
  const out: TaskSummary[] = [];
  const positions = new Map<string, number>();
  for (const page of pages) {
    for (const task of page.items) {
      const key = task.id.toLowerCase();
      const at = positions.get(key);
      if (at === undefined) {
        positions.set(key, out.length);
        out.push(task);
      } else {
        out[at] = task;
      }
    }
  }
  return out;
}

/** What decides whether scrolling should fetch the next page. */
export interface LoadMoreInput {
  /** Index of the last row the virtualizer renders, or -1 when none. */
  lastRenderedIndex: number;
  loadedCount: number;
  hasNextPage: boolean;
  isFetching: boolean;
  threshold?: number;
}

/** True when the user has scrolled near the end of the loaded rows, more exist, and no fetch is already running. */
export function shouldLoadMore({ lastRenderedIndex, loadedCount, hasNextPage, isFetching, threshold = LOAD_MORE_THRESHOLD }: LoadMoreInput): boolean {
  if (!hasNextPage || isFetching || lastRenderedIndex < 0) return false;
  return lastRenderedIndex >= loadedCount - 1 - threshold;
}
