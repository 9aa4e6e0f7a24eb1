import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, blobKey, countText, deleteQuestion, labelIn, mergeBlobPages, selectAll, selectRow, selectedRows } from './blob-model';

const none = { altKey: false, ctrlKey: false, metaKey: false };

describe('blob rows', () => {
  it('put every folder first, label names within the folder, and keep each name once', () => {
    const rows = mergeBlobPages(
      [
        { folders: ['in/a/'], blobs: [{ name: 'in/z.txt', size: 3, lastModified: 't1' }] },
        { folders: ['in/b/'], blobs: [{ name: 'in/y.txt', size: 4 }, { name: 'in/z.txt', size: 5 }] },
      ],
      'in/',
    );
    expect(rows.map((r) => [r.kind, r.label])).toEqual([
      ['folder', 'a'],
      ['folder', 'b'],
      ['blob', 'z.txt'],
      ['blob', 'y.txt'],
    ]);
    expect(rows[2]).toEqual({ kind: 'blob', name: 'in/z.txt', label: 'z.txt', size: 5 });
    expect(labelIn('top.txt', '')).toBe('top.txt');
  });
});

describe('selection', () => {
  const rows = mergeBlobPages([{ folders: ['f/'], blobs: ['a', 'b', 'c'].map((name) => ({ name, size: 1 })) }], '');

  it('selects one, toggles, extends a range from the anchor, and selects all', () => {
    let s = selectRow(EMPTY_SELECTION, rows, 1, 'only');
    expect([...s.names]).toEqual(['a']);
    s = selectRow(s, rows, 3, 'range');
    expect(selectedRows(rows, s).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    s = selectRow(s, rows, 0, 'range');
    expect(selectedRows(rows, s).map((r) => r.name)).toEqual(['f/', 'a']);
    s = selectRow(s, rows, 3, 'toggle');
    expect(selectedRows(rows, s).map((r) => r.name)).toEqual(['f/', 'a', 'c']);
    s = selectRow(s, rows, 3, 'toggle');
    expect(s.names.has('c')).toBe(false);
    expect(selectAll(s, rows).names.size).toBe(4);
    expect(selectRow(s, rows, 9, 'only')).toBe(s);
  });

  it('maps the keyboard', () => {
    expect(blobKey('Delete', none)).toBe('delete');
    expect(blobKey('Backspace', none)).toBe('up');
    expect(blobKey('Enter', none)).toBe('open');
    expect(blobKey(' ', none)).toBe('toggle');
    expect(blobKey('a', { ...none, ctrlKey: true })).toBe('selectAll');
    expect(blobKey('ArrowDown', { ...none, altKey: true })).toBeUndefined();
    expect(blobKey('x', none)).toBeUndefined();
  });

  it('word a delete with counts and a warning about folders', () => {
    expect(countText([{ kind: 'blob' }, { kind: 'blob' }, { kind: 'folder' }])).toBe('2 files and 1 folder');
    expect(deleteQuestion([{ kind: 'blob', label: 'x.txt' }], 'logs')).toBe('Delete "x.txt" from logs? This cannot be undone.');
    expect(deleteQuestion([{ kind: 'folder', label: 'in' }], 'logs')).toBe('Delete the folder "in", with every blob under the folders, from logs? This cannot be undone.');
    expect(deleteQuestion([{ kind: 'folder', label: 'a' }, { kind: 'folder', label: 'b' }, { kind: 'blob', label: 'c' }], 'logs')).toBe(
      'Delete 1 file and 2 folders, with every blob under the folders, from logs? This cannot be undone.',
    );
  });
});
