import { describe, expect, it } from 'vitest';
import { AppError, ErrorCodes } from '../../shared/errors';
import { QUERY_DEFAULTS, createQueryClient, isPermanentError, retryDelay, shouldRetry } from './query-client';

const err = (code: string, status?: number) =>
  new AppError(status === undefined ? { code, message: code } : { code, message: code, status });

describe('retry policy', () => {
  it('never retries 4xx AppErrors', () => {
    for (const status of [400, 401, 403, 404, 409, 499]) {
      expect(shouldRetry(0, err('Whatever', status))).toBe(false);
    }
  });

  it('never retries permanent app codes even without a status', () => {
    for (const code of [ErrorCodes.badRequest, ErrorCodes.unknownCall, ErrorCodes.forbiddenSender]) {
      expect(isPermanentError(err(code))).toBe(true);
      expect(shouldRetry(0, err(code))).toBe(false);
    }
  });

  it('retries 5xx, transport and unknown errors up to the limit', () => {
    const transient = [err('ServerBusy', 503), err(ErrorCodes.transport), err(ErrorCodes.transport, 500), new Error('x')];
    for (const error of transient) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(QUERY_DEFAULTS.maxRetries - 1, error)).toBe(true);
      expect(shouldRetry(QUERY_DEFAULTS.maxRetries, error)).toBe(false);
    }
  });

  it('backs off exponentially up to the cap', () => {
    expect(retryDelay(0)).toBe(1_000);
    expect(retryDelay(1)).toBe(2_000);
    expect(retryDelay(2)).toBe(4_000);
    expect(retryDelay(30)).toBe(QUERY_DEFAULTS.maxRetryDelayMs);
  });

  it('is wired into the QueryClient defaults, and mutations never retry', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.retry).toBe(shouldRetry);
    expect(defaults.queries?.staleTime).toBe(QUERY_DEFAULTS.staleTime);
    expect(defaults.queries?.refetchOnWindowFocus).toBe(QUERY_DEFAULTS.refetchOnWindowFocus);
    expect(defaults.mutations?.retry).toBe(false);
  });

  it('with the defaults alone, stops a 404 query after one attempt but retries a transport failure', async () => {
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
    let notFoundAttempts = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['nf'],
        queryFn: async () => {
          notFoundAttempts += 1;
          throw err('PoolNotFound', 404);
        },
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(notFoundAttempts).toBe(1);

    let transportAttempts = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['tr'],
        queryFn: async () => {
          transportAttempts += 1;
          throw err(ErrorCodes.transport);
        },
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(transportAttempts).toBe(QUERY_DEFAULTS.maxRetries + 1);
  });
});
