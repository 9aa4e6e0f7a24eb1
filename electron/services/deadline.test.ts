import { describe, expect, it } from 'vitest';
import { withServiceDeadline } from './deadline';

describe('withServiceDeadline', () => {
  it('passes on what the work returns or throws in time', async () => {
    await expect(withServiceDeadline(async () => 'done', 'The service', 1_000)).resolves.toBe('done');
    await expect(withServiceDeadline(async () => Promise.reject(new Error('refused')), 'The service', 1_000)).rejects.toThrow('refused');
  });

  it('fails with ConnectionTimeout when time runs out, even for work that ignores its signal, and aborts the signal', async () => {
    let seen: AbortSignal | undefined;
    const call = withServiceDeadline((signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    }, 'Azure Resource Manager', 50);
    await expect(call).rejects.toMatchObject({ code: 'ConnectionTimeout', status: 504, message: 'Azure Resource Manager did not answer within 50 ms' });
    expect(seen?.aborted).toBe(true);
  });
});
