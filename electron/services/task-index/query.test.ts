import { describe, expect, it } from 'vitest';
import { TaskQuery } from './query';
import { randomTasks } from './random-tasks';
import { TaskStore, type TaskFacts } from './store';

const t = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));

/** Six tasks covering every state, results, missing values and ties. */
function sample(): TaskFacts[] {
  return [
    { id: 'b', displayName: 'Render Frame', state: 'completed', creationTime: t(1), stateTransitionTime: t(9), executionInfo: { startTime: t(2), endTime: t(9), exitCode: 0, result: 'success', retryCount: 0 }, nodeInfo: { nodeId: 'n2', poolId: 'p' } },
    { id: 'a', state: 'completed', creationTime: t(1), stateTransitionTime: t(5), executionInfo: { startTime: t(3), endTime: t(5), exitCode: 1, result: 'failure', retryCount: 2 }, nodeInfo: { nodeId: 'n1', poolId: 'p' } },
    { id: 'c', state: 'running', creationTime: t(2), stateTransitionTime: t(4), executionInfo: { startTime: t(4), retryCount: 0 }, nodeInfo: { nodeId: 'n1', poolId: 'p' } },
    { id: 'd', state: 'active', creationTime: t(0), stateTransitionTime: t(0) },
    { id: 'e', displayName: 'encode', state: 'completed', creationTime: t(3), stateTransitionTime: t(8), executionInfo: { startTime: t(5), endTime: t(8), exitCode: 1, result: 'failure', retryCount: 1 }, nodeInfo: { nodeId: 'n2', poolId: 'p' } },
    { id: 'f', state: 'preparing', creationTime: t(3), stateTransitionTime: t(6), nodeInfo: { nodeId: 'n3', poolId: 'p' } },
  ];
}

function indexed(tasks = sample()): { store: TaskStore; query: TaskQuery } {
  const store = new TaskStore();
  for (const task of tasks) store.upsert(task);
  return { store, query: new TaskQuery(store) };
}

const ids = (query: TaskQuery, ...args: Parameters<TaskQuery['window']>) => query.window(...args).rows.map((r) => r.id);

describe('task index store', () => {
  it('keeps every column and gives rows back as plain JSON', () => {
    const { query } = indexed();
    const [row] = query.window(0, 1, { contains: 'render' }).rows;
    expect(row).toEqual({
      id: 'b',
      displayName: 'Render Frame',
      state: 'completed',
      result: 'success',
      exitCode: 0,
      nodeId: 'n2',
      poolId: 'p',
      creationTime: t(1).toISOString(),
      startTime: t(2).toISOString(),
      endTime: t(9).toISOString(),
      retryCount: 0,
    });
    expect(query.window(0, 10, { contains: 'd' }).rows.find((r) => r.id === 'd')).toEqual({ id: 'd', state: 'active', creationTime: t(0).toISOString() });
  });

  it('counts a change only when something changed, and updates in place', () => {
    const { store, query } = indexed();
    const version = store.version;
    expect(store.upsert(sample()[2]!)).toBe(false);
    expect(store.version).toBe(version);
    expect(store.upsert({ ...sample()[2]!, state: 'completed', executionInfo: { startTime: t(4), endTime: t(7), exitCode: 3, result: 'failure' } })).toBe(true);
    expect(store.count).toBe(6);
    expect(query.window(0, 10, { exitCode: 3 }).rows.map((r) => [r.id, r.state, r.endTime])).toEqual([['c', 'completed', t(7).toISOString()]]);
  });

  it('deletes by moving the last row, keeping the id map right', () => {
    const { store, query } = indexed();
    expect(store.delete('b')).toBe(true);
    expect(store.delete('b')).toBe(false);
    expect(store.count).toBe(5);
    expect(ids(query, 0, 10)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(store.toRow(store.rowOf('f')!).id).toBe('f');
    expect(store.toRow(store.rowOf('f')!).state).toBe('preparing');
    store.upsert({ id: 'f', state: 'running' });
    expect(query.window(0, 10, { states: ['running'] }).rows.map((r) => r.id)).toEqual(['c', 'f']);
    for (const id of ['a', 'c', 'd', 'e', 'f']) store.delete(id);
    expect(query.window(0, 10).total).toBe(0);
  });

  it('grows past its first capacity', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `t${String(i).padStart(5, '0')}`, state: 'active', stateTransitionTime: t(i % 60) }));
    const { store, query } = indexed(many);
    expect(store.count).toBe(3000);
    expect(ids(query, 2998, 10)).toEqual(['t02998', 't02999']);
  });
});

describe('task index filters', () => {
  it('filters by state, with succeeded and failed as completed tasks by result', () => {
    const { query } = indexed();
    expect(ids(query, 0, 10, { states: ['completed'] })).toEqual(['a', 'b', 'e']);
    expect(ids(query, 0, 10, { states: ['succeeded'] })).toEqual(['b']);
    expect(ids(query, 0, 10, { states: ['failed'] })).toEqual(['a', 'e']);
    expect(ids(query, 0, 10, { states: ['active', 'preparing', 'failed'] })).toEqual(['a', 'd', 'e', 'f']);
    expect(ids(query, 0, 10, { states: [] })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('filters by exit code, node and case-insensitive text in id or display name, all together', () => {
    const { query } = indexed();
    expect(ids(query, 0, 10, { exitCode: 1 })).toEqual(['a', 'e']);
    expect(ids(query, 0, 10, { exitCode: 0 })).toEqual(['b']);
    expect(ids(query, 0, 10, { nodeId: 'n1' })).toEqual(['a', 'c']);
    expect(ids(query, 0, 10, { nodeId: 'nope' })).toEqual([]);
    expect(ids(query, 0, 10, { contains: 'FRAME' })).toEqual(['b']);
    // The text is matched literally: regex characters neither match anything else nor throw.
    expect(ids(query, 0, 10, { contains: 'fr.me' })).toEqual([]);
    expect(ids(query, 0, 10, { contains: '(' })).toEqual([]);
    expect(ids(query, 0, 10, { contains: 'e' })).toEqual(['b', 'e']);
    expect(ids(query, 0, 10, { contains: 'e', exitCode: 1, nodeId: 'n2', states: ['failed'] })).toEqual(['e']);
  });
});

describe('task index sorts', () => {
  const cases: [Parameters<TaskQuery['window']>[3], string[]][] = [
    [{ column: 'id', direction: 'asc' }, ['a', 'b', 'c', 'd', 'e', 'f']],
    [{ column: 'id', direction: 'desc' }, ['f', 'e', 'd', 'c', 'b', 'a']],
    [{ column: 'state', direction: 'asc' }, ['d', 'f', 'c', 'a', 'b', 'e']],
    [{ column: 'state', direction: 'desc' }, ['a', 'b', 'e', 'c', 'f', 'd']],
    // Missing exit codes (c, d, f) go last both ways, in id order.
    [{ column: 'exitCode', direction: 'asc' }, ['b', 'a', 'e', 'c', 'd', 'f']],
    [{ column: 'exitCode', direction: 'desc' }, ['a', 'e', 'b', 'c', 'd', 'f']],
    [{ column: 'nodeId', direction: 'asc' }, ['a', 'c', 'b', 'e', 'f', 'd']],
    [{ column: 'nodeId', direction: 'desc' }, ['f', 'b', 'e', 'a', 'c', 'd']],
    [{ column: 'creationTime', direction: 'asc' }, ['d', 'a', 'b', 'c', 'e', 'f']],
    [{ column: 'creationTime', direction: 'desc' }, ['e', 'f', 'c', 'a', 'b', 'd']],
    [{ column: 'startTime', direction: 'asc' }, ['b', 'a', 'c', 'e', 'd', 'f']],
    [{ column: 'startTime', direction: 'desc' }, ['e', 'c', 'a', 'b', 'd', 'f']],
    [{ column: 'endTime', direction: 'asc' }, ['a', 'e', 'b', 'c', 'd', 'f']],
    [{ column: 'endTime', direction: 'desc' }, ['b', 'e', 'a', 'c', 'd', 'f']],
    // Durations: a 2 min, b 7 min, e 3 min; the rest have not ended.
    [{ column: 'duration', direction: 'asc' }, ['a', 'e', 'b', 'c', 'd', 'f']],
    [{ column: 'duration', direction: 'desc' }, ['b', 'e', 'a', 'c', 'd', 'f']],
    [{ column: 'retryCount', direction: 'asc' }, ['b', 'c', 'e', 'a', 'd', 'f']],
    [{ column: 'retryCount', direction: 'desc' }, ['a', 'e', 'b', 'c', 'd', 'f']],
  ];
  for (const [sort, expected] of cases) {
    it(`sorts by ${sort!.column} ${sort!.direction}, missing last and ties by id`, () => {
      expect(ids(indexed().query, 0, 10, {}, sort)).toEqual(expected);
    });
  }

  it('sorts times far apart (keys wider than 32 bits)', () => {
    const { query } = indexed([
      { id: 'old', creationTime: new Date(Date.UTC(1990, 0, 1)) },
      { id: 'new', creationTime: new Date(Date.UTC(2030, 0, 1)) },
      { id: 'mid', creationTime: new Date(Date.UTC(2010, 0, 1, 0, 0, 0, 1)) },
      { id: 'mid2', creationTime: new Date(Date.UTC(2010, 0, 1)) },
    ]);
    expect(ids(query, 0, 10, {}, { column: 'creationTime', direction: 'asc' })).toEqual(['old', 'mid2', 'mid', 'new']);
    expect(ids(query, 0, 10, {}, { column: 'creationTime', direction: 'desc' })).toEqual(['new', 'mid', 'mid2', 'old']);
  });
});

describe('task index windows', () => {
  it('slices the ordered rows and reports the total; windows past the end are empty', () => {
    const { query } = indexed();
    expect(query.window(2, 2, {}, { column: 'creationTime', direction: 'asc' })).toMatchObject({ total: 6, rows: [{ id: 'b' }, { id: 'c' }] });
    expect(query.window(5, 10).rows.map((r) => r.id)).toEqual(['f']);
    expect(query.window(6, 10)).toEqual({ total: 6, rows: [] });
    expect(query.window(1000, 10, { states: ['failed'] })).toEqual({ total: 2, rows: [] });
    expect(query.window(0, 0).rows).toEqual([]);
  });

  it('reuses the cached order until the index changes, then sees the change', () => {
    const { store, query } = indexed();
    const sort = { column: 'exitCode', direction: 'asc' } as const;
    const first = query.ordered({}, sort);
    expect(query.ordered({}, sort)).toBe(first);
    store.upsert({ id: 'z', state: 'completed', executionInfo: { exitCode: -5, result: 'failure' } });
    expect(query.ordered({}, sort)).not.toBe(first);
    expect(ids(query, 0, 2, {}, sort)).toEqual(['z', 'b']);
    expect(ids(query, 0, 10)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'z']);
  });

  it('patches cached orders after changes to exactly what a rebuild gives, for every sort', () => {
    const { random, task } = randomTasks(7);
    const { store, query } = indexed(Array.from({ length: 300 }, (_, i) => task(`t${random(1000)}-${i}`)));
    const filters = [{}, { states: ['failed', 'running'] as const }, { contains: 'name 1' }, { nodeId: 'n2' }];
    const columns = ['id', 'state', 'exitCode', 'nodeId', 'creationTime', 'startTime', 'endTime', 'duration', 'retryCount'] as const;
    for (const column of columns) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of filters) {
          const sort = { column, direction };
          query.ordered(filter, sort);
          for (let i = 0; i < 5; i++) store.upsert(task(store.ids[random(store.count)]!));
          store.upsert(task(`new-${column}-${direction}-${JSON.stringify(filter)}`));
          expect([...query.ordered(filter, sort)]).toEqual([...new TaskQuery(store).ordered(filter, sort)]);
        }
      }
    }
  });

  it('keeps the id order right as rows are appended in any order', () => {
    const store = new TaskStore();
    const query = new TaskQuery(store);
    const all: string[] = [];
    for (let page = 0; page < 5; page++) {
      for (let i = 0; i < 50; i++) {
        const id = `k${(page * 7919 + i * 104729) % 100003}`;
        store.upsert({ id });
        all.push(id);
      }
      expect(ids(query, 0, 1000)).toEqual([...new Set(all)].sort());
    }
  });
});
