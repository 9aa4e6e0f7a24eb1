// Builders for the autoscale tests: evaluation inputs and synthetic sample series.
import type { AutoscaleInputs, SampleSeries } from './index.js';
import { SAMPLE_PERIOD_MS } from './names.js';

/** Monday 2024-01-15 10:00:00 UTC, a working hour on a weekday. */
export const MONDAY_10AM = Date.UTC(2024, 0, 15, 10, 0, 0);

/** Inputs for a pool with no samples, no targets and the default deallocation option, plus any overrides. */
export function inputs(overrides: Partial<AutoscaleInputs> = {}): AutoscaleInputs {
  return {
    now: MONDAY_10AM,
    variables: {},
    samples: {},
    initial: { targetDedicated: 0, targetLowPriority: 0, nodeDeallocationOption: 'requeue' },
    ...overrides,
  };
}

/** Where in time a synthetic series sits: `skipNewestMs` leaves a gap before now, `periodMs` spaces samples. */
export interface SeriesShape {
  skipNewestMs?: number;
  periodMs?: number;
}

/**
 * `count` samples ending at `now` (oldest first), one every sample period; `value` gives the value of
 * the i-th newest sample (0 is the newest).
 */
export function series(now: number, count: number, value: number | ((newestFirstIndex: number) => number), shape: SeriesShape = {}): SampleSeries {
  const period = shape.periodMs ?? SAMPLE_PERIOD_MS;
  const newest = now - (shape.skipNewestMs ?? 0);
  const samples = Array.from({ length: count }, (_, i) => ({
    time: newest - i * period,
    value: typeof value === 'number' ? value : value(i),
  }));
  return { samples: samples.reverse() };
}

/** A seeded linear congruential generator, so rand() is repeatable in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
