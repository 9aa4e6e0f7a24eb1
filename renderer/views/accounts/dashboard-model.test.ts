import { describe, expect, it } from 'vitest';
import type { AccountDashboard, NodeCountsByState } from '../../../shared/models';
import { jobStateCounts, jobsTotalText, nodeStateCounts, offersSampleWorkload, quotaLines, totalJobs } from './dashboard-model';

const zero: NodeCountsByState = {
  creating: 0,
  idle: 0,
  offline: 0,
  preempted: 0,
  rebooting: 0,
  reimaging: 0,
  running: 0,
  starting: 0,
  startTaskFailed: 0,
  leavingPool: 0,
  unknown: 0,
  unusable: 0,
  waitingForStartTask: 0,
  total: 0,
};

const dashboard = (over: Partial<AccountDashboard> = {}): AccountDashboard => ({
  accountId: 'local',
  pools: [],
  jobsByState: {},
  jobsTruncated: false,
  fetchedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('nodeStateCounts', () => {
  it('lists only states with nodes, busy ones first, trouble last, never the total', () => {
    const counts = { ...zero, unusable: 1, idle: 2, running: 3, waitingForStartTask: 4, total: 10 };
    expect(nodeStateCounts(counts)).toEqual([
      { state: 'running', label: 'Running', count: 3 },
      { state: 'idle', label: 'Idle', count: 2 },
      { state: 'waitingForStartTask', label: 'Waiting for start task', count: 4 },
      { state: 'unusable', label: 'Unusable', count: 1 },
    ]);
  });

  it('is empty for a pool without nodes', () => {
    expect(nodeStateCounts(zero)).toEqual([]);
  });
});

describe('jobStateCounts and totals', () => {
  it('orders known states by lifecycle and appends unknown ones', () => {
    expect(jobStateCounts({ completed: 2, active: 1, zombie: 1, disabled: 0 }).map((s) => `${s.label}=${s.count}`)).toEqual([
      'Active=1',
      'Completed=2',
      'zombie=1',
    ]);
  });

  it('sums the jobs and marks a truncated count', () => {
    expect(totalJobs(dashboard({ jobsByState: { active: 3, completed: 4 } }))).toBe(7);
    expect(jobsTotalText(dashboard({ jobsByState: { active: 10_000 }, jobsTruncated: true }))).toBe('10000+');
    expect(jobsTotalText(dashboard({ jobsByState: { active: 2 } }))).toBe('2');
  });
});

describe('offersSampleWorkload', () => {
  const pool = { poolId: 'p', dedicated: zero, lowPriority: zero };

  it('offers it only for an empty local emulator', () => {
    expect(offersSampleWorkload({ kind: 'local' }, dashboard())).toBe(true);
    expect(offersSampleWorkload({ kind: 'sharedKey' }, dashboard())).toBe(false);
    expect(offersSampleWorkload(undefined, dashboard())).toBe(false);
  });

  it('stops offering it once there is a pool or a job', () => {
    expect(offersSampleWorkload({ kind: 'local' }, dashboard({ pools: [pool] }))).toBe(false);
    expect(offersSampleWorkload({ kind: 'local' }, dashboard({ jobsByState: { completed: 1 } }))).toBe(false);
  });
});

describe('quotaLines', () => {
  it('shows only the quotas present', () => {
    expect(quotaLines(undefined)).toEqual([]);
    expect(quotaLines({ pools: 100, activeJobsAndJobSchedules: 300 })).toEqual([
      { label: 'Pools', value: '100' },
      { label: 'Active jobs and job schedules', value: '300' },
    ]);
  });

  it('includes core quotas and non-zero per-family quotas', () => {
    const lines = quotaLines({
      dedicatedCores: 1200,
      lowPriorityCores: 0,
      dedicatedCoresPerVmFamilyEnforced: true,
      dedicatedCoresPerVmFamily: [
        { name: 'standardDv3Family', coreQuota: 350 },
        { name: 'standardNCFamily', coreQuota: 0 },
      ],
    });
    expect(lines).toEqual([
      { label: 'Dedicated cores', value: '1,200' },
      { label: 'Low-priority / spot cores', value: '0' },
      { label: 'Per-VM-family core quotas enforced', value: 'Yes' },
      { label: 'Dedicated cores: standardDv3Family', value: '350' },
    ]);
  });
});
