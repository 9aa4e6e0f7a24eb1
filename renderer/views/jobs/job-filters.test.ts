import { describe, expect, it } from 'vitest';
import { isJobStateFilter, jobListArgs, searchJobs } from './job-filters';

describe('jobListArgs', () => {
  it('sends the state only when one is chosen', () => {
    expect(jobListArgs('acc', 'all')).toEqual({ accountId: 'acc' });
    expect(jobListArgs('acc', 'completed')).toEqual({ accountId: 'acc', state: 'completed' });
  });
});

describe('isJobStateFilter', () => {
  it('accepts the known choices only', () => {
    expect(isJobStateFilter('active')).toBe(true);
    expect(isJobStateFilter('running')).toBe(false);
    expect(isJobStateFilter(null)).toBe(false);
  });
});

describe('searchJobs', () => {
  const jobs = [{ id: 'Render-1' }, { id: 'render-2', displayName: 'Frames' }, { id: 'etl' }];
  it('matches id or display name anywhere, ignoring case', () => {
    expect(searchJobs(jobs, 'RENDER').map((j) => j.id)).toEqual(['Render-1', 'render-2']);
    expect(searchJobs(jobs, 'frame').map((j) => j.id)).toEqual(['render-2']);
    expect(searchJobs(jobs, '  ').map((j) => j.id)).toEqual(['Render-1', 'render-2', 'etl']);
    expect(searchJobs(jobs, 'zzz')).toEqual([]);
  });
});
