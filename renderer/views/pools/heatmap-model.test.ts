import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  RUNNING_SHADES,
  buildHeatmapModel,
  cellOrigin,
  colorSlot,
  computeLayout,
  heatmapPalette,
  hitTest,
  mixColors,
  moveHighlight,
  runningShade,
  stateSummary,
} from './heatmap-model';
import { NODE_STATES, nodeStateColors, nodeStateIndex } from './node-states';

describe('colours and shading', () => {
  it('gives each non-running state its own slot and unknown names the unknown slot', () => {
    expect(colorSlot('idle', 0, 4)).toBe(nodeStateIndex('idle'));
    expect(colorSlot('startTaskFailed', undefined, 1)).toBe(nodeStateIndex('startTaskFailed'));
    expect(colorSlot('somethingNew', 0, 1)).toBe(nodeStateIndex('unknown'));
    expect(colorSlot(undefined, 0, 1)).toBe(nodeStateIndex('unknown'));
  });

  it('shades running nodes by the share of slots in use, busiest darkest', () => {
    expect(runningShade(0, 4)).toBe(0);
    expect(runningShade(1, 4)).toBe(0);
    expect(runningShade(2, 4)).toBe(1);
    expect(runningShade(3, 4)).toBe(2);
    expect(runningShade(4, 4)).toBe(RUNNING_SHADES - 1);
    expect(runningShade(9, 4)).toBe(RUNNING_SHADES - 1);
    expect(runningShade(1, undefined)).toBe(RUNNING_SHADES - 1);
    expect(colorSlot('running', 4, 4)).toBe(NODE_STATES.length + RUNNING_SHADES - 1);
  });

  it('builds a palette with a slot for every state and shade, full running colour last', () => {
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      const palette = heatmapPalette(theme);
      expect(palette).toHaveLength(NODE_STATES.length + RUNNING_SHADES);
      expect(palette.at(-1)).toBe(nodeStateColors(theme).running);
      expect(new Set(palette.slice(NODE_STATES.length)).size).toBe(RUNNING_SHADES);
      for (const color of palette) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('mixes two colours by weight', () => {
    expect(mixColors('#ff0000', '#0000ff', 1)).toBe('#ff0000');
    expect(mixColors('#ff0000', '#0000ff', 0)).toBe('#0000ff');
    expect(mixColors('#ffffff', '#000000', 0.5)).toBe('#808080');
  });
});

describe('buildHeatmapModel', () => {
  it('assigns a slot per node and counts states, keeping unknown names as sent', () => {
    const model = buildHeatmapModel(
      [
        { id: 'a', state: 'idle' },
        { id: 'b', state: 'running', runningTaskSlotsCount: 2 },
        { id: 'c', state: 'idle' },
        { id: 'd', state: 'deallocated' },
      ],
      2,
    );
    expect(model.count).toBe(4);
    expect([...model.slots]).toEqual([
      nodeStateIndex('idle'),
      NODE_STATES.length + RUNNING_SHADES - 1,
      nodeStateIndex('idle'),
      nodeStateIndex('unknown'),
    ]);
    expect(stateSummary(model.byState)).toBe('running:1,idle:2,deallocated:1');
  });

  it('summarises an empty pool as an empty string', () => {
    expect(stateSummary(buildHeatmapModel([], 1).byState)).toBe('');
  });
});

describe('computeLayout', () => {
  it('uses the largest cells for a few nodes', () => {
    const layout = computeLayout(3, 800);
    expect(layout.cell).toBe(DEFAULT_LIMITS.maxCell);
    expect(layout.rows).toBe(1);
    expect(layout.cols * layout.pitch).toBeLessThanOrEqual(800 + layout.pitch - layout.cell);
  });

  it('shrinks cells so a big pool fits the height, and never below the minimum', () => {
    const big = computeLayout(5_000, 1_000);
    expect(big.cell).toBeLessThan(DEFAULT_LIMITS.maxCell);
    expect(big.height).toBeLessThanOrEqual(DEFAULT_LIMITS.maxHeight);
    expect(big.cols * big.rows).toBeGreaterThanOrEqual(5_000);
    const huge = computeLayout(20_000, 300);
    expect(huge.cell).toBe(DEFAULT_LIMITS.minCell);
    expect(huge.cols * huge.rows).toBeGreaterThanOrEqual(20_000);
    expect(huge.height).toBeGreaterThan(DEFAULT_LIMITS.maxHeight);
  });

  it('keeps at least one column on a very narrow canvas', () => {
    const layout = computeLayout(5, 1);
    expect(layout.cols).toBe(1);
    expect(layout.rows).toBe(5);
  });
});

describe('hitTest', () => {
  const layout = computeLayout(10, 4 * 30 - 2, { maxCell: 28, minCell: 4, maxHeight: 1_000 });

  it('lays out 4 columns of 28 px cells with 2 px gaps', () => {
    expect(layout).toMatchObject({ cols: 4, cell: 28, pitch: 30, rows: 3 });
  });

  it('finds the cell under a point and round-trips with cellOrigin', () => {
    expect(hitTest(layout, 0, 0)).toBe(0);
    expect(hitTest(layout, 31, 1)).toBe(1);
    expect(hitTest(layout, 5, 35)).toBe(4);
    for (let i = 0; i < 10; i++) {
      const { x, y } = cellOrigin(layout, i);
      expect(hitTest(layout, x + 27, y + 27)).toBe(i);
    }
  });

  it('misses gaps, points outside and cells past the last node', () => {
    expect(hitTest(layout, 28.5, 5)).toBe(-1);
    expect(hitTest(layout, -1, 5)).toBe(-1);
    expect(hitTest(layout, 125, 5)).toBe(-1);
    expect(hitTest(layout, 65, 65)).toBe(-1);
  });
});

describe('moveHighlight', () => {
  const layout = computeLayout(10, 4 * 30 - 2, { maxCell: 28, minCell: 4, maxHeight: 1_000 });

  it('moves by one cell sideways and by a row up and down', () => {
    expect(moveHighlight(5, 'ArrowRight', layout)).toBe(6);
    expect(moveHighlight(5, 'ArrowLeft', layout)).toBe(4);
    expect(moveHighlight(5, 'ArrowDown', layout)).toBe(9);
    expect(moveHighlight(5, 'ArrowUp', layout)).toBe(1);
  });

  it('stays inside the grid at its edges', () => {
    expect(moveHighlight(0, 'ArrowLeft', layout)).toBe(0);
    expect(moveHighlight(1, 'ArrowUp', layout)).toBe(1);
    expect(moveHighlight(7, 'ArrowDown', layout)).toBe(7);
    expect(moveHighlight(9, 'ArrowRight', layout)).toBe(9);
    expect(moveHighlight(3, 'End', layout)).toBe(9);
    expect(moveHighlight(8, 'Home', layout)).toBe(0);
  });

  it('starts at the first cell when nothing is highlighted and ignores other keys', () => {
    expect(moveHighlight(-1, 'ArrowRight', layout)).toBe(0);
    expect(moveHighlight(-1, 'ArrowDown', layout)).toBe(0);
    expect(moveHighlight(2, 'a', layout)).toBeUndefined();
    expect(moveHighlight(0, 'ArrowRight', computeLayout(0, 100))).toBeUndefined();
  });
});
