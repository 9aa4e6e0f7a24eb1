// Fixed-height virtual scrolling for lists taller than a browser can lay out: 1,000,000 rows of 36 px are 36M px, past
// Chromium's ~33.5M px and Firefox's ~17.9M px element limits. Beyond MAX_SCROLL_PX the scrollbar is scaled: its
// position maps proportionally to the row range, and rows are drawn at their unscaled spacing around it.

/** The tallest scroll content the list creates; lists taller than this scroll on a scaled bar. */
export const MAX_SCROLL_PX = 8_000_000;

/** The scroll geometry of one list. */
export interface ScrollGeometry {
  count: number;
  rowHeight: number;
  /** Height of the scrolling viewport (CSS px). */
  viewport: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  maxScrollPx?: number;
}

/** What to render for a scroll position. */
export interface VisibleSlice {
  /** Height of the scroll content (the spacer). */
  contentHeight: number;
  /** First and last rows on screen, and the first and last to render (with overscan); -1 when the list is empty. */
  firstVisible: number;
  lastVisible: number;
  firstRendered: number;
  lastRendered: number;
  /** Top of row `firstRendered` inside the content; each following row is `rowHeight` lower. */
  top: number;
}

/** The spacer height for a list: its real height, or the cap when that is taller. */
export function contentHeight(count: number, rowHeight: number, maxScrollPx = MAX_SCROLL_PX): number {
  return Math.min(Math.max(0, count) * rowHeight, maxScrollPx);
}

/** The rows to render at `scrollTop`, and where the first of them goes. */
export function visibleSlice(scrollTop: number, g: ScrollGeometry): VisibleSlice {
  const height = contentHeight(g.count, g.rowHeight, g.maxScrollPx);
  if (g.count <= 0) return { contentHeight: 0, firstVisible: -1, lastVisible: -1, firstRendered: -1, lastRendered: -1, top: 0 };
  const real = g.count * g.rowHeight;
  const scrollRange = Math.max(0, height - g.viewport);
  const top = Math.min(Math.max(0, scrollTop), scrollRange);
  // Where the viewport's top edge is in the unscaled list: equal to `top` unless the bar is scaled.
  const virtualTop = scrollRange > 0 ? (top / scrollRange) * Math.max(0, real - g.viewport) : 0;
  const firstVisible = Math.min(g.count - 1, Math.floor(virtualTop / g.rowHeight));
  const lastVisible = Math.min(g.count - 1, Math.max(firstVisible, Math.ceil((virtualTop + g.viewport) / g.rowHeight) - 1));
  const firstRendered = Math.max(0, firstVisible - g.overscan);
  const lastRendered = Math.min(g.count - 1, lastVisible + g.overscan);
  return { contentHeight: height, firstVisible, lastVisible, firstRendered, lastRendered, top: top + firstRendered * g.rowHeight - virtualTop };
}
