import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '../../shared/errors';
import type { FailureSummary } from '../../shared/models';
import { useClient } from './client-context';
import { livePolling } from './history';
import { POLL_FAILURES_MS } from './intervals';
import { failureKeys } from './keys';

/** A job's failed tasks grouped by cause and by node (`failures.summary`), polled on POLL_FAILURES_MS. */
export function useFailureSummary(accountId: string | undefined, jobId: string): UseQueryResult<FailureSummary, AppError> {
  const client = useClient();
  return useQuery<FailureSummary, AppError>({
    queryKey: failureKeys.summary(accountId ?? '', jobId),
    queryFn: () => client.call('failures.summary', { accountId: accountId ?? '', jobId }),
    enabled: accountId !== undefined,
    ...livePolling(POLL_FAILURES_MS),
  });
}
