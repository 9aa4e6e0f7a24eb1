import { AppError } from '../../../shared/errors';
import { CANCELLED } from '../files/runner';

interface StorageErrorLike {
  name?: string;
  statusCode?: number;
  code?: string;
  message?: string;
  details?: { errorCode?: unknown };
}

/** Removes anything that could carry a credential: SAS signatures, URL queries, account keys, bearer tokens. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/(https?:\/\/[^\s?"'<>]*)\?[^\s"'<>]*/gi, '$1')
    .replace(/([?&;\s]|^)(sig|signature|skoid|sktid|skt|ske|sks|skv)=[^&\s"'<>]*/gi, '$1$2=REDACTED')
    .replace(/(AccountKey|SharedAccessSignature)=[^;\s"'<>]*/gi, '$1=REDACTED')
    .replace(/Bearer\s+[A-Za-z0-9._~+/-]+=*/g, 'Bearer REDACTED');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('REDACTED');
  return out;
}

const STATUS_MESSAGES: Record<number, string> = {
  403: 'The storage account refused the request (no permission, or the credential has expired)',
  404: 'The container or blob does not exist',
  409: 'The container or blob is in a conflicting state',
};

/** Maps a storage SDK failure to the shared error shape with the service's own code; never a key, SAS or stack. */
export function storageError(error: unknown, secrets: readonly string[] = []): AppError {
  if (error instanceof AppError) {
    if (error.code === CANCELLED) return error;
    return new AppError({ code: error.code, message: redactSecrets(error.message, secrets), ...(error.status !== undefined ? { status: error.status } : {}) });
  }
  const e = (error ?? {}) as StorageErrorLike;
  if (e.name === 'AbortError') return new AppError({ code: CANCELLED, message: 'The operation was cancelled', status: 499 });
  if (typeof e.statusCode === 'number' && e.statusCode > 0) {
    const detailCode = typeof e.details?.errorCode === 'string' ? e.details.errorCode : undefined;
    const code = detailCode ?? (typeof e.code === 'string' && e.code && !e.code.startsWith('REQUEST_') ? e.code : `Http${e.statusCode}`);
    // The service's message ends with RequestId and Time lines; the first line is the one a user can act on.
    const first = (e.message ?? '').split('\n')[0]?.trim();
    const message = first || STATUS_MESSAGES[e.statusCode] || `The storage service answered ${e.statusCode}`;
    return new AppError({ code, message: redactSecrets(message, secrets), status: e.statusCode });
  }
  const message = typeof e.message === 'string' && e.message ? e.message : 'The storage service could not be reached';
  return new AppError({ code: 'ServiceUnreachable', message: redactSecrets(message, secrets), status: 502 });
}

/** Runs storage work, mapping whatever it throws through `storageError`. */
export async function storageCall<T>(work: () => Promise<T>, secrets: readonly string[] = []): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageError(error, secrets);
  }
}
