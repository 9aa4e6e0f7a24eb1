import { describe, expect, it } from 'vitest';
import { compileFilter } from './index.js';
import { TASK_FIELDS, type TestTask } from './test-fixtures.js';

const COUNT = 100_000;

/** Small seeded PRNG (mulberry32) so the data set is identical on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeTasks(): TestTask[] {
  const next = random(20_240_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const base = Date.UTC(2024, 0, 1);
  const timestamp = (): string | undefined => {
    const iso = new Date(base + Math.floor(next() * 120 * 86_400_000)).toISOString();
    return pick([iso, iso, iso.replace('Z', '4567Z'), iso.replace('T', 't'), 'garbage', undefined]);
  };
  return Array.from({ length: COUNT }, (_, n) => {
    const task: TestTask = { id: `${pick(['task', 'Task', 'TASK', 'job', 'merge'])}-${n}` };
    const state = pick(['active', 'preparing', 'running', 'completed', 'Completed', 'RUNNING', undefined]);
    if (state !== undefined) task.state = state;
    const creationTime = timestamp();
    if (creationTime !== undefined) task.creationTime = creationTime;
    const stateTransitionTime = timestamp();
    if (stateTransitionTime !== undefined) task.stateTransitionTime = stateTransitionTime;
    if (next() < 0.8) {
      const exitCode = pick([-3, -1, 0, 0, 0, 1, 2, 3, 4, 5, null, undefined]);
      const result = pick(['success', 'failure', 'Failure', undefined]);
      task.executionInfo = { retryCount: Math.floor(next() * 4) };
      if (exitCode !== undefined) task.executionInfo.exitCode = exitCode;
      if (result !== undefined) task.executionInfo.result = result;
    }
    if (next() < 0.9) task.nodeInfo = { nodeId: `${pick(['tvm', 'TVM'])}-${Math.floor(next() * 10)}` };
    return task;
  });
}

const lower = (value: string | undefined) => value?.toLowerCase();
const time = (value: string | undefined) => (value === undefined ? Number.NaN : Date.parse(value));
const exitCode = (t: TestTask) => t.executionInfo?.exitCode;

/** Each filter with a hand-written predicate that states its intended meaning directly. */
const CASES: ReadonlyArray<readonly [string, (t: TestTask) => boolean]> = [
  ["state eq 'completed' and executionInfo/exitCode ne 0", (t) => lower(t.state) === 'completed' && exitCode(t) !== 0],
  ["startswith(id,'task-1') or executionInfo/result eq 'failure'", (t) => lower(t.id)?.startsWith('task-1') === true || lower(t.executionInfo?.result) === 'failure'],
  [
    "not (state eq 'running' or state eq 'active') and creationTime ge datetime'2024-03-01T00:00:00Z'",
    (t) => !(lower(t.state) === 'running' || lower(t.state) === 'active') && time(t.creationTime) >= Date.UTC(2024, 2, 1),
  ],
  ['executionInfo/exitCode gt 0 and executionInfo/exitCode le 3', (t) => (exitCode(t) ?? Number.NaN) > 0 && (exitCode(t) ?? Number.NaN) <= 3],
  ['executionInfo/exitCode eq null or executionInfo/retryCount ge 2', (t) => exitCode(t) == null || (t.executionInfo?.retryCount ?? -1) >= 2],
  ['creationTime lt 2024-02-15T12:00:00.500Z', (t) => time(t.creationTime) < Date.UTC(2024, 1, 15, 12, 0, 0, 500)],
  ["id ge 'TASK-5' and id lt 'task-6'", (t) => t.id.toLowerCase() >= 'task-5' && t.id.toLowerCase() < 'task-6'],
  ["nodeInfo/nodeId eq 'tvm-3' or startswith(nodeInfo/nodeId,'TVM')", (t) => t.nodeInfo?.nodeId === 'tvm-3' || t.nodeInfo?.nodeId.startsWith('TVM') === true],
  ["startswith(id,'job') eq false and state ne 'completed'", (t) => !t.id.toLowerCase().startsWith('job') && lower(t.state) !== 'completed'],
  ["stateTransitionTime gt '2024-02-01T00:00:00+02:00'", (t) => time(t.stateTransitionTime) > Date.UTC(2024, 0, 31, 22)],
  ["not state eq 'completed' and not executionInfo/exitCode eq 0 or executionInfo/exitCode lt -2", (t) => (lower(t.state) !== 'completed' && exitCode(t) !== 0) || (exitCode(t) ?? 0) < -2],
];

describe('compiled filters on 100k tasks', () => {
  const tasks = makeTasks();

  it.each(CASES)('%s matches the reference predicate', (filter, reference) => {
    const matches = compileFilter(filter, TASK_FIELDS);
    const mismatches: string[] = [];
    let matched = 0;
    for (const task of tasks) {
      const expected = reference(task);
      if (expected) matched++;
      if (matches(task) !== expected && mismatches.length < 5) mismatches.push(JSON.stringify(task));
    }
    expect(mismatches).toEqual([]);
    // A filter that matches nothing or everything would not test much.
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(tasks.length);
  });
});
