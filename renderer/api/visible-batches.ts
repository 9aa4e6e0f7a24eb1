// Which job ids the list asks `jobs.taskCounts` about: the rows on screen only, at most 50 ids per call.

/** `jobs.taskCounts` accepts at most this many job ids per call. */
export const TASK_COUNTS_BATCH = 50;

/** The ids of rows `start..end` (inclusive, clamped to the list), in list order without repeats. */
export function visibleIds(ids: readonly string[], start: number, end: number): string[] {
  if (ids.length === 0 || end < start) return [];
  const from = Math.max(0, start);
  const to = Math.min(ids.length - 1, end);
  return [...new Set(ids.slice(from, to + 1))];
}

/**
 * Splits ids into batches of at most `size`, each sorted, so the same rows always form the same request (and the
 * same cache key) however the window scrolled onto them.
 */
export function idBatches(ids: readonly string[], size = TASK_COUNTS_BATCH): string[][] {
  if (size < 1) throw new RangeError('Batch size must be at least 1');
  const sorted = [...new Set(ids)].sort();
  const out: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(sorted.slice(i, i + size));
  return out;
}

/** True when two id lists hold the same ids, so a scroll that keeps the same rows on screen asks for nothing new. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
