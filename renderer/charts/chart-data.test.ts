import { describe, expect, it } from 'vitest';
import type { ChartSeries } from '../../shared/models';
import { formatTick, isSeriesEmpty, latestDataAttribute, latestSummary, lineColor, timeDomain, toChartRows } from './chart-data';

const lines = [
  { key: 'idle', label: 'Idle' },
  { key: 'running', label: 'Running', color: '#123456' },
];
const series: ChartSeries = {
  key: 'pool:p1',
  resolutionMs: 10_000,
  points: [
    { t: 1_000, values: { idle: 3, running: 1, total: 4 } },
    { t: 11_000, values: { idle: 2 } },
    { t: 21_000, values: { idle: 0, running: 0, total: 0 } },
  ],
};

describe('toChartRows', () => {
  it('keeps only the drawn lines and leaves missing values out of line charts', () => {
    const rows = toChartRows(series, lines, false);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ t: 1_000, idle: 3, running: 1 });
    expect(rows[1]).toEqual({ t: 11_000, idle: 2, running: undefined });
  });

  it('fills missing values with 0 in stacked charts', () => {
    expect(toChartRows(series, lines, true)[1]).toEqual({ t: 11_000, idle: 2, running: 0 });
  });

  it('gives no rows without a series', () => {
    expect(toChartRows(undefined, lines, false)).toEqual([]);
  });
});

describe('isSeriesEmpty', () => {
  it('is empty without points or without any drawn value', () => {
    expect(isSeriesEmpty(undefined, lines)).toBe(true);
    expect(isSeriesEmpty({ ...series, points: [] }, lines)).toBe(true);
    expect(isSeriesEmpty(series, [{ key: 'usedSlots', label: 'Used slots' }])).toBe(true);
    expect(isSeriesEmpty(series, lines)).toBe(false);
  });
});

describe('latest point', () => {
  it('exposes the newest values as key:value pairs in line order', () => {
    expect(latestDataAttribute(series, lines)).toBe('idle:0,running:0');
    expect(latestDataAttribute(undefined, lines)).toBe('');
  });

  it('summarises the newest values by label for screen readers', () => {
    const text = latestSummary(series, lines, 'nothing');
    expect(text).toContain('Idle 0');
    expect(text).toContain('Running 0');
    expect(latestSummary(undefined, lines, 'nothing')).toBe('nothing');
  });
});

describe('axis', () => {
  it('formats ticks as time of day up to a day and with the date beyond', () => {
    const t = new Date(2024, 2, 5, 7, 9).getTime();
    expect(formatTick(t, 3_600_000)).toBe('07:09');
    expect(formatTick(t, 7 * 24 * 3_600_000)).toBe('3/5 07:00');
  });

  it('spans the range up to now but starts no earlier than the oldest sample', () => {
    expect(timeDomain(series, 3_600_000, 100_000)).toEqual([1_000, 100_000]);
    expect(timeDomain(series, 50_000, 100_000)).toEqual([50_000, 100_000]);
    expect(timeDomain(undefined, 600_000, 1_000_000)).toEqual([400_000, 1_000_000]);
  });

  it('uses the line colour when given and a palette colour otherwise', () => {
    expect(lineColor(lines[1]!, 1)).toBe('#123456');
    expect(lineColor(lines[0]!, 0)).not.toBe(lineColor({ key: 'x', label: 'x' }, 1));
  });
});
