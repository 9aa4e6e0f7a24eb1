// Which lines the pool page's charts draw, coloured like the heatmap.
import type { ChartSeries } from '../../../shared/models';
import type { ChartLine } from '../../charts';
import type { ActiveTheme } from '../../theme/theme-resolution';
import { NODE_STATES, NODE_STATE_LABELS, nodeStateColors } from './node-states';

/** States always drawn, so the chart reads the same from one pool to the next. */
const ALWAYS: readonly string[] = ['running', 'idle'];

/** Stacked node-count lines: running and idle always, other states only if some sample in view has such nodes. */
export function nodeStateLines(series: ChartSeries | undefined, theme: ActiveTheme): ChartLine[] {
  const colors = nodeStateColors(theme);
  const seen = new Set<string>(ALWAYS);
  for (const point of series?.points ?? []) {
    for (const state of NODE_STATES) if ((point.values[state] ?? 0) > 0) seen.add(state);
  }
  return NODE_STATES.filter((s) => seen.has(s)).map((s) => ({ key: s, label: NODE_STATE_LABELS[s], color: colors[s] }));
}

/** The usage chart: running tasks and used slots. */
export function usageLines(theme: ActiveTheme): ChartLine[] {
  const colors = nodeStateColors(theme);
  return [
    { key: 'runningTasks', label: 'Running tasks', color: colors.running },
    { key: 'usedSlots', label: 'Used slots', color: colors.waitingForStartTask },
  ];
}
