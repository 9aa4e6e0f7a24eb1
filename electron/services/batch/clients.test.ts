import { describe, expect, it } from 'vitest';
import { serviceError } from './clients';

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
