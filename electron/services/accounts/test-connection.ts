import type { BatchServiceClient } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import { withDeadline } from '../batch/clients';
import { checkReachable, type ReachOptions } from './connection';

/**
 * Proves an account works before anything is saved: the network path first (name, port, TLS), then one cheap
 * authenticated call, listing pools with maxresults 1. Failures name the problem.
 */
export async function testAccountConnection(url: string, client: BatchServiceClient, options: ReachOptions = {}): Promise<void> {
  await checkReachable(url, options);
  try {
    await withDeadline(
      (signal) => client.pool.list({ poolListOptions: { maxResults: 1 }, abortSignal: signal as unknown as AbortSignalLike }),
      options.timeoutMs ?? 15_000,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'AuthenticationFailed') {
      throw new AppError({
        code: 'AuthenticationFailed',
        message: `The service refused the credentials (AuthenticationFailed): check the account name and key. ${error.message}`,
        status: 403,
      });
    }
    throw error;
  }
}
