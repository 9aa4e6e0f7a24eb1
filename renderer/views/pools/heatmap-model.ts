// Pure model of the node heatmap: colour per node, grid layout, hit testing and keyboard movement.
// Kept free of DOM so it is unit-tested and stays O(nodes) for 20,000-node pools.
import type { NodeSummary } from '../../../shared/models';
import type { ActiveTheme } from '../../theme/theme-resolution';
import { HEATMAP_BACKGROUND, NODE_STATES, nodeStateColors, nodeStateIndex } from './node-states';

/** How many intensities a running node can take (by the share of its slots in use). */
export const RUNNING_SHADES = 4;

const RUNNING = nodeStateIndex('running');

/** The palette slot of a node: one per non-running state, then RUNNING_SHADES slots for running nodes. */
export function colorSlot(state: string | undefined, usedSlots: number | undefined, slotsPerNode: number | undefined): number {
  const index = nodeStateIndex(state);
  if (index !== RUNNING) return index;
  return NODE_STATES.length + runningShade(usedSlots, slotsPerNode);
}

/** The shade (0 = lightest) of a running node: the share of its slots in use, in RUNNING_SHADES steps. */
export function runningShade(usedSlots: number | undefined, slotsPerNode: number | undefined): number {
  const slots = Math.max(1, slotsPerNode ?? 1);
  const used = Math.min(slots, Math.max(0, usedSlots ?? 0));
  if (used === 0) return 0;
  return Math.max(0, Math.ceil((used / slots) * RUNNING_SHADES) - 1);
}

/** Parses `#rrggbb`. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mixes `weight` of colour `a` with the rest of `b`, as `#rrggbb`. */
export function mixColors(a: string, b: string, weight: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  const mixed = ca.map((v, i) => Math.round(v * weight + (cb[i] ?? 0) * (1 - weight)));
  return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The palette indexed by colorSlot: state colours, then running shades from faint to the full running colour. */
export function heatmapPalette(theme: ActiveTheme): string[] {
  const colors = nodeStateColors(theme);
  const palette: string[] = NODE_STATES.map((s) => colors[s]);
  for (let shade = 0; shade < RUNNING_SHADES; shade++) {
    palette.push(mixColors(colors.running, HEATMAP_BACKGROUND[theme], 0.35 + (0.65 * shade) / (RUNNING_SHADES - 1)));
  }
  return palette;
}

/** What the canvas draws: one palette slot per node, plus counts per state for the legend and tests. */
export interface HeatmapModel {
  count: number;
  slots: Uint8Array;
  /** Nodes per state, keyed as the service names states (unknown names counted as they came). */
  byState: Map<string, number>;
}

/** The node fields the heatmap reads (the `$select` of node polling). */
export type HeatmapNode = Pick<NodeSummary, 'id' | 'state' | 'runningTasksCount' | 'runningTaskSlotsCount'>;

/** Builds the model in one pass over the nodes. */
export function buildHeatmapModel(nodes: readonly HeatmapNode[], slotsPerNode: number | undefined): HeatmapModel {
  const slots = new Uint8Array(nodes.length);
  const byState = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    slots[i] = colorSlot(node.state, node.runningTaskSlotsCount, slotsPerNode);
    const key = node.state ?? 'unknown';
    byState.set(key, (byState.get(key) ?? 0) + 1);
  }
  return { count: nodes.length, slots, byState };
}

/** `state:count` pairs in NODE_STATES order (then any other states by name), non-zero only: e.g. `idle:3,running:1`. */
export function stateSummary(byState: ReadonlyMap<string, number>): string {
  const known = NODE_STATES.filter((s) => (byState.get(s) ?? 0) > 0);
  const other = [...byState.keys()].filter((s) => !(NODE_STATES as readonly string[]).includes(s)).sort();
  return [...known, ...other].map((s) => `${s}:${byState.get(s)}`).join(',');
}

/** The grid: `cols` columns of square cells at `pitch` px (cell plus gap), `rows` tall. */
export interface HeatmapLayout {
  cols: number;
  rows: number;
  cell: number;
  pitch: number;
  width: number;
  height: number;
  count: number;
}

/** Bounds of the layout. */
export interface LayoutLimits {
  maxCell: number;
  minCell: number;
  /** The grid shrinks its cells to fit this height, down to minCell; beyond that it grows taller. */
  maxHeight: number;
}

/** Default bounds: big cells for small pools, at least 4 px for huge ones. */
export const DEFAULT_LIMITS: LayoutLimits = { maxCell: 28, minCell: 4, maxHeight: 360 };

/** The gap between cells for a cell size: 1 px for small cells so 20,000 nodes stay legible. */
function gapFor(cell: number): number {
  return cell >= 12 ? 2 : 1;
}

/** The largest cells that fit `count` nodes into `width` × maxHeight. */
export function computeLayout(count: number, width: number, limits: LayoutLimits = DEFAULT_LIMITS): HeatmapLayout {
  const usable = Math.max(1, Math.floor(width));
  let cell = limits.maxCell;
  for (; cell > limits.minCell; cell--) {
    const pitch = cell + gapFor(cell);
    const cols = Math.max(1, Math.floor((usable + gapFor(cell)) / pitch));
    if (Math.ceil(count / cols) * pitch <= limits.maxHeight) break;
  }
  const gap = gapFor(cell);
  const pitch = cell + gap;
  const cols = Math.max(1, Math.floor((usable + gap) / pitch));
  const rows = Math.ceil(count / cols);
  return { cols, rows, cell, pitch, width: usable, height: Math.max(0, rows * pitch - gap), count };
}

/** The top-left corner of cell `index`. */
export function cellOrigin(layout: HeatmapLayout, index: number): { x: number; y: number } {
  return { x: (index % layout.cols) * layout.pitch, y: Math.floor(index / layout.cols) * layout.pitch };
}

/** The node index under a point in CSS pixels, or -1 over a gap, outside the grid or past the last node. */
export function hitTest(layout: HeatmapLayout, x: number, y: number): number {
  if (x < 0 || y < 0) return -1;
  const col = Math.floor(x / layout.pitch);
  const row = Math.floor(y / layout.pitch);
  if (col >= layout.cols) return -1;
  if (x - col * layout.pitch >= layout.cell || y - row * layout.pitch >= layout.cell) return -1;
  const index = row * layout.cols + col;
  return index < layout.count ? index : -1;
}

/** The highlighted cell after a key press (arrows, Home, End, PageUp/PageDown by 10 rows); undefined for other keys. */
export function moveHighlight(index: number, key: string, layout: HeatmapLayout): number | undefined {
  if (layout.count === 0) return undefined;
  const last = layout.count - 1;
  const from = index < 0 ? 0 : Math.min(index, last);
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
      return index < 0 ? 0 : clamp(from + 1);
    case 'ArrowLeft':
      return clamp(from - 1);
    case 'ArrowDown':
      return index < 0 ? 0 : from + layout.cols <= last ? from + layout.cols : from;
    case 'ArrowUp':
      return from - layout.cols >= 0 ? from - layout.cols : from;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(from + layout.cols * 10);
    case 'PageUp':
      return clamp(from - layout.cols * 10);
    default:
      return undefined;
  }
}
