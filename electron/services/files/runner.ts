import type { AbortSignalLike } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import type { AccountsService } from '../accounts/service';
import { fileOps, type FileOps, type FileSource } from './source';

/** Runs one request's worth of file work with fresh operations under its own deadline. */
export type OpsRunner = <T>(work: (ops: FileOps) => Promise<T>, timeoutMs?: number) => Promise<T>;

/** Builds the runner for one account and source; `cancel` (when given) aborts whatever request is in flight. */
export type RunnerFactory = (accountId: string, source: FileSource, cancel?: AbortSignal) => OpsRunner;

/** The code a cancelled long file operation fails with, so callers can tell it from a service failure. */
export const CANCELLED = 'Cancelled';

/** Throws the cancellation error when the signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError({ code: CANCELLED, message: 'The operation was cancelled', status: 499 });
}

/** The production runner: each request gets the account's client and a deadline of its own, joined with `cancel`. */
export function accountRunner(accounts: AccountsService): RunnerFactory {
  return (accountId, source, cancel) =>
    async (work, timeoutMs) => {
      throwIfCancelled(cancel);
      try {
        return await accounts.withClient(
          accountId,
          (client, deadline) => {
            const signal = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
            return work(fileOps(client, source, signal as unknown as AbortSignalLike));
          },
          timeoutMs,
        );
      } catch (error) {
        // An abort from `cancel` surfaces from the SDK as a timeout; report it as what it was.
        throwIfCancelled(cancel);
        throw error;
      }
    };
}
