import type { TaskCountsView } from '../../../shared/models';

/** The task states the job progress bar stacks, left to right. */
export type ProgressKey = 'succeeded' | 'failed' | 'running' | 'active';

/** One coloured part of the stacked progress bar. */
export interface ProgressSegment {
  key: ProgressKey;
  label: string;
  count: number;
  /** Share of the bar, 0..1; the shares of a non-empty bar add up to 1. */
  fraction: number;
}

// Finished work first, so the bar fills from the left as the job advances.
const ORDER: readonly { key: ProgressKey; label: string }[] = [
  { key: 'succeeded', label: 'Succeeded' },
  { key: 'failed', label: 'Failed' },
  { key: 'running', label: 'Running' },
  { key: 'active', label: 'Active' },
];

/** The bar's segments from `getTaskCounts`; negative or missing counts count as 0 and empty segments are dropped. */
export function progressSegments(counts: TaskCountsView | undefined): ProgressSegment[] {
  if (!counts) return [];
  const values = ORDER.map(({ key, label }) => ({ key, label, count: Math.max(0, counts[key] || 0) }));
  const total = values.reduce((sum, v) => sum + v.count, 0);
  if (total === 0) return [];
  return values.filter((v) => v.count > 0).map((v) => ({ ...v, fraction: v.count / total }));
}

/** Tasks the bar covers: active, running and completed (succeeded plus failed). */
export function progressTotal(counts: TaskCountsView | undefined): number {
  if (!counts) return 0;
  return ORDER.reduce((sum, { key }) => sum + Math.max(0, counts[key] || 0), 0);
}

/** The bar's text for screen readers and its tooltip, e.g. "3 of 10 done: 2 succeeded, 1 failed, 4 running, 3 active". */
export function progressLabel(counts: TaskCountsView | undefined): string {
  if (!counts) return 'Task counts not loaded';
  const total = progressTotal(counts);
  if (total === 0) return 'No tasks';
  const done = Math.max(0, counts.succeeded || 0) + Math.max(0, counts.failed || 0);
  const parts = ORDER.map(({ key }) => `${Math.max(0, counts[key] || 0)} ${key}`);
  return `${done} of ${total} done: ${parts.join(', ')}`;
}
