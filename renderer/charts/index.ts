// The one module that may import recharts: every chart in the app goes through these components.
export { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
export { RangeSelector, type RangeSelectorProps } from './RangeSelector';
export { CHART_RANGES, DEFAULT_CHART_RANGE_MS, type ChartRangeLabel } from './ranges';
export type { ChartLine } from './chart-data';
