import { describe, expect, it } from 'vitest';
import { limited, TransferTimedOut } from './transferLimits.js';

// A request that settles only when its signal aborts, with the signal's reason.
const stalled = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('limited', () => {
  it('returns what a request in time returns', async () => {
    await expect(limited({ timeoutMs: 1_000 }, async () => 'done')).resolves.toBe('done');
  });

  it('fails a request that takes too long with TransferTimedOut, naming the limit', async () => {
    const error = await limited({ timeoutMs: 30 }, stalled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferTimedOut);
    expect((error as Error).message).toBe('took longer than 30 ms');
    await expect(limited({ timeoutMs: 2_000 }, async (signal) => {
      if (signal.aborted) throw new Error('aborted early');
      throw new Error('refused');
    })).rejects.toThrow('refused');
  });

  it('aborts the request when the command stops, and that is not a timeout', async () => {
    const stop = new AbortController();
    const call = limited({ signal: stop.signal, timeoutMs: 60_000 }, stalled);
    stop.abort(new Error('stopped'));
    const error = await call.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TransferTimedOut);
    expect((error as Error).message).toBe('stopped');
  });
});
