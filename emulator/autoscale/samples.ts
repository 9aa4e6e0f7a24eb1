import type { SampleMethod } from './ast.js';
import { AutoscaleErrorCode, AutoscaleFormulaError, evaluationError, type SourcePosition } from './errors.js';
import type { Argument } from './functions.js';
import { SAMPLE_PERIOD_MS } from './names.js';
import { double, doubleVec, formatNumber, timeinterval, timestamp, type Value } from './values.js';

/** One recorded sample of a metric. */
export interface Sample {
  time: number;
  value: number;
}

/** A time window, in epoch milliseconds, holding samples with from < time <= to. */
interface Window {
  from: number;
  to: number;
}

/** Runs a sample method on a metric's recorded samples (oldest first) as of `now`. */
export function callSampleMethod(
  variable: string,
  method: SampleMethod,
  args: readonly Argument[],
  position: SourcePosition,
  samples: readonly Sample[],
  now: number,
): Value {
  switch (method) {
    case 'Count':
      return double(samples.length);
    case 'GetSamplePeriod':
      return timeinterval(SAMPLE_PERIOD_MS);
    case 'HistoryBeginTime': {
      const oldest = samples[0];
      if (oldest === undefined) throw insufficient(`${variable} has no samples`, position);
      return timestamp(oldest.time);
    }
    case 'GetSamplePercent':
      return double(percentAvailable(samples, windowOf(method, args, now, position)));
    case 'GetSample':
      return getSample(variable, args, position, samples, now);
  }
}

function getSample(variable: string, args: readonly Argument[], position: SourcePosition, samples: readonly Sample[], now: number): Value {
  const [first] = args;
  if (args.length === 1 && first?.value.type === 'double') {
    const wanted = Math.floor(first.value.value);
    if (!(wanted >= 0)) throw evaluationError(`GetSample needs a sample count of 0 or more, not ${formatNumber(first.value.value)}`, first.position);
    if (samples.length < wanted) {
      throw insufficient(`Insufficient data from data set: ${variable} wanted ${wanted} samples, received ${samples.length}`, position);
    }
    return doubleVec(samples.slice(samples.length - wanted).map((sample) => sample.value));
  }
  const last = args[args.length - 1];
  const hasPercent = args.length > 1 && last?.value.type === 'double';
  const window = windowOf('GetSample', hasPercent ? args.slice(0, -1) : args, now, position);
  if (hasPercent && last?.value.type === 'double') {
    const wanted = last.value.value;
    if (!(wanted >= 0 && wanted <= 100)) {
      throw evaluationError(`GetSample needs a sample percentage from 0 to 100, not ${formatNumber(wanted)}`, last.position);
    }
    const received = percentAvailable(samples, window);
    if (received < wanted) {
      throw insufficient(
        `Insufficient data from data set: ${variable} wanted ${formatNumber(wanted)}%, received ${formatNumber(Math.floor(received))}%`,
        position,
      );
    }
  }
  return doubleVec(inWindow(samples, window).map((sample) => sample.value));
}

/** Reads one or two time bounds (timestamps, or timeintervals counted back from now) into a window. */
function windowOf(method: SampleMethod, bounds: readonly Argument[], now: number, position: SourcePosition): Window {
  if (bounds.length === 0 || bounds.length > 2) {
    throw evaluationError(`${method} takes a start time and optionally an end time`, position);
  }
  const instants = bounds.map(({ value, position: at }) => {
    if (value.type === 'timeinterval') return now - value.value;
    if (value.type === 'timestamp') return value.value;
    throw evaluationError(`${method} takes timestamps or timeintervals here, not ${value.type}`, at);
  });
  const [start = now, end = now] = instants;
  return { from: Math.min(start, end), to: Math.max(start, end) };
}

function inWindow(samples: readonly Sample[], window: Window): readonly Sample[] {
  return samples.filter((sample) => sample.time > window.from && sample.time <= window.to);
}

/** The share of the samples the window could hold (one per sample period) that were recorded, capped at 100. */
function percentAvailable(samples: readonly Sample[], window: Window): number {
  const possible = Math.max(1, Math.floor((window.to - window.from) / SAMPLE_PERIOD_MS));
  return Math.min(100, (inWindow(samples, window).length / possible) * 100);
}

function insufficient(detail: string, position: SourcePosition): AutoscaleFormulaError {
  return new AutoscaleFormulaError(AutoscaleErrorCode.insufficientSamples, detail, position);
}
