import { describe, expect, it } from 'vitest';
import { MAX_ID_PREFIX, isTaskStateFilter, taskFilterArgs } from './task-filters';

describe('taskFilterArgs', () => {
  it('sends nothing for "all" and an empty search', () => {
    expect(taskFilterArgs({ state: 'all', search: '   ' })).toEqual({});
  });

  it('sends the state and a trimmed id prefix', () => {
    expect(taskFilterArgs({ state: 'failed', search: ' task-1 ' })).toEqual({ state: 'failed', idPrefix: 'task-1' });
    expect(taskFilterArgs({ state: 'succeeded', search: '' })).toEqual({ state: 'succeeded' });
  });

  it('cuts a prefix longer than any task id', () => {
    const args = taskFilterArgs({ state: 'all', search: 'x'.repeat(100) });
    expect(args.idPrefix).toHaveLength(MAX_ID_PREFIX);
  });
});

describe('isTaskStateFilter', () => {
  it('accepts the known choices only', () => {
    expect(isTaskStateFilter('failed')).toBe(true);
    expect(isTaskStateFilter('preparing')).toBe(false);
    expect(isTaskStateFilter(undefined)).toBe(false);
  });
});
