import type { BulkItemResult } from '../../../shared/models';
import type { EventBus } from '../events';
import { serviceError } from './clients';

/** How many single-item calls run at once when the service has no batch call for an action. */
export const BULK_CONCURRENCY = 8;

/** Reports progress of one bulk operation, at most every 200 ms plus the final count. */
export function progressReporter(events: EventBus, operationId: string, total: number) {
  let done = 0;
  let failed = 0;
  let last = 0;
  const emit = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    events.emit('bulk.progress', { operationId, done, total, failed });
  };
  return {
    add(results: BulkItemResult[]): void {
      done += results.length;
      failed += results.filter((r) => !r.ok).length;
      emit(done === total);
    },
  };
}

/** Runs `work` for every id with bounded concurrency; each failure is recorded, never thrown. */
export async function forEachBounded(
  ids: readonly string[],
  work: (id: string) => Promise<void>,
  onResult: (result: BulkItemResult) => void,
  concurrency = BULK_CONCURRENCY,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = new Array(ids.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const id = ids[i]!;
        let result: BulkItemResult;
        try {
          await work(id);
          result = { id, ok: true };
        } catch (error) {
          const e = serviceError(error);
          result = { id, ok: false, code: e.code, message: e.message };
        }
        results[i] = result;
        onResult(result);
      }
    }),
  );
  return results;
}
