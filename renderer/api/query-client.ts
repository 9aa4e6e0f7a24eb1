import { QueryClient } from '@tanstack/react-query';
import { AppError, ErrorCodes } from '../../shared/errors';

/** Named react-query defaults, so later pages share one policy instead of ad-hoc numbers. */
export const QUERY_DEFAULTS = {
  /** Batch state moves on its own; data older than this is refetched when a view mounts. */
  staleTime: 5_000,
  /** How long an unused result stays cached, so going back to a page is instant. */
  gcTime: 5 * 60_000,
  /** Coming back to the window is exactly when a monitor should be fresh. */
  refetchOnWindowFocus: true,
  /** Retries after the first failure for errors that may be transient. */
  maxRetries: 2,
  /** Upper bound of the exponential back-off between retries. */
  maxRetryDelayMs: 10_000,
} as const;

// Codes the app itself produces for a request that will fail the same way every time.
const PERMANENT_CODES: ReadonlySet<string> = new Set([
  ErrorCodes.badRequest,
  ErrorCodes.unknownCall,
  ErrorCodes.forbiddenSender,
]);

/** True when retrying cannot help: a 4xx answer (bad input, auth, not found) or a known permanent code. */
export function isPermanentError(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.status !== undefined && error.status >= 400 && error.status < 500) return true;
  return PERMANENT_CODES.has(error.code);
}

/** react-query retry policy: retry transient failures a few times, never 4xx or permanent errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isPermanentError(error)) return false;
  return failureCount < QUERY_DEFAULTS.maxRetries;
}

/** Exponential back-off for retries: 1 s, 2 s, 4 s … capped. */
export function retryDelay(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, QUERY_DEFAULTS.maxRetryDelayMs);
}

/** Builds a QueryClient with the app's defaults (tests build their own; the app uses `queryClient`). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: QUERY_DEFAULTS.staleTime,
        gcTime: QUERY_DEFAULTS.gcTime,
        refetchOnWindowFocus: QUERY_DEFAULTS.refetchOnWindowFocus,
        retry: shouldRetry,
        retryDelay,
      },
      // Mutations change Batch state; repeating one silently could, say, resize a pool twice.
      mutations: { retry: false },
    },
  });
}

/** The app's one QueryClient. */
export const queryClient = createQueryClient();
