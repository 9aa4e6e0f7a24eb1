// The chart time ranges the range selector offers; history.series accepts 1 min to 7 d.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The label of one chart range. */
export type ChartRangeLabel = '10 min' | '1 h' | '24 h' | '7 d';

/** The ranges offered by RangeSelector, shortest first. */
export const CHART_RANGES: { label: ChartRangeLabel; ms: number }[] = [
  { label: '10 min', ms: 10 * MINUTE },
  { label: '1 h', ms: HOUR },
  { label: '24 h', ms: 24 * HOUR },
  { label: '7 d', ms: 7 * 24 * HOUR },
];

/** The range a chart opens with. */
export const DEFAULT_CHART_RANGE_MS = HOUR;
