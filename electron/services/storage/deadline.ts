// Quick storage calls (listings, creating or deleting a container, a SAS) get a deadline: the storage SDK sets no
// timeout of its own, so an endpoint that accepts a request and never answers would otherwise leave a view waiting.
import { AppError } from '../../../shared/errors';

/** How long one quick storage call may take, its linked-storage lookup included, before it fails. */
export const STORAGE_TIMEOUT_MS = 30_000;

/**
 * Runs quick storage work with a deadline. When time runs out the call fails with ConnectionTimeout at once, even if
 * some step ignores the signal, and the signal is aborted so the requests still in flight stop.
 */
export async function withStorageDeadline<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs = STORAGE_TIMEOUT_MS): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Rejected before the abort, so the abandoned work's own AbortError never wins the race.
      reject(new AppError({ code: 'ConnectionTimeout', message: `The storage service did not answer within ${Math.round(timeoutMs / 1000)} s`, status: 504 }));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
