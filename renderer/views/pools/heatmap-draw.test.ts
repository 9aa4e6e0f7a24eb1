import { describe, expect, it } from 'vitest';
import { HEATMAP_DRAW_MEASURE, MAX_DRAW_MEASURES, drawHeatmap, groupBySlot, timedDraw, type DrawTiming, type HeatmapContext } from './heatmap-draw';
import { buildHeatmapModel, computeLayout, heatmapPalette } from './heatmap-model';

/** Records what a draw does: the rects of each fill, by colour. */
function recordingContext() {
  const fills: { color: string; rects: [number, number][] }[] = [];
  let pending: [number, number][] = [];
  const strokes: [number, number][] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    clearRect: () => undefined,
    beginPath: () => {
      pending = [];
    },
    rect: (x: number, y: number) => {
      pending.push([x, y]);
    },
    fill: () => {
      fills.push({ color: String(ctx.fillStyle), rects: pending });
    },
    strokeRect: (x: number, y: number) => {
      strokes.push([x, y]);
    },
  };
  return { ctx: ctx as unknown as HeatmapContext, fills, strokes };
}

const nodes = [
  { id: 'n0', state: 'idle' },
  { id: 'n1', state: 'running', runningTaskSlotsCount: 1 },
  { id: 'n2', state: 'idle' },
  { id: 'n3', state: 'offline' },
  { id: 'n4', state: 'idle' },
];

describe('groupBySlot', () => {
  it('lists every node once, grouped by slot, in index order within a slot', () => {
    const model = buildHeatmapModel(nodes, 1);
    const palette = heatmapPalette('light');
    const { order, starts } = groupBySlot(model, palette.length);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(starts.at(-1)).toBe(5);
    for (let s = 0; s < palette.length; s++) {
      const members = [...order.slice(starts[s], starts[s + 1])];
      for (const i of members) expect(model.slots[i]).toBe(s);
      expect(members).toEqual([...members].sort((a, b) => a - b));
    }
  });
});

describe('drawHeatmap', () => {
  it('fills once per colour in use, one rect per node at its grid position', () => {
    const model = buildHeatmapModel(nodes, 1);
    const palette = heatmapPalette('light');
    const layout = computeLayout(nodes.length, 300);
    const { ctx, fills, strokes } = recordingContext();
    drawHeatmap(ctx, model, layout, palette, undefined);
    expect(fills).toHaveLength(3);
    expect(fills.reduce((sum, f) => sum + f.rects.length, 0)).toBe(5);
    const idle = fills.find((f) => f.color === palette[model.slots[0]!]);
    expect(idle?.rects).toEqual([
      [0, 0],
      [2 * layout.pitch, 0],
      [4 * layout.pitch, 0],
    ]);
    expect(strokes).toEqual([]);
  });

  it('outlines the highlighted cell only when it exists', () => {
    const model = buildHeatmapModel(nodes, 1);
    const layout = computeLayout(nodes.length, 300);
    const first = recordingContext();
    drawHeatmap(first.ctx, model, layout, heatmapPalette('dark'), { index: 3, color: '#fff' });
    expect(first.strokes).toEqual([[3 * layout.pitch + 1, 1]]);
    const second = recordingContext();
    drawHeatmap(second.ctx, model, layout, heatmapPalette('dark'), { index: 99, color: '#fff' });
    expect(second.strokes).toEqual([]);
  });
});

describe('timedDraw', () => {
  function fakeTiming() {
    const marks = new Set<string>();
    const measures: string[] = [];
    const log: string[] = [];
    const timing = {
      mark: (name: string) => {
        marks.add(name);
        log.push(`mark ${name}`);
      },
      measure: (name: string, start: string) => {
        expect(marks.has(start)).toBe(true);
        measures.push(name);
        log.push(`measure ${name}`);
      },
      clearMarks: (name: string) => marks.delete(name),
      clearMeasures: (name: string) => measures.splice(0, measures.length, ...measures.filter((m) => m !== name)),
      getEntriesByName: (name: string) => measures.filter((m) => m === name),
    };
    return { timing: timing as unknown as DrawTiming, marks, measures, log };
  }

  it('records one heatmap-draw measure around the draw and leaves no mark behind', () => {
    const { timing, marks, measures, log } = fakeTiming();
    timedDraw(() => log.push('draw'), timing);
    expect(log).toEqual([`mark ${HEATMAP_DRAW_MEASURE}-start`, 'draw', `measure ${HEATMAP_DRAW_MEASURE}`]);
    expect(measures).toEqual([HEATMAP_DRAW_MEASURE]);
    expect(marks.size).toBe(0);
  });

  it('bounds the measures it keeps', () => {
    const { timing, measures } = fakeTiming();
    for (let i = 0; i < MAX_DRAW_MEASURES + 5; i++) timedDraw(() => undefined, timing);
    expect(measures.length).toBeLessThanOrEqual(MAX_DRAW_MEASURES);
    expect(measures.length).toBeGreaterThan(0);
  });
});
