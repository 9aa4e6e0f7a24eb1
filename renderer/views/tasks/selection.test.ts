import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  headerCheckState,
  pruneSelection,
  selectedForAction,
  selectAll,
  selectRange,
  selectedInOrder,
  toggleRow,
} from './selection';

const rows = ['t0', 't1', 't2', 't3', 't4', 't5'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('toggleRow', () => {
  it('adds and removes one row and moves the anchor', () => {
    const one = toggleRow(EMPTY_SELECTION, 't1');
    expect(ids(one)).toEqual(['t1']);
    expect(one.anchor).toBe('t1');
    const none = toggleRow(one, 't1');
    expect(ids(none)).toEqual([]);
    expect(EMPTY_SELECTION.ids.size).toBe(0);
  });
});

describe('selectRange', () => {
  it('selects from the anchor to the clicked row, in either direction', () => {
    const down = selectRange(toggleRow(EMPTY_SELECTION, 't1'), rows, 't4');
    expect(ids(down)).toEqual(['t1', 't2', 't3', 't4']);
    const up = selectRange(toggleRow(EMPTY_SELECTION, 't4'), rows, 't2');
    expect(ids(up)).toEqual(['t2', 't3', 't4']);
  });

  it('keeps the anchor so a second shift-click re-extends from it', () => {
    const first = selectRange(toggleRow(EMPTY_SELECTION, 't2'), rows, 't4');
    const second = selectRange(first, rows, 't0');
    expect(second.anchor).toBe('t2');
    expect(ids(second)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('clears the range when the anchor was just unselected', () => {
    const all = selectAll(rows);
    const anchorOff = toggleRow(all, 't3');
    expect(ids(selectRange(anchorOff, rows, 't5'))).toEqual(['t0', 't1', 't2']);
  });

  it('acts as a plain click without an anchor in the list', () => {
    expect(ids(selectRange(EMPTY_SELECTION, rows, 't2'))).toEqual(['t2']);
    expect(ids(selectRange({ ids: new Set(), anchor: 'gone' }, rows, 't2'))).toEqual(['t2']);
  });
});

describe('selectAll, pruneSelection, headerCheckState, selectedInOrder', () => {
  it('selects every loaded row and reports the header state', () => {
    expect(headerCheckState(EMPTY_SELECTION, rows)).toBe(false);
    expect(headerCheckState(selectAll(rows), rows)).toBe(true);
    expect(headerCheckState(toggleRow(EMPTY_SELECTION, 't3'), rows)).toBe('mixed');
    expect(headerCheckState(selectAll(rows), [])).toBe(false);
  });

  it('drops rows that left the list, and the anchor with them', () => {
    const sel = selectRange(toggleRow(EMPTY_SELECTION, 't1'), rows, 't3');
    const pruned = pruneSelection(sel, ['t2', 't3', 't9']);
    expect(ids(pruned)).toEqual(['t2', 't3']);
    expect(pruned.anchor).toBeUndefined();
    expect(pruneSelection(sel, rows)).toBe(sel);
  });

  it('lists the selection in row order', () => {
    const sel = toggleRow(toggleRow(EMPTY_SELECTION, 't4'), 't0');
    expect(selectedInOrder(sel, rows)).toEqual(['t0', 't4']);
  });
});

describe('selectedForAction', () => {
  it('keeps selected rows that scrolled out of the held windows, after the loaded ones in list order', () => {
    const selection = { ids: new Set(['gone', 'c', 'a']) };
    expect(selectedForAction(selection, ['a', 'b', 'c'])).toEqual(['a', 'c', 'gone']);
  });
});
