import type { BulkItemResult, BulkProgress } from '../../../shared/models';

/** What a finished bulk call did, for the summary above its result table. */
export interface BulkSummary {
  total: number;
  succeeded: number;
  failed: number;
  /** Failure codes with how many items each, most frequent first. */
  codes: { code: string; count: number }[];
  /** Only the failed items, in the order they were sent. */
  failures: BulkItemResult[];
}

/** Counts successes and failures of a per-item result list, grouping failures by code. */
export function summarizeResults(results: readonly BulkItemResult[]): BulkSummary {
  const failures = results.filter((r) => !r.ok);
  const byCode = new Map<string, number>();
  for (const f of failures) byCode.set(f.code ?? 'Unknown', (byCode.get(f.code ?? 'Unknown') ?? 0) + 1);
  const codes = [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { total: results.length, succeeded: results.length - failures.length, failed: failures.length, codes, failures };
}

/** One line for a summary, e.g. "98 of 100 succeeded; 2 failed (TaskExists × 2)". */
export function summaryLine(summary: BulkSummary): string {
  const head = `${summary.succeeded} of ${summary.total} succeeded`;
  if (summary.failed === 0) return head;
  return `${head}; ${summary.failed} failed (${summary.codes.map((c) => `${c.code} × ${c.count}`).join(', ')})`;
}

/** The progress bar's value 0..1 and its text; before the first event the bar is empty. */
export function progressView(progress: BulkProgress | undefined, total: number): { value: number; text: string } {
  const done = Math.min(progress?.done ?? 0, total);
  const failed = progress?.failed ?? 0;
  const value = total > 0 ? done / total : 0;
  return { value, text: `${done} of ${total} done${failed ? `, ${failed} failed` : ''}` };
}

/** A fresh id for one bulk call (8-64 letters, digits or hyphens), so its `bulk.progress` events can be told apart. */
export function newOperationId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(12));
  return `op-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
