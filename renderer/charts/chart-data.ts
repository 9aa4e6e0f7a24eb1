// Pure mapping from a sampled ChartSeries to what the chart draws and what it tells screen readers and tests.
import type { ChartSeries } from '../../shared/models';

/** One line (or stacked area) of a chart: the series value key, its label and an optional colour. */
export interface ChartLine {
  key: string;
  label: string;
  color?: string;
}

/** One chart row: the timestamp plus one number per drawn line (absent when the sample lacks that value). */
export type ChartRow = { t: number } & Record<string, number | undefined>;

/** Rows for the drawn lines only; a stacked chart treats a missing value as 0 so the stack never breaks. */
export function toChartRows(series: ChartSeries | undefined, lines: readonly ChartLine[], stacked: boolean): ChartRow[] {
  if (!series) return [];
  return series.points.map((point) => {
    const row: ChartRow = { t: point.t };
    for (const line of lines) {
      const value = point.values[line.key];
      row[line.key] = value ?? (stacked ? 0 : undefined);
    }
    return row;
  });
}

/** True when there is nothing worth drawing: no points, or no drawn line has a value in any point. */
export function isSeriesEmpty(series: ChartSeries | undefined, lines: readonly ChartLine[]): boolean {
  if (!series || series.points.length === 0) return true;
  return !series.points.some((p) => lines.some((l) => p.values[l.key] !== undefined));
}

/** The newest point's values for the drawn lines (missing ones left out), or undefined for an empty series. */
export function latestValues(series: ChartSeries | undefined, lines: readonly ChartLine[]): { t: number; values: Record<string, number> } | undefined {
  const last = series?.points.at(-1);
  if (!last) return undefined;
  const values: Record<string, number> = {};
  for (const line of lines) {
    const value = last.values[line.key];
    if (value !== undefined) values[line.key] = value;
  }
  return { t: last.t, values };
}

/** `key:value` pairs of the latest point, comma-separated: a stable form for data attributes and tests. */
export function latestDataAttribute(series: ChartSeries | undefined, lines: readonly ChartLine[]): string {
  const latest = latestValues(series, lines);
  if (!latest) return '';
  return lines
    .filter((l) => latest.values[l.key] !== undefined)
    .map((l) => `${l.key}:${latest.values[l.key]}`)
    .join(',');
}

/** A sentence for screen readers: the latest values by label and when they were sampled. */
export function latestSummary(series: ChartSeries | undefined, lines: readonly ChartLine[], emptyText: string): string {
  const latest = latestValues(series, lines);
  if (!latest || Object.keys(latest.values).length === 0) return emptyText;
  const parts = lines.filter((l) => latest.values[l.key] !== undefined).map((l) => `${l.label} ${latest.values[l.key]}`);
  return `Latest (${new Date(latest.t).toLocaleTimeString()}): ${parts.join(', ')}`;
}

const DAY = 24 * 3_600_000;

/** Formats an axis tick: time of day for ranges up to a day, day and hour beyond. */
export function formatTick(t: number, rangeMs: number): string {
  const date = new Date(t);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  if (rangeMs <= DAY) return `${hh}:${mm}`;
  return `${date.getMonth() + 1}/${date.getDate()} ${hh}:00`;
}

/** The x-axis domain: the selected range ending now, starting no earlier than the oldest sample so young history fills the chart. */
export function timeDomain(series: ChartSeries | undefined, rangeMs: number, now: number): [number, number] {
  const newest = series?.points.at(-1)?.t ?? now;
  const end = Math.max(now, newest);
  const oldest = series?.points[0]?.t ?? end - rangeMs;
  const start = Math.max(end - rangeMs, Math.min(oldest, end - 60_000));
  return [start, end];
}

// Distinct hues that read on both light and dark backgrounds.
const PALETTE = ['#0f6cbd', '#13a10e', '#c50f1f', '#8764b8', '#ca5010', '#00b7c3', '#986f0b', '#e3008c', '#498205', '#4f6bed'];

/** The colour of the line at `index`: its own colour, else one from a fixed palette. */
export function lineColor(line: ChartLine, index: number): string {
  return line.color ?? PALETTE[index % PALETTE.length] ?? '#0f6cbd';
}
