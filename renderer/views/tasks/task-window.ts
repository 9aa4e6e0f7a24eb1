// Window math of the task list: which windows of the index cover the rows on screen, and which row sits at an index.
import type { TaskRow, TaskWindow } from '../../../shared/models';

/** Rows per `taskIndex.window` call: a screen is ~15 rows, so one window covers several screens of scrolling. */
export const WINDOW_SIZE = 200;

/** Rows fetched beyond each edge of the screen, so a short scroll shows loaded rows, not placeholders. */
export const WINDOW_MARGIN = 100;

/** The most windows the list asks for at once: a tall screen plus both margins, never a whole job. */
export const MAX_WINDOWS = 4;

/**
 * The start offsets of the windows covering rows `first`…`last` plus `margin` rows either side, clamped to the rows that
 * exist. Windows are aligned to multiples of `size`, so scrolling reuses them instead of asking for shifted copies.
 */
export function windowStarts(first: number, last: number, total: number, size = WINDOW_SIZE, margin = WINDOW_MARGIN, max = MAX_WINDOWS): number[] {
  if (total <= 0 || last < first || size <= 0) return [];
  const from = Math.max(0, Math.min(total - 1, first - margin));
  const to = Math.max(0, Math.min(total - 1, last + margin));
  const starts: number[] = [];
  for (let start = Math.floor(from / size) * size; start <= to && starts.length < max; start += size) starts.push(start);
  return starts;
}

/** The rows the renderer holds: windows answered by main, by their offset. */
export type HeldWindows = ReadonlyMap<number, TaskWindow>;

/** One window query's answer: fresh, or kept from the query's previous key while the new one loads. */
export interface WindowAnswer {
  data?: TaskWindow | undefined;
  isPlaceholderData: boolean;
}

/**
 * The windows to draw rows from, by offset: fresh answers first (the newer index wins at a shared offset), and kept
 * answers only where no fresh one covers their offset yet, so a filter change shows the old rows until the new arrive.
 */
export function holdWindows(answers: readonly WindowAnswer[]): Map<number, TaskWindow> {
  const held = new Map<number, TaskWindow>();
  for (const placeholder of [false, true]) {
    const fresh = new Map<number, TaskWindow>();
    for (const { data, isPlaceholderData } of answers) {
      if (!data || isPlaceholderData !== placeholder || held.has(data.offset)) continue;
      const other = fresh.get(data.offset);
      if (!other || other.status.version < data.status.version) fresh.set(data.offset, data);
    }
    for (const [offset, window] of fresh) held.set(offset, window);
  }
  return held;
}

/** The row count of the list: the total of the newest fresh answer, else of the newest kept one; undefined before any. */
export function windowTotal(answers: readonly WindowAnswer[]): number | undefined {
  let best: WindowAnswer | undefined;
  for (const answer of answers) {
    if (!answer.data) continue;
    if (!best || (best.isPlaceholderData && !answer.isPlaceholderData)) best = answer;
    else if (best.isPlaceholderData === answer.isPlaceholderData && answer.data.status.version > best.data!.status.version) best = answer;
  }
  return best?.data?.total;
}

/** The row at list index `index`, or undefined when no held window covers it (the list draws a placeholder). */
export function rowAt(held: HeldWindows, index: number, size = WINDOW_SIZE): TaskRow | undefined {
  const aligned = held.get(Math.floor(index / size) * size);
  if (aligned && index - aligned.offset < aligned.rows.length) return aligned.rows[index - aligned.offset];
  // A window answered with another size or offset (e.g. kept from before a resize) still serves the rows it has.
  for (const window of held.values()) {
    const at = index - window.offset;
    if (at >= 0 && at < window.rows.length) return window.rows[at];
  }
  return undefined;
}

/** The ids of the held rows in list order, for selection ranges and "select all loaded". */
export function heldIds(held: HeldWindows): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const offset of [...held.keys()].sort((a, b) => a - b)) {
    for (const row of held.get(offset)!.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      ids.push(row.id);
    }
  }
  return ids;
}
