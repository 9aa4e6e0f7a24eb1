import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError, type AutoscaleInputs, evaluateFormula, SAMPLE_PERIOD_MS } from './index.js';
import { inputs, MONDAY_10AM, series } from './testInputs.js';

const NOW = MONDAY_10AM;
const MINUTE = 60_000;

/** Twenty samples, newest at now: all of the last ten minutes; the newest is 20 and the oldest 1. */
const FULL = series(NOW, 20, (i) => 20 - i);
/** The same ten minutes with the newest minute missing: 18 samples. */
const LAST_MINUTE_MISSING = series(NOW, 18, (i) => 18 - i, { skipNewestMs: MINUTE });

function value(expression: string, overrides: Partial<AutoscaleInputs>): string {
  const { results } = evaluateFormula(`r = ${expression};`, inputs(overrides));
  return results.slice(results.indexOf(';r=') + 3);
}

function failure(expression: string, overrides: Partial<AutoscaleInputs> = {}): AutoscaleFormulaError {
  try {
    evaluateFormula(`r = ${expression};`, inputs(overrides));
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

const cpu = (samples: AutoscaleInputs['samples'][string]): Partial<AutoscaleInputs> => ({ samples: { $CPUPercent: samples } });

describe('GetSample(count)', () => {
  it('returns the newest samples, oldest first', () => {
    expect(value('$CPUPercent.GetSample(1)', cpu(FULL))).toBe('[20]');
    expect(value('$CPUPercent.GetSample(3)', cpu(FULL))).toBe('[18,19,20]');
    expect(value('$CPUPercent.GetSample(0)', cpu(FULL))).toBe('[]');
  });

  it('fails with InsufficientSampleData when fewer samples exist than asked for', () => {
    const error = failure('$PendingTasks.GetSample(1)');
    expect(error.code).toBe('InsufficientSampleData');
    expect(error.message).toBe('Autoscale evaluation failed due to insufficient sample data');
    expect(error.values).toEqual([{ key: 'Message', value: 'Line 1, Col 5: Insufficient data from data set: $PendingTasks wanted 1 samples, received 0' }]);
    expect(failure('$CPUPercent.GetSample(21)', cpu(FULL)).detail).toBe('Insufficient data from data set: $CPUPercent wanted 21 samples, received 20');
  });

  it('rejects a negative count', () => {
    expect(failure('$CPUPercent.GetSample(-1)', cpu(FULL)).detail).toBe('GetSample needs a sample count of 0 or more, not -1');
  });
});

describe('GetSample(time window [, samplePercent]), as the docs describe it', () => {
  it('returns 20 samples for ten minutes of full history and 18 when the last minute is missing', () => {
    expect(value('len($CPUPercent.GetSample(TimeInterval_Minute * 10))', cpu(FULL))).toBe('20');
    expect(value('len($CPUPercent.GetSample(TimeInterval_Minute * 10))', cpu(LAST_MINUTE_MISSING))).toBe('18');
    expect(value('$CPUPercent.GetSample(TimeInterval_Minute * 2)', cpu(FULL))).toBe('[17,18,19,20]');
  });

  it('fails a 95% requirement when 90% is there and passes an 80% one', () => {
    const error = failure('$CPUPercent.GetSample(TimeInterval_Minute * 10, 95)', cpu(LAST_MINUTE_MISSING));
    expect(error.code).toBe('InsufficientSampleData');
    expect(error.values[0]?.value).toBe('Line 1, Col 5: Insufficient data from data set: $CPUPercent wanted 95%, received 90%');
    expect(value('len($CPUPercent.GetSample(TimeInterval_Minute * 10, 80))', cpu(LAST_MINUTE_MISSING))).toBe('18');
  });

  it('reads a look-back start and end as a window, in either order', () => {
    const running = { samples: { $RunningTasks: series(NOW, 20, 1) } };
    expect(value('$RunningTasks.GetSample(1 * TimeInterval_Minute, 6 * TimeInterval_Minute)', running)).toBe('[1,1,1,1,1,1,1,1,1,1]');
    expect(value('len($RunningTasks.GetSample(6 * TimeInterval_Minute, 1 * TimeInterval_Minute))', running)).toBe('10');
    expect(value('len($RunningTasks.GetSample(60 * TimeInterval_Second, 120 * TimeInterval_Second, 75))', running)).toBe('2');
  });

  it('applies the percentage to a start-and-end window', () => {
    const sparse = { samples: { $RunningTasks: series(NOW, 1, 4, { skipNewestMs: 90_000 }) } };
    const error = failure('$RunningTasks.GetSample(60 * TimeInterval_Second, 120 * TimeInterval_Second, 75)', sparse);
    expect(error.detail).toBe('Insufficient data from data set: $RunningTasks wanted 75%, received 50%');
    expect(value('$RunningTasks.GetSample(60 * TimeInterval_Second, 120 * TimeInterval_Second, 50)', sparse)).toBe('[4]');
  });

  it('takes timestamps as well as timeintervals', () => {
    const from = 'time("2024-01-15T09:58:00Z")';
    expect(value(`$CPUPercent.GetSample(${from})`, cpu(FULL))).toBe('[17,18,19,20]');
    expect(value(`$CPUPercent.GetSample(${from}, time("2024-01-15T09:59:00Z"))`, cpu(FULL))).toBe('[17,18]');
    expect(value(`$CPUPercent.GetSample(TimeInterval_Minute, ${from}, 100)`, cpu(FULL))).toBe('[17,18]');
  });

  it('rejects malformed windows and percentages', () => {
    expect(failure('$CPUPercent.GetSample(5, 50)', cpu(FULL)).detail).toBe('GetSample takes timestamps or timeintervals here, not double');
    expect(failure('$CPUPercent.GetSample(TimeInterval_Minute, "x")', cpu(FULL)).detail).toBe(
      'GetSample takes timestamps or timeintervals here, not string',
    );
    expect(failure('$CPUPercent.GetSample(TimeInterval_Minute, 101)', cpu(FULL)).detail).toBe(
      'GetSample needs a sample percentage from 0 to 100, not 101',
    );
    expect(failure('$CPUPercent.GetSample(TimeInterval_Minute, TimeInterval_Hour, TimeInterval_Day)', cpu(FULL)).detail).toBe(
      'GetSample takes a start time and optionally an end time',
    );
  });

  it('reads the series in time order even when given out of order', () => {
    const shuffled = { samples: [...FULL.samples].reverse() };
    expect(value('$CPUPercent.GetSample(3)', cpu(shuffled))).toBe('[18,19,20]');
  });
});

describe('GetSamplePercent, GetSamplePeriod, Count and HistoryBeginTime', () => {
  it('gives the share of possible samples present, capped at 100', () => {
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)', cpu(FULL))).toBe('100');
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)', cpu(LAST_MINUTE_MISSING))).toBe('90');
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 20)', cpu(FULL))).toBe('50');
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 0, TimeInterval_Minute * 1)', cpu(LAST_MINUTE_MISSING))).toBe('0');
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)', {})).toBe('0');
    const dense = cpu(series(NOW, 40, 1, { periodMs: SAMPLE_PERIOD_MS / 2 }));
    expect(value('$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)', dense)).toBe('100');
  });

  it('rejects a double where the window goes', () => {
    expect(failure('$CPUPercent.GetSamplePercent(70)', cpu(FULL)).detail).toBe('GetSamplePercent takes timestamps or timeintervals here, not double');
  });

  it('reports the documented 30-second sample period', () => {
    expect(value('$CPUPercent.GetSamplePeriod()', cpu(FULL))).toBe('00:00:30');
    expect(value('$CPUPercent.GetSamplePeriod() == 30 * TimeInterval_Second', {})).toBe('1');
  });

  it('counts the whole history', () => {
    expect(value('$CPUPercent.Count()', cpu(FULL))).toBe('20');
    expect(value('$ActiveTasks.Count()', cpu(FULL))).toBe('0');
  });

  it('gives the oldest sample time, and fails when there is none', () => {
    expect(value('$CPUPercent.HistoryBeginTime()', cpu(FULL))).toBe('2024-01-15T09:50:30.000Z');
    const error = failure('1;\n$CPUPercent.HistoryBeginTime()');
    expect(error.code).toBe('InsufficientSampleData');
    expect(error.values[0]?.value).toBe('Line 2, Col 1: $CPUPercent has no samples');
  });
});

describe('sampled variables read as plain values', () => {
  it('use the measured value when there is one, else the newest sample', () => {
    expect(value('$ActiveTasks', { variables: { $ActiveTasks: 7 }, samples: { $ActiveTasks: series(NOW, 2, 3) } })).toBe('7');
    expect(value('$CPUPercent', cpu(FULL))).toBe('20');
    expect(value('$CurrentDedicated + 1', { variables: { $CurrentDedicatedNodes: 4 } })).toBe('5');
    expect(value('$CurrentDedicated.GetSample(1)', { samples: { $CurrentDedicatedNodes: series(NOW, 1, 6) } })).toBe('[6]');
  });

  it('are undefined when nothing was measured', () => {
    const error = failure('$CPUPercent * 2');
    expect(error.code).toBe('AutoScalingFormulaEvaluationError');
    expect(error.detail).toBe("'$CPUPercent' is not defined");
    expect(error.position).toEqual({ line: 1, column: 5 });
  });
});
