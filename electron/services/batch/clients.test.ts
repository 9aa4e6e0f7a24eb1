import { describe, expect, it } from 'vitest';
import { serviceError, withDeadline } from './clients';

describe('serviceError', () => {
  it("keeps the service's code, first message line and detail values", () => {
    const error = Object.assign(new Error('raw'), {
      statusCode: 400,
      body: {
        code: 'InvalidPropertyValue',
        message: { lang: 'en-US', value: 'The value provided for one of the properties in the request body is invalid.\nRequestId:abc' },
        values: [
          { key: 'PropertyName', value: 'vmSize' },
          { key: 'Reason', value: 'The specified VM size is not supported' },
        ],
      },
    });
    expect(serviceError(error).toJSON()).toEqual({
      code: 'InvalidPropertyValue',
      message: 'The value provided for one of the properties in the request body is invalid.',
      status: 400,
      details: { values: [{ key: 'PropertyName', value: 'vmSize' }, { key: 'Reason', value: 'The specified VM size is not supported' }] },
    });
  });

  it('names an abandoned request as a timeout and anything else as unreachable', () => {
    expect(serviceError(Object.assign(new Error('aborted'), { code: 'REQUEST_ABORTED_ERROR' })).code).toBe('ConnectionTimeout');
    expect(serviceError(new Error('socket hang up')).code).toBe('ServiceUnreachable');
  });
});

describe('withDeadline', () => {
  it('maps what the SDK throws, and fails a call that never settles (a stalled token request) once time runs out', async () => {
    await expect(withDeadline(async () => Promise.reject(Object.assign(new Error('x'), { statusCode: 404, body: { code: 'JobNotFound' } })))).rejects.toMatchObject({
      code: 'JobNotFound',
      status: 404,
    });
    let seen: AbortSignal | undefined;
    const stalled = withDeadline((signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    }, 50);
    await expect(stalled).rejects.toMatchObject({ code: 'ConnectionTimeout', status: 504, message: 'The Batch service did not answer within 50 ms' });
    expect(seen?.aborted).toBe(true);
  });
});
