import { describe, expect, it } from 'vitest';
import { groupByCause, groupByNode, type FailedTask } from './group';

const task = (id: string, extra: Partial<FailedTask> = {}): FailedTask => ({ id, ...extra });

describe('groupByCause', () => {
  it('groups by exit code, failureInfo code and category, largest first', () => {
    const groups = groupByCause([
      task('a', { exitCode: 1, category: 'usererror', code: 'FailureExitCode', message: 'exit 1' }),
      task('b', { exitCode: 2, category: 'usererror', code: 'FailureExitCode' }),
      task('c', { exitCode: 1, category: 'usererror', code: 'FailureExitCode' }),
      task('d', { category: 'servererror', code: 'TaskEnded' }),
    ]);
    expect(groups.map((g) => [g.exitCode, g.code, g.count, g.taskIds])).toEqual([
      [1, 'FailureExitCode', 2, ['a', 'c']],
      [undefined, 'TaskEnded', 1, ['d']],
      [2, 'FailureExitCode', 1, ['b']],
    ]);
    expect(groups[0]?.sampleTaskId).toBe('a');
    expect(groups[0]?.message).toBe('exit 1');
  });

  it('keeps the same exit code with different categories apart', () => {
    const groups = groupByCause([task('a', { exitCode: 1, category: 'usererror' }), task('b', { exitCode: 1, category: 'servererror' })]);
    expect(groups).toHaveLength(2);
  });

  it('answers no groups for no failures', () => {
    expect(groupByCause([])).toEqual([]);
  });
});

describe('groupByNode', () => {
  const onNode = (id: string, nodeId: string, poolId = 'p') => task(id, { nodeId, poolId });

  it('counts failures per node and flags a node far above its pool mean', () => {
    const tasks = [
      ...Array.from({ length: 9 }, (_, i) => onNode(`bad${i}`, 'n1')),
      onNode('x1', 'n2'),
      onNode('x2', 'n3'),
    ];
    const groups = groupByNode(tasks, new Map([['p', 10]]));
    expect(groups.map((g) => [g.nodeId, g.count, g.suspect])).toEqual([
      ['n1', 9, true],
      ['n2', 1, false],
      ['n3', 1, false],
    ]);
    expect(groups[0]?.poolMean).toBeCloseTo(11 / 10);
  });

  it('does not flag nodes when failures are spread evenly', () => {
    const tasks = ['n1', 'n2', 'n3'].flatMap((n) => [1, 2, 3, 4].map((i) => onNode(`${n}-${i}`, n)));
    expect(groupByNode(tasks, new Map([['p', 3]])).some((g) => g.suspect)).toBe(false);
  });

  it('does not flag the only node of a pool, and needs a few failures before flagging', () => {
    expect(groupByNode([onNode('a', 'n1'), onNode('b', 'n1'), onNode('c', 'n1')], new Map([['p', 1]]))[0]?.suspect).toBe(false);
    expect(groupByNode([onNode('a', 'n1'), onNode('b', 'n1')], new Map([['p', 20]]))[0]?.suspect).toBe(false);
  });

  it('averages over failing nodes when the pool size is unknown, and skips tasks without a node', () => {
    const groups = groupByNode([onNode('a', 'n1', 'gone'), onNode('b', 'n2', 'gone'), task('c')], new Map());
    expect(groups).toHaveLength(2);
    expect(groups[0]?.poolMean).toBe(1);
  });

  it('keeps same-named nodes of different pools apart', () => {
    expect(groupByNode([onNode('a', 'n1', 'p1'), onNode('b', 'n1', 'p2')], new Map())).toHaveLength(2);
  });
});
