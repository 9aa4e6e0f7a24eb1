import { describe, expect, it } from 'vitest';
import type { TaskWindow } from '../../../shared/models';
import { heldIds, holdWindows, rowAt, windowStarts, windowTotal } from './task-window';

function window(offset: number, count: number, opts: { total?: number; version?: number; prefix?: string } = {}): TaskWindow {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `${opts.prefix ?? 't'}-${offset + i}` }));
  return { offset, total: opts.total ?? 1_000_000, rows, status: { phase: 'ready', loaded: 1_000_000, version: opts.version ?? 1 } };
}

describe('windowStarts', () => {
  it('covers the screen plus the margin with aligned windows', () => {
    expect(windowStarts(0, 14, 1_000_000, 200, 100)).toEqual([0]);
    expect(windowStarts(150, 164, 1_000_000, 200, 100)).toEqual([0, 200]);
    expect(windowStarts(500_000, 500_014, 1_000_000, 200, 100)).toEqual([499_800, 500_000]);
  });

  it('stays inside the rows that exist', () => {
    expect(windowStarts(0, 14, 50, 200, 100)).toEqual([0]);
    expect(windowStarts(999_990, 999_999, 1_000_000, 200, 100)).toEqual([999_800]);
    expect(windowStarts(1190, 1199, 1200, 200, 100)).toEqual([1000]);
  });

  it('asks nothing for an empty list or an empty range', () => {
    expect(windowStarts(0, 10, 0)).toEqual([]);
    expect(windowStarts(10, 5, 100)).toEqual([]);
  });

  it('never asks more than the cap, however tall the screen', () => {
    expect(windowStarts(0, 5_000, 1_000_000, 200, 100, 4)).toEqual([0, 200, 400, 600]);
  });
});

describe('holdWindows and rowAt', () => {
  it('maps a list index to the row of the window that covers it', () => {
    const held = holdWindows([{ data: window(200, 200), isPlaceholderData: false }, { data: window(400, 200), isPlaceholderData: false }]);
    expect(rowAt(held, 200, 200)?.id).toBe('t-200');
    expect(rowAt(held, 399, 200)?.id).toBe('t-399');
    expect(rowAt(held, 450, 200)?.id).toBe('t-450');
  });

  it('answers undefined (a placeholder) where no window has arrived', () => {
    const held = holdWindows([{ data: window(200, 200), isPlaceholderData: false }, { data: undefined, isPlaceholderData: false }]);
    expect(rowAt(held, 199, 200)).toBeUndefined();
    expect(rowAt(held, 600, 200)).toBeUndefined();
  });

  it('treats a short last window as ending where its rows end', () => {
    const held = holdWindows([{ data: window(1000, 37, { total: 1037 }), isPlaceholderData: false }]);
    expect(rowAt(held, 1036, 200)?.id).toBe('t-1036');
    expect(rowAt(held, 1037, 200)).toBeUndefined();
  });

  it('serves rows from a window of another alignment', () => {
    const held = holdWindows([{ data: window(150, 100), isPlaceholderData: true }]);
    expect(rowAt(held, 210, 200)?.id).toBe('t-210');
  });

  it('prefers fresh answers over kept ones at the same offset, and the newer index among fresh ones', () => {
    const held = holdWindows([
      { data: window(0, 5, { prefix: 'old', version: 9 }), isPlaceholderData: true },
      { data: window(0, 5, { prefix: 'v1', version: 1 }), isPlaceholderData: false },
      { data: window(0, 5, { prefix: 'v2', version: 2 }), isPlaceholderData: false },
    ]);
    expect(rowAt(held, 0, 200)?.id).toBe('v2-0');
  });

  it('lists the held ids in list order without duplicates', () => {
    const held = holdWindows([
      { data: window(200, 2), isPlaceholderData: false },
      { data: { ...window(0, 2), rows: [{ id: 'a' }, { id: 't-200' }] }, isPlaceholderData: false },
    ]);
    expect(heldIds(held)).toEqual(['a', 't-200', 't-201']);
  });
});

describe('windowTotal', () => {
  it('takes the total of fresh answers over kept ones', () => {
    expect(
      windowTotal([
        { data: window(0, 1, { total: 10, version: 5 }), isPlaceholderData: true },
        { data: window(0, 1, { total: 3, version: 1 }), isPlaceholderData: false },
      ]),
    ).toBe(3);
  });

  it('takes the newest index among answers of one kind, and nothing before any answer', () => {
    expect(
      windowTotal([
        { data: window(0, 1, { total: 10, version: 1 }), isPlaceholderData: false },
        { data: window(200, 1, { total: 12, version: 2 }), isPlaceholderData: false },
      ]),
    ).toBe(12);
    expect(windowTotal([{ data: undefined, isPlaceholderData: false }])).toBeUndefined();
  });
});
