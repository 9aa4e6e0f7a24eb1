import type { RequestContext } from './context.js';
import { BatchError } from './errors.js';

/** Request-level fault injection: throttling answers and added latency. */
export interface RequestFaultSettings {
  /** Fraction (0–1) of requests answered with `errorStatus` instead of being served. */
  errorRate: number;
  /** 429 (TooManyRequests) or 503 (ServerBusy). */
  errorStatus: 429 | 503;
  /** Seconds in the Retry-After header of those answers. */
  retryAfterSeconds: number;
  /** Milliseconds added before every request is served. */
  latencyMs: number;
  /** Up to this many more milliseconds, at random, on top of `latencyMs`. */
  latencyJitterMs: number;
}

/** Everything off: the default. */
export function noRequestFaults(): RequestFaultSettings {
  return { errorRate: 0, errorStatus: 503, retryAfterSeconds: 1, latencyMs: 0, latencyJitterMs: 0 };
}

/** The admin endpoints' path prefix; faults never apply to it, so they can always be turned off again. */
export const ADMIN_PREFIX = '/emulator/';

const ANSWERS = {
  429: { code: 'TooManyRequests', message: 'The request rate is too high. Please retry the request after the time given in Retry-After.' },
  503: { code: 'ServerBusy', message: 'The server is currently unable to receive requests. Please retry your request.' },
} as const;

/**
 * Applies request faults before routing. Failing requests are spread evenly rather than drawn at
 * random: at a rate of 0.25 exactly every fourth request fails, so tests are deterministic.
 */
export class RequestFaults {
  private credit = 0;

  /** Starts with the given settings (all off by default). */
  constructor(public settings: RequestFaultSettings = noRequestFaults()) {}

  /** Replaces the settings; the spreading of failures starts afresh. */
  configure(settings: RequestFaultSettings): void {
    this.settings = settings;
    this.credit = 0;
  }

  /** Delays the request, then answers it with a throttling error when its turn has come; true when answered. */
  async intercept(ctx: RequestContext, path: string): Promise<boolean> {
    if (path.toLowerCase().startsWith(ADMIN_PREFIX)) return false;
    const { latencyMs, latencyJitterMs, errorRate, errorStatus, retryAfterSeconds } = this.settings;
    const delay = latencyMs + (latencyJitterMs > 0 ? Math.random() * latencyJitterMs : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (errorRate <= 0) return false;
    this.credit += errorRate;
    if (this.credit < 1) return false;
    this.credit -= 1;
    const answer = ANSWERS[errorStatus];
    ctx.error(new BatchError(errorStatus, answer.code, answer.message), { 'Retry-After': String(retryAfterSeconds) });
    return true;
  }
}
