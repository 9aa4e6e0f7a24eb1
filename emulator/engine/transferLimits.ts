// What bounds one resource file or output file request: the command being stopped, and a time limit, since the
// storage SDK sets none and a server may take a request and never answer.

/** The stop signal of the command a transfer serves, and how long one request may take. */
export interface TransferLimits {
  signal?: AbortSignal;
  timeoutMs: number;
}

/** Thrown by `limited` when a request took longer than its limit. */
export class TransferTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`took longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`);
  }
}

/**
 * Runs one request with a signal that aborts when the command stops or when `timeoutMs` has passed; in the second
 * case it fails with TransferTimedOut. The timer is cleared as soon as the request settles.
 */
export async function limited<T>(limits: TransferLimits, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(), limits.timeoutMs);
  try {
    return await request(limits.signal ? AbortSignal.any([limits.signal, timer.signal]) : timer.signal);
  } catch (error) {
    throw timer.signal.aborted ? new TransferTimedOut(limits.timeoutMs) : error;
  } finally {
    clearTimeout(handle);
  }
}
