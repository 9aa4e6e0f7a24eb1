import { describe, expect, it } from 'vitest';
import { contentHeight, visibleSlice } from './scroll-math';

const small = { count: 1000, rowHeight: 40, viewport: 400, overscan: 2, maxScrollPx: 8_000_000 };
const huge = { count: 1_000_000, rowHeight: 40, viewport: 400, overscan: 2, maxScrollPx: 8_000_000 };

describe('visibleSlice', () => {
  it('maps scrollTop straight to rows while the list fits', () => {
    const slice = visibleSlice(4000, small);
    expect(slice.contentHeight).toBe(40_000);
    expect([slice.firstVisible, slice.lastVisible]).toEqual([100, 109]);
    expect([slice.firstRendered, slice.lastRendered]).toEqual([98, 111]);
    expect(slice.top).toBe(98 * 40);
  });

  it('renders nothing for an empty list', () => {
    expect(visibleSlice(0, { ...small, count: 0 })).toMatchObject({ contentHeight: 0, firstRendered: -1, lastRendered: -1 });
  });

  it('caps the content of a huge list and scales the bar over all its rows', () => {
    expect(contentHeight(1_000_000, 40, 8_000_000)).toBe(8_000_000);
    const start = visibleSlice(0, huge);
    expect(start.firstVisible).toBe(0);
    const end = visibleSlice(8_000_000, huge);
    expect(end.lastVisible).toBe(999_999);
    expect(end.firstVisible).toBe(999_990);
    const middle = visibleSlice((8_000_000 - 400) / 2, huge);
    expect(Math.abs(middle.firstVisible - 499_995)).toBeLessThanOrEqual(1);
  });

  it('places the rendered rows so the first visible one meets the viewport top', () => {
    const scrollTop = 1_234_567;
    const slice = visibleSlice(scrollTop, huge);
    const firstVisibleTop = slice.top + (slice.firstVisible - slice.firstRendered) * huge.rowHeight;
    expect(firstVisibleTop).toBeLessThanOrEqual(scrollTop);
    expect(firstVisibleTop + huge.rowHeight).toBeGreaterThan(scrollTop);
  });

  it('clamps a scrollTop past the end', () => {
    expect(visibleSlice(1e9, small).lastVisible).toBe(999);
  });
});
