import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSeries } from '../../shared/models';
import { formatTick, isSeriesEmpty, latestDataAttribute, latestSummary, lineColor, timeDomain, toChartRows, type ChartLine } from './chart-data';

const useStyles = makeStyles({
  figure: { margin: 0, position: 'relative', minWidth: 0 },
  empty: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  summary: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** Props of TimeSeriesChart. */
export interface TimeSeriesChartProps {
  series: ChartSeries | undefined;
  lines: ChartLine[];
  /** Draws stacked areas instead of lines (parts of a whole, such as nodes by state). */
  stacked?: boolean;
  height?: number;
  /** Shown instead of the chart while the series has no points. */
  emptyText?: string;
  /** The range the series was asked for; sets the axis span and tick format. Defaults to the series' own span. */
  rangeMs?: number;
  'aria-label': string;
}

/**
 * A time-series chart of sampled history. The newest point is exposed as `data-latest` ("key:value,…"),
 * `data-latest-t` and `data-point-count`, and read out as a visually hidden summary.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { series, lines, stacked = false, height = 220, emptyText = 'No samples yet', rangeMs } = props;
  const styles = useStyles();
  const summaryId = useId();
  const rows = useMemo(() => toChartRows(series, lines, stacked), [series, lines, stacked]);
  const empty = isSeriesEmpty(series, lines);
  const span = rangeMs ?? Math.max(60_000, (series?.points.at(-1)?.t ?? 0) - (series?.points[0]?.t ?? 0));
  // The newest sample stands in for "now": the sampler writes one every few seconds, and render must stay pure.
  const domain = useMemo(() => timeDomain(series, span, series?.points.at(-1)?.t ?? 0), [series, span]);
  const summary = latestSummary(series, lines, emptyText);

  return (
    <figure
      className={styles.figure}
      role="group"
      aria-label={props['aria-label']}
      aria-describedby={summaryId}
      data-testid="time-series-chart"
      data-point-count={series?.points.length ?? 0}
      data-latest={latestDataAttribute(series, lines)}
      data-latest-t={series?.points.at(-1)?.t ?? ''}
    >
      <span id={summaryId} className={styles.summary} aria-live="polite">
        {summary}
      </span>
      {empty ? (
        <div className={styles.empty} style={{ height }}>
          {emptyText}
        </div>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {stacked ? (
            <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              {axes(domain, span)}
              {lines.map((line, i) => (
                <Area
                  key={line.key}
                  dataKey={line.key}
                  name={line.label}
                  stackId="stack"
                  type="stepAfter"
                  stroke={lineColor(line, i)}
                  fill={lineColor(line, i)}
                  fillOpacity={0.55}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          ) : (
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              {axes(domain, span)}
              {lines.map((line, i) => (
                <Line
                  key={line.key}
                  dataKey={line.key}
                  name={line.label}
                  type="stepAfter"
                  stroke={lineColor(line, i)}
                  strokeWidth={2}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** The shared axes, grid, tooltip and legend (children of a recharts chart must be direct elements). */
function axes(domain: [number, number], span: number) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />,
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      scale="time"
      domain={domain}
      allowDataOverflow
      tickFormatter={(t: number) => formatTick(t, span)}
      stroke="currentColor"
      fontSize={11}
    />,
    <YAxis key="y" allowDecimals={false} width={40} stroke="currentColor" fontSize={11} />,
    <Tooltip
      key="tip"
      labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
      contentStyle={{ background: 'var(--colorNeutralBackground1)', border: '1px solid var(--colorNeutralStroke1)' }}
    />,
    <Legend key="legend" wrapperStyle={{ fontSize: 12 }} />,
  ];
}
