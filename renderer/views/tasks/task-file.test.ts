import { describe, expect, it } from 'vitest';
import { MAX_TASKS_PER_FILE, parseTaskFile } from './task-file';

const ok = (text: string) => {
  const result = parseTaskFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.tasks;
};
const problem = (text: string) => {
  const result = parseTaskFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
};

describe('parseTaskFile', () => {
  it('accepts an array of tasks and keeps their other properties for the service', () => {
    const tasks = ok(JSON.stringify([{ id: 't1', commandLine: 'echo 1', constraints: { maxTaskRetryCount: 2 } }, { id: 't2', commandLine: 'x' }]));
    expect(tasks.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(tasks[0]?.constraints).toEqual({ maxTaskRetryCount: 2 });
  });

  it('refuses text that is not JSON, not an array, or empty', () => {
    expect(problem('{oops')).toMatch(/not valid JSON/);
    expect(problem('{"id":"t1","commandLine":"x"}')).toMatch(/JSON array/);
    expect(problem('[]')).toMatch(/no tasks/);
  });

  it('names the first bad entry', () => {
    expect(problem('[{"id":"a","commandLine":"x"}, 5, {"id":"b"}]')).toBe('Entry 2 (index 1) is not an object');
    expect(problem('[{"id":"a","commandLine":"x"}, {"commandLine":"x"}]')).toBe('Entry 2 (index 1) has no "id"');
    expect(problem('[{"id":"a","commandLine":"x"}, {"id":"b"}, {"nothing":1}]')).toBe('Entry 2 (index 1), id "b", has no "commandLine"');
    expect(problem('[{"id":"a","commandLine":"   "}]')).toMatch(/^Entry 1 \(index 0\), id "a", has no "commandLine"/);
    expect(problem('[{"id":"a b","commandLine":"x"}]')).toMatch(/bad id/);
    expect(problem('[{"id":"A","commandLine":"x"},{"id":"a","commandLine":"y"}]')).toMatch(/^Entry 2 .*repeats the id of entry 1/);
  });

  it('refuses more tasks than one call takes', () => {
    const many = Array.from({ length: MAX_TASKS_PER_FILE + 1 }, (_, i) => ({ id: `t${i}`, commandLine: 'x' }));
    expect(problem(JSON.stringify(many))).toMatch(/at most/);
  });
});
