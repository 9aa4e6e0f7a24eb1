// Draws a HeatmapModel on a 2D context: one path per colour, so a 20,000-node refresh is a few fills, not 20,000.
import { cellOrigin, type HeatmapLayout, type HeatmapModel } from './heatmap-model';

/** The part of CanvasRenderingContext2D the heatmap uses (a fake one in unit tests). */
export type HeatmapContext = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'beginPath' | 'rect' | 'fill' | 'strokeRect' | 'fillStyle' | 'strokeStyle' | 'lineWidth'
>;

/** Node indices grouped by palette slot (a counting sort): `order` lists indices slot by slot, `starts[s]` where slot s begins. */
export function groupBySlot(model: HeatmapModel, slotCount: number): { order: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(slotCount + 1);
  for (let i = 0; i < model.count; i++) starts[(model.slots[i] ?? 0) + 1]! += 1;
  for (let s = 0; s < slotCount; s++) starts[s + 1]! += starts[s]!;
  const next = starts.slice(0, slotCount);
  const order = new Uint32Array(model.count);
  for (let i = 0; i < model.count; i++) {
    const slot = model.slots[i] ?? 0;
    order[next[slot]!] = i;
    next[slot]! += 1;
  }
  return { order, starts };
}

/** Clears the grid and draws every cell, then an outline round the highlighted one (if any). */
export function drawHeatmap(
  ctx: HeatmapContext,
  model: HeatmapModel,
  layout: HeatmapLayout,
  palette: readonly string[],
  highlight: { index: number; color: string } | undefined,
): void {
  ctx.clearRect(0, 0, layout.width, layout.height + layout.pitch);
  const { order, starts } = groupBySlot(model, palette.length);
  const { cols, pitch, cell } = layout;
  for (let slot = 0; slot < palette.length; slot++) {
    const begin = starts[slot]!;
    const end = starts[slot + 1]!;
    if (begin === end) continue;
    ctx.fillStyle = palette[slot]!;
    ctx.beginPath();
    // Inlined cellOrigin: no object per cell, so a 20,000-node pass allocates nothing.
    for (let k = begin; k < end; k++) {
      const index = order[k]!;
      ctx.rect((index % cols) * pitch, Math.floor(index / cols) * pitch, cell, cell);
    }
    ctx.fill();
  }
  if (highlight && highlight.index >= 0 && highlight.index < model.count) {
    const { x, y } = cellOrigin(layout, highlight.index);
    ctx.strokeStyle = highlight.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(x + 1, y + 1, Math.max(1, layout.cell - 2), Math.max(1, layout.cell - 2));
  }
}

/** The User Timing measure of each heatmap draw (the heatmap benchmark reads it). */
export const HEATMAP_DRAW_MEASURE = 'heatmap-draw';

/** Measures kept before the oldest are cleared, so a page open for days does not grow the timeline without bound. */
export const MAX_DRAW_MEASURES = 500;

/** The part of `performance` the timing uses (a fake one in unit tests). */
export type DrawTiming = Pick<Performance, 'mark' | 'measure' | 'clearMarks' | 'clearMeasures' | 'getEntriesByName'>;

/** Runs `draw` between two User Timing marks and records it as a `heatmap-draw` measure. */
export function timedDraw(draw: () => void, timing: DrawTiming = performance): void {
  const start = `${HEATMAP_DRAW_MEASURE}-start`;
  timing.mark(start);
  try {
    draw();
  } finally {
    timing.measure(HEATMAP_DRAW_MEASURE, start);
    timing.clearMarks(start);
    if (timing.getEntriesByName(HEATMAP_DRAW_MEASURE, 'measure').length > MAX_DRAW_MEASURES) timing.clearMeasures(HEATMAP_DRAW_MEASURE);
  }
}
