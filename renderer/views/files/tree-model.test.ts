import { describe, expect, it } from 'vitest';
import type { FilePage, NodeFileEntry } from '../../../shared/models';
import { EMPTY_TREE, MAX_EMPTY_PAGES, flattenTree, listSome, treeReducer, type TreeAction, type TreeState } from './tree-model';

const dir = (name: string): NodeFileEntry => ({ name, isDirectory: true });
const file = (name: string): NodeFileEntry => ({ name, isDirectory: false, size: 1 });
const apply = (actions: TreeAction[], state: TreeState = EMPTY_TREE) => actions.reduce(treeReducer, state);
const shape = (state: TreeState, root: NodeFileEntry[]) =>
  flattenTree(root, '', state).map((r) => `${'  '.repeat(r.depth)}${r.kind === 'entry' ? `${r.name}${r.expanded ? '/' : ''}` : `(${r.kind})`}`);

describe('tree model', () => {
  const root = [dir('wd'), file('stdout.txt')];

  it('shows a loading row under a folder being expanded, then its entries nested by depth', () => {
    let state = apply([{ type: 'expand', folder: 'wd' }, { type: 'loading', folder: 'wd' }]);
    expect(shape(state, root)).toEqual(['wd/', '  (more)', 'stdout.txt']);
    state = apply([{ type: 'loaded', folder: 'wd', page: { items: [dir('wd/sub'), file('wd/a.txt')], continuation: 'next' }, append: false }], state);
    expect(shape(state, root)).toEqual(['wd/', '  sub', '  a.txt', '  (more)', 'stdout.txt']);
    state = apply(
      [
        { type: 'loaded', folder: 'wd', page: { items: [file('wd/b.txt')] }, append: true },
        { type: 'expand', folder: 'wd/sub' },
        { type: 'loaded', folder: 'wd/sub', page: { items: [] }, append: false },
      ],
      state,
    );
    expect(shape(state, root)).toEqual(['wd/', '  sub/', '    (empty)', '  a.txt', '  b.txt', 'stdout.txt']);
  });

  it('collapses a folder and everything expanded below it, keeping the listings for later', () => {
    const state = apply([
      { type: 'expand', folder: 'wd' },
      { type: 'loaded', folder: 'wd', page: { items: [dir('wd/sub')] }, append: false },
      { type: 'expand', folder: 'wd/sub' },
      { type: 'loaded', folder: 'wd/sub', page: { items: [file('wd/sub/x')] }, append: false },
      { type: 'collapse', folder: 'wd' },
    ]);
    expect(shape(state, root)).toEqual(['wd', 'stdout.txt']);
    expect([...state.expanded]).toEqual([]);
    expect(shape(apply([{ type: 'expand', folder: 'wd' }], state), root)).toEqual(['wd/', '  sub', 'stdout.txt']);
  });

  it('shows a failed listing as an error row', () => {
    const state = apply([{ type: 'expand', folder: 'wd' }, { type: 'failed', folder: 'wd', error: new Error('nope') }]);
    const rows = flattenTree(root, '', state);
    expect(rows[1]).toMatchObject({ kind: 'error', folder: 'wd', depth: 1 });
  });

  it('follows empty pages until one holds entries, and gives up after a bound', async () => {
    const pages: FilePage[] = [{ items: [], continuation: 'c1' }, { items: [], continuation: 'c2' }, { items: [file('wd/z')], continuation: 'c3' }];
    const asked: (string | undefined)[] = [];
    const page = await listSome(async (_folder, continuation) => {
      asked.push(continuation);
      return pages[asked.length - 1]!;
    }, 'wd');
    expect(asked).toEqual([undefined, 'c1', 'c2']);
    expect(page.items.map((e) => e.name)).toEqual(['wd/z']);
    let calls = 0;
    const empty = await listSome(async () => ({ items: [], continuation: `c${++calls}` }), 'wd', 'start');
    expect(calls).toBe(MAX_EMPTY_PAGES);
    expect(empty).toEqual({ items: [], continuation: `c${MAX_EMPTY_PAGES}` });
  });
});
