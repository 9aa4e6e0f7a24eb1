import { describe, expect, it } from 'vitest';
import type { TaskIndexState } from '../../../shared/models';
import { LAZY_PATCH_CHANGES } from './base-orders';
import { compareRows } from './column-sort';
import { TaskQuery, type TaskFilter } from './query';
import { randomTasks } from './random-tasks';
import { STATE_CODES, TaskStore } from './store';
import { TextIndex } from './text-index';

/** The plain reading of a filter, row by row, independent of masks and cached orders. */
function matches(store: TaskStore, row: number, filter: TaskFilter): boolean {
  const state = STATE_CODES[store.state[row] ?? 255];
  if (filter.states?.length) {
    const completedAs: TaskIndexState | undefined = state === 'completed' ? (store.result[row] === 1 ? 'succeeded' : store.result[row] === 2 ? 'failed' : undefined) : undefined;
    if (!filter.states.some((s) => s === state || s === completedAs)) return false;
  }
  if (filter.contains !== undefined) {
    const needle = filter.contains.toLowerCase();
    const hay = [store.ids[row] ?? '', store.names[row] ?? ''];
    if (!hay.some((h) => h.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** Every matching id, sorted by the comparator (not the radix sort, base orders or run reversal). */
function reference(store: TaskStore, filter: TaskFilter, sort: Parameters<typeof compareRows>[1]): string[] {
  const rows = Array.from({ length: store.count }, (_, i) => i).filter((row) => matches(store, row, filter));
  return rows.sort(compareRows(store, sort)).map((row) => store.ids[row] ?? '');
}

/** The ids of a query's ordered rows. */
function orderedIds(query: TaskQuery, store: TaskStore, filter: TaskFilter, sort: Parameters<typeof compareRows>[1]): (string | undefined)[] {
  return [...query.ordered(filter, sort)].map((row) => store.ids[row]);
}

/** A store of `count` seeded random tasks (ids t0, t1, …) and a query whose idle-time preparation has finished. */
function preparedIndex(seed: number, count: number) {
  const { random, task } = randomTasks(seed);
  const store = new TaskStore();
  for (let i = 0; i < count; i++) store.upsert(task(`t${i}`));
  const query = new TaskQuery(store);
  while (query.prepareStep());
  return { random, task, store, query };
}

const COLUMNS = ['id', 'state', 'exitCode', 'nodeId', 'creationTime', 'startTime', 'endTime', 'duration', 'retryCount'] as const;
const FILTERS: TaskFilter[] = [{}, { states: ['failed', 'running'] }, { contains: 'NAME 1' }, { contains: 't1' }];

describe('prepared orders', () => {
  it('answer every sort and filter exactly as a comparator sort does, before and after changes and deletions', () => {
    const { random, task } = randomTasks(11);
    const store = new TaskStore();
    for (let i = 0; i < 400; i++) store.upsert(task(`t${random(2000)}-${i}`));
    const query = new TaskQuery(store);
    let steps = 0;
    while (query.prepareStep()) steps++;
    // One id order, one text block and one order per value column.
    expect(steps).toBeGreaterThanOrEqual(COLUMNS.length);
    const check = () => {
      for (const column of COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const filter of FILTERS) {
            const got = orderedIds(query, store, filter, { column, direction });
            expect(got, `${column} ${direction} ${JSON.stringify(filter)}`).toEqual(reference(store, filter, { column, direction }));
          }
        }
      }
    };
    check();
    for (let i = 0; i < 20; i++) store.upsert(task(store.ids[random(store.count)]!));
    for (let i = 0; i < 10; i++) store.upsert(task(`added-${i}`));
    while (query.prepareStep());
    check();
    for (let i = 0; i < 5; i++) store.delete(store.ids[random(store.count)]!);
    check();
  });
});

describe('orders across deletions', () => {
  it('renumber and patch cached and prepared orders through changes, deletions and appends in any mix', () => {
    const { random, task } = randomTasks(23);
    const store = new TaskStore();
    for (let i = 0; i < 500; i++) store.upsert(task(`t${random(5000)}-${i}`));
    const query = new TaskQuery(store);
    const sorts = [
      { column: 'endTime', direction: 'desc' },
      { column: 'nodeId', direction: 'asc' },
      { column: 'id', direction: 'desc' },
      { column: 'retryCount', direction: 'asc' },
    ] as const;
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 1 + random(8); i++) {
        const roll = random(3);
        if (roll === 0) store.delete(store.ids[random(store.count)]!);
        else if (roll === 1) store.upsert(task(store.ids[random(store.count)]!));
        else store.upsert(task(`r${round}-${i}-${random(1000)}`));
      }
      if (round % 3 === 0) while (query.prepareStep());
      const sort = sorts[round % sorts.length]!;
      const filter = FILTERS[round % FILTERS.length]!;
      const got = orderedIds(query, store, filter, sort);
      expect(got, `round ${round}`).toEqual(reference(store, filter, sort));
    }
  });

  it('reports the rows changed since a version in the numbering rows have now', () => {
    const store = new TaskStore();
    for (const id of ['a', 'b', 'c', 'd']) store.upsert({ id });
    const since = store.version;
    store.upsert({ id: 'b', state: 'running' });
    store.upsert({ id: 'd', state: 'running' });
    store.delete('b');
    // d moved into b's row (1); b's change is gone with it.
    expect(store.changedSince(since)).toEqual([1]);
    expect(store.ids[1]).toBe('d');
  });
});

describe('idle-time preparation', () => {
  it('leaves a few changes for the next query to patch, and patches ahead of time when orders fall far behind', () => {
    const { random, task, store, query } = preparedIndex(5, 3000);
    for (let i = 0; i < 10; i++) store.upsert({ ...task(store.ids[random(store.count)]!), state: 'running' });
    expect(query.prepareStep()).toBe(false);
    for (let i = 0; i <= LAZY_PATCH_CHANGES; i++) store.upsert({ ...task(store.ids[i]!), state: i % 2 ? 'running' : 'completed' });
    expect(query.prepareStep()).toBe(true);
    while (query.prepareStep());
    const sort = { column: 'endTime', direction: 'desc' } as const;
    expect(orderedIds(query, store, {}, sort)).toEqual(reference(store, {}, sort));
  });
});

describe('stepped column sorts', () => {
  it('spread each sort over many small steps and stay exact when changes, appends, deletions and queries land between steps', () => {
    const { random, task } = randomTasks(41);
    const store = new TaskStore();
    for (let i = 0; i < 400; i++) store.upsert(task(`t${random(4000)}-${i}`));
    // 16 rows a step: every column sort takes dozens of steps, so work is always under way when something happens.
    const query = new TaskQuery(store, 16);
    let steps = 0;
    for (let round = 0; round < 60; round++) {
      for (let i = random(12); i > 0 && query.prepareStep(); i--) steps++;
      const roll = random(5);
      if (roll === 0) store.delete(store.ids[random(store.count)]!);
      else if (roll === 1) store.upsert(task(store.ids[random(store.count)]!));
      else if (roll === 2) store.upsert(task(`r${round}-${random(1000)}`));
      const column = COLUMNS[random(COLUMNS.length)]!;
      const sort = { column, direction: random(2) ? 'asc' : 'desc' } as const;
      const filter = FILTERS[random(FILTERS.length)]!;
      if (random(3) === 0) {
        const got = orderedIds(query, store, filter, sort);
        expect(got, `round ${round}: ${column} ${sort.direction} ${JSON.stringify(filter)}`).toEqual(reference(store, filter, sort));
      }
    }
    while (query.prepareStep()) steps++;
    expect(steps).toBeGreaterThan(8 * (400 / 16));
    for (const column of COLUMNS) {
      const sort = { column, direction: 'desc' } as const;
      expect(orderedIds(query, store, {}, sort), column).toEqual(reference(store, {}, sort));
    }
  });

  it('tells ties apart by the whole key when times span more than 2^32 ms and share their low word', () => {
    const store = new TaskStore();
    const early = Date.UTC(2024, 0, 1);
    const late = early + 2 ** 32;
    for (const [id, at] of [['a', early], ['b', late], ['c', late], ['d', early]] as const) store.upsert({ id, creationTime: new Date(at) });
    const query = new TaskQuery(store);
    while (query.prepareStep());
    expect(orderedIds(query, store, {}, { column: 'creationTime', direction: 'desc' })).toEqual(['b', 'c', 'a', 'd']);
  });

  it('starts a sort again when a deletion moves rows under it, instead of keeping values read from moved rows', () => {
    const store = new TaskStore();
    for (let i = 0; i < 64; i++) store.upsert({ id: `t${String(i).padStart(2, '0')}`, state: i === 63 ? 'active' : 'running' });
    const query = new TaskQuery(store, 16);
    // The id order, the one text block, then the state sort is set up and reads its first 16 rows.
    for (let i = 0; i < 4; i++) expect(query.prepareStep()).toBe(true);
    // t63 moves from the last row into t00's, and a completed task takes the last row, which the sort has yet to read.
    store.delete('t00');
    store.upsert({ id: 'u', state: 'completed' });
    while (query.prepareStep());
    const sort = { column: 'state', direction: 'asc' } as const;
    expect(orderedIds(query, store, {}, sort)).toEqual(reference(store, {}, sort));
  });
});

describe('tie bits', () => {
  it('are left out of a patch for an ascending query, added in idle time, and computed at once when a descending query comes first', () => {
    const { random, task, store, query } = preparedIndex(17, 2000);
    const asc = { column: 'endTime', direction: 'asc' } as const;
    const desc = { column: 'endTime', direction: 'desc' } as const;
    const ids = (sort: typeof asc | typeof desc) => orderedIds(query, store, {}, sort);
    for (let i = 0; i < 5; i++) store.upsert(task(store.ids[random(store.count)]!));
    expect(ids(asc)).toEqual(reference(store, {}, asc));
    // The ascending query patched the order without tie bits; idle time adds them.
    expect(query.prepareStep()).toBe(true);
    while (query.prepareStep());
    expect(ids(desc)).toEqual(reference(store, {}, desc));
    for (let i = 0; i < 5; i++) store.upsert(task(store.ids[random(store.count)]!));
    expect(ids(asc)).toEqual(reference(store, {}, asc));
    expect(ids(desc)).toEqual(reference(store, {}, desc));
  });
});

describe('text index', () => {
  it('finds text in ids and names, case-insensitively, across appended rows and after deletions', () => {
    const store = new TaskStore();
    store.upsert({ id: 'frame-1', displayName: 'Render İSTANBUL' });
    store.upsert({ id: 'frame-2', displayName: 'encode' });
    const text = new TextIndex(store);
    const found = (needle: string) => [...text.matches(needle)].flatMap((hit, row) => (hit ? [store.ids[row]] : []));
    expect(found('stanbul')).toEqual(['frame-1']);
    expect(found('FRAME')).toEqual(['frame-1', 'frame-2']);
    store.upsert({ id: 'frame-3', displayName: 'Encode again' });
    expect(found('encode')).toEqual(['frame-2', 'frame-3']);
    store.delete('frame-2');
    expect(found('encode')).toEqual(['frame-3']);
    // A needle never matches across the boundary between an id and its name, or between two rows.
    expect(found('1render')).toEqual([]);
    expect(found('istanbulframe')).toEqual([]);
  });

  it('stays right across several blocks when deletions move rows between them and rows are appended', () => {
    const { random } = randomTasks(3);
    const store = new TaskStore();
    for (let i = 0; i < 140_000; i++) store.upsert({ id: `t${i}`, ...(i % 3 ? {} : { displayName: `Frame ${i % 977}` }) });
    const text = new TextIndex(store);
    const found = (needle: string) => [...text.matches(needle)].flatMap((hit, row) => (hit ? [store.ids[row]] : [])).sort();
    const brute = (needle: string) =>
      store.ids.slice(0, store.count).filter((id, row) => id.includes(needle) || (store.names[row] ?? '').toLowerCase().includes(needle)).sort();
    expect(found('frame 97')).toEqual(brute('frame 97'));
    for (let i = 0; i < 300; i++) store.delete(store.ids[random(store.count)]!);
    for (let i = 0; i < 50; i++) store.upsert({ id: `added${i}`, displayName: `Frame 97${i}` });
    for (let i = 0; i < 300; i++) store.delete(store.ids[random(store.count)]!);
    expect(found('frame 97')).toEqual(brute('frame 97'));
    expect(found('t13999')).toEqual(brute('t13999'));
  });

  it('refuses needles holding its separator, so the caller falls back to testing rows', () => {
    expect(TextIndex.accepts('a\u0000b')).toBe(false);
    expect(TextIndex.accepts('frame 12')).toBe(true);
  });
});
