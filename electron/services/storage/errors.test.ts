import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { redactSecrets, storageError } from './errors';

/** The shape the storage SDK throws (a RestError): a message plus the service's code and the HTTP status. */
function restError(message: string, fields: { code: string; statusCode: number }): Error {
  return Object.assign(new Error(message), { name: 'RestError', ...fields });
}

const SIG = 'Zm9yZ2VkU2lnbmF0dXJlVmFsdWVUaGF0TXVzdE5vdExlYWs%3D';
const URL_WITH_SAS = `https://acct.blob.core.windows.net/outputs/run/a.txt?sv=2022-11-02&sp=r&se=2030-01-01&sig=${SIG}`;

describe('storage errors', () => {
  it('keeps the service code and status and the first line of its message', () => {
    const error = restError('The specified container does not exist.\nRequestId:abc\nTime:2026-01-01T00:00:00Z', {
      code: 'ContainerNotFound',
      statusCode: 404,
    });
    expect(storageError(error).toJSON()).toEqual({ code: 'ContainerNotFound', message: 'The specified container does not exist.', status: 404 });
  });

  it('never carries a SAS signature, a URL query, a key or a stack', () => {
    const key = 'c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1uZXZlci1sZWFr';
    const rest = restError(`Server failed to authenticate ${URL_WITH_SAS} sig=${SIG} with ${key}`, { code: 'AuthenticationFailed', statusCode: 403 });
    const network = new Error(`connect ECONNREFUSED for ${URL_WITH_SAS}`);
    const own = new AppError({ code: 'X', message: `failed at ${URL_WITH_SAS}`, status: 400 });
    for (const error of [rest, network, own]) {
      const shape = storageError(error, [key]).toJSON();
      const text = JSON.stringify(shape);
      expect(text).not.toContain(SIG);
      expect(text).not.toContain(decodeURIComponent(SIG));
      expect(text).not.toContain(key);
      expect(text).not.toContain('sp=r');
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(storageError(rest).toJSON()).toMatchObject({ code: 'AuthenticationFailed', status: 403 });
    expect(storageError(network).toJSON()).toMatchObject({ code: 'ServiceUnreachable', status: 502 });
  });

  it('redacts connection-string keys and bearer tokens too', () => {
    const text = redactSecrets('AccountKey=abc123==;x Authorization: Bearer eyJhbGciOi.abc.def');
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('eyJhbGciOi');
  });

  it('reports an abort as a cancellation', () => {
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    expect(storageError(abort).toJSON()).toMatchObject({ code: 'Cancelled', status: 499 });
  });
});
