import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import type { ServiceClientCredentials } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import { REQUEST_TIMEOUT_MS, withServiceDeadline } from '../deadline';


/** A data-plane client for an account authenticated with its shared key. */
export function sharedKeyClient(url: string, accountName: string, key: string): BatchServiceClient {
  return new BatchServiceClient(new BatchSharedKeyCredentials(accountName, key), url);
}

/** A data-plane client for any credentials that sign requests (shared key or an Entra ID token adapter). */
export function batchClient(url: string, credentials: ServiceClientCredentials): BatchServiceClient {
  return new BatchServiceClient(credentials, url);
}

interface ServiceErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  body?: { code?: unknown; message?: unknown; values?: unknown };
}

/** The service's detail pairs (e.g. which property was invalid and why), as plain `{ key, value }` strings. */
function serviceValues(body: ServiceErrorLike['body']): { key: string; value: string }[] | undefined {
  if (!Array.isArray(body?.values)) return undefined;
  const pairs = body.values
    .map((v: { key?: unknown; value?: unknown }) => ({ key: String(v?.key ?? ''), value: String(v?.value ?? '') }))
    .filter((v) => v.key || v.value);
  return pairs.length ? pairs : undefined;
}

function serviceMessage(body: ServiceErrorLike['body']): string | undefined {
  const message = body?.message;
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && typeof (message as { value?: unknown }).value === 'string') {
    return (message as { value: string }).value;
  }
  return undefined;
}

/** Turns an SDK failure into an AppError carrying the service's own code and message. */
export function serviceError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as ServiceErrorLike;
  if (typeof e.statusCode === 'number') {
    const code = typeof e.body?.code === 'string' ? e.body.code : typeof e.code === 'string' && e.code ? e.code : `Http${e.statusCode}`;
    const message = serviceMessage(e.body) ?? e.message ?? `The service answered ${e.statusCode}`;
    const values = serviceValues(e.body);
    return new AppError({ code, message: message.split('\n')[0] ?? message, status: e.statusCode, ...(values ? { details: { values } } : {}) });
  }
  if (e.code === 'REQUEST_ABORTED_ERROR') {
    return new AppError({ code: 'ConnectionTimeout', message: 'The service did not answer in time', status: 504 });
  }
  return new AppError({ code: 'ServiceUnreachable', message: e.message ?? 'The service could not be reached', status: 502 });
}

/**
 * Runs one SDK call with a deadline, mapping its failure to an AppError. The deadline holds even where the signal
 * cannot reach: a token request to Entra ID that never answers happens before the SDK sends anything.
 */
export function withDeadline<T>(call: (signal: AbortSignal) => Promise<T>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
  return withServiceDeadline(
    async (signal) => {
      try {
        return await call(signal);
      } catch (error) {
        throw serviceError(error);
      }
    },
    'The Batch service',
    timeoutMs,
  );
}
