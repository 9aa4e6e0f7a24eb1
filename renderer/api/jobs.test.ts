import { describe, expect, it } from 'vitest';
import { historyKeys, jobKeys, taskKeys } from './keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => expect(key.slice(0, prefix.length)).toEqual([...prefix]);

describe('job and task keys', () => {
  it('nest so the hooks can invalidate by prefix', () => {
    startsWith(jobKeys.list('a', 'active'), [...jobKeys.lists(), 'a']);
    startsWith(jobKeys.countsBatch('a', ['j1', 'j2']), jobKeys.counts('a'));
    startsWith(taskKeys.pages('a', 'j', 'failed', 'x'), taskKeys.allPages('a', 'j'));
    startsWith(taskKeys.allPages('a', 'j'), taskKeys.job('a', 'j'));
    startsWith(taskKeys.detail('a', 'j', 't'), taskKeys.job('a', 'j'));
    startsWith(historyKeys.series('a', 'job', 'j', 60_000), [...historyKeys.all, 'a', 'job', 'j']);
  });

  it('keep accounts, jobs and filters apart', () => {
    expect(jobKeys.list('a', undefined)).toEqual(jobKeys.list('a', 'all'));
    expect(jobKeys.list('a', 'active')).not.toEqual(jobKeys.list('b', 'active'));
    expect(jobKeys.countsBatch('a', ['j1', 'j2'])).not.toEqual(jobKeys.countsBatch('a', ['j1']));
    expect(taskKeys.pages('a', 'j', undefined, undefined)).not.toEqual(taskKeys.pages('a', 'j', 'failed', undefined));
    expect(taskKeys.pages('a', 'j', undefined, 'x')).not.toEqual(taskKeys.pages('a', 'j', undefined, 'y'));
    expect(taskKeys.job('a', 'j1')).not.toEqual(taskKeys.job('a', 'j2'));
    // Invalidating a job's pages must leave its open task pages alone (a deleted task would answer 404).
    expect(taskKeys.detail('a', 'j', 't').slice(0, taskKeys.allPages('a', 'j').length)).not.toEqual([...taskKeys.allPages('a', 'j')]);
  });
});
