import { describe, expect, it } from 'vitest';
import { TASK_INDEX_STATES } from '../../../shared/models';
import { TASK_STATE_FILTERS, isTaskStateFilter } from './task-filters';

describe('isTaskStateFilter', () => {
  it('accepts the known choices only', () => {
    expect(isTaskStateFilter('failed')).toBe(true);
    expect(isTaskStateFilter('preparing')).toBe(false);
    expect(isTaskStateFilter(undefined)).toBe(false);
  });

  it('offers only states the task index can filter by', () => {
    for (const state of TASK_STATE_FILTERS.filter((s) => s !== 'all')) expect(TASK_INDEX_STATES).toContain(state);
  });
});
