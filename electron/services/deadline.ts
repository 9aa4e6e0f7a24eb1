// A deadline for calls to services whose SDKs set no timeout of their own (storage, ARM): a server that takes a
// request and never answers would otherwise leave a view waiting forever.
import { AppError } from '../../shared/errors';

/** How long one request, or one listing with all its pages, may take before it is abandoned. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Runs `work` with a deadline. When time runs out the call fails at once with ConnectionTimeout, naming `service`,
 * even if some step ignores the signal; the signal is aborted so the requests still in flight stop.
 */
export async function withServiceDeadline<T>(work: (signal: AbortSignal) => Promise<T>, service: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Rejected before the abort, so the abandoned work's own AbortError never wins the race.
      reject(new AppError({ code: 'ConnectionTimeout', message: `${service} did not answer within ${limit}`, status: 504 }));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
