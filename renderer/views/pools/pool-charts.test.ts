import { describe, expect, it } from 'vitest';
import type { ChartSeries } from '../../../shared/models';
import { nodeStateLines, usageLines } from './pool-charts';
import { nodeStateColors } from './node-states';

const series = (points: Record<string, number>[]): ChartSeries => ({
  key: 'k',
  resolutionMs: 10_000,
  points: points.map((values, i) => ({ t: i * 10_000, values })),
});

describe('nodeStateLines', () => {
  it('always draws running and idle, in state order, in heatmap colours', () => {
    const lines = nodeStateLines(undefined, 'light');
    expect(lines.map((l) => l.key)).toEqual(['running', 'idle']);
    expect(lines[0]?.color).toBe(nodeStateColors('light').running);
  });

  it('adds a state once any sample in view has such nodes', () => {
    const lines = nodeStateLines(series([{ idle: 3, starting: 0, total: 3 }, { idle: 0, leavingPool: 2, starting: 1, total: 3 }]), 'dark');
    expect(lines.map((l) => l.key)).toEqual(['running', 'idle', 'starting', 'leavingPool']);
    expect(lines.map((l) => l.key)).not.toContain('total');
  });
});

describe('usageLines', () => {
  it('draws running tasks and used slots', () => {
    expect(usageLines('light').map((l) => l.key)).toEqual(['runningTasks', 'usedSlots']);
  });
});
