import { describe, expect, it } from 'vitest';
import { availableJobActions, jobInfoRows } from './job-info';

describe('availableJobActions', () => {
  it('offers only what the service accepts in each state', () => {
    expect(availableJobActions('active')).toEqual({ disable: true, enable: false, terminate: true, delete: true });
    expect(availableJobActions('disabled')).toEqual({ disable: false, enable: true, terminate: true, delete: true });
    expect(availableJobActions('completed')).toEqual({ disable: false, enable: false, terminate: false, delete: true });
    expect(availableJobActions('deleting').delete).toBe(false);
    expect(availableJobActions(undefined)).toEqual({ disable: false, enable: false, terminate: false, delete: false });
  });
});

describe('jobInfoRows', () => {
  it('lists the properties present, readable', () => {
    const rows = jobInfoRows({
      id: 'job-1',
      state: 'active',
      poolInfo: { poolId: 'p1' },
      priority: 0,
      constraints: { maxWallClockTime: 'PT1H', maxTaskRetryCount: -1 },
      executionInfo: { terminateReason: 'UserTerminate' },
      usesTaskDependencies: false,
      onAllTasksComplete: 'noaction',
      maxParallelTasks: -1,
    });
    expect(rows).toEqual([
      { label: 'Id', value: 'job-1' },
      { label: 'State', value: 'active' },
      { label: 'Pool', value: 'p1' },
      { label: 'Priority', value: '0' },
      { label: 'Terminate reason', value: 'UserTerminate' },
      { label: 'Max wall clock', value: '1h 00m' },
      { label: 'Max task retries', value: 'Unlimited' },
      { label: 'Uses task dependencies', value: 'false' },
      { label: 'When all tasks complete', value: 'noaction' },
      { label: 'Max parallel tasks', value: 'Unlimited' },
    ]);
  });

  it('names an auto pool and skips what is missing', () => {
    expect(jobInfoRows({ id: 'j', poolInfo: { autoPoolSpecification: {} } })).toEqual([
      { label: 'Id', value: 'j' },
      { label: 'Pool', value: 'Auto pool' },
    ]);
  });
});
