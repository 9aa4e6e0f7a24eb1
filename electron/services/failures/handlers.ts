import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { AccountsService } from '../accounts/service';
import type { Handlers } from '../contract/dispatch';
import { failureSummary } from './summary';

/** Reading every failed task of a big job takes many pages, so the summary gets longer than one call's deadline. */
const SUMMARY_DEADLINE_MS = 120_000;

/** The failed-task debugging calls. */
export function failureHandlers(accounts: AccountsService): Pick<Handlers, 'failures.summary'> {
  return {
    'failures.summary': ({ accountId, jobId }) =>
      accounts.withClient(accountId, (client, signal) => failureSummary(client, jobId, signal as unknown as AbortSignalLike), SUMMARY_DEADLINE_MS),
  };
}
