import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/models';
import { constraintDuration, taskDetailModel } from './task-detail-model';

const failed: JsonObject = {
  id: 'bad',
  state: 'completed',
  commandLine: '/bin/sh -c "exit 1"',
  creationTime: '2024-05-01T10:00:00.000Z',
  executionInfo: {
    startTime: '2024-05-01T10:00:05.000Z',
    endTime: '2024-05-01T10:00:07.500Z',
    exitCode: 1,
    result: 'failure',
    retryCount: 1,
    requeueCount: 0,
    failureInfo: { category: 'userError', code: 'FailureExitCode', message: 'The task exited with exit code 1', details: [{ name: 'Message', value: 'exit 1' }] },
  },
  nodeInfo: { poolId: 'p1', nodeId: 'tvm-1' },
  constraints: { maxWallClockTime: 'P10675199DT2H48M5.4775807S', retentionTime: 'P7D', maxTaskRetryCount: -1 },
  environmentSettings: [{ name: 'MODE', value: 'fast' }],
  dependsOn: { taskIds: ['a', 'b'], taskIdRanges: [{ start: 1, end: 5 }] },
};

describe('taskDetailModel', () => {
  it('reads the failure, exit code, node and counts', () => {
    const model = taskDetailModel(failed, 0);
    expect(model).toMatchObject({ commandLine: '/bin/sh -c "exit 1"', state: 'completed', exitCode: 1, result: 'failure', retryCount: 1, requeueCount: 0 });
    expect(model.failure).toEqual({
      category: 'userError',
      code: 'FailureExitCode',
      message: 'The task exited with exit code 1',
      details: [{ name: 'Message', value: 'exit 1' }],
    });
    expect(model.node).toEqual({ poolId: 'p1', nodeId: 'tvm-1' });
  });

  it('builds a timeline with the wait and the run time', () => {
    expect(taskDetailModel(failed, 0).timeline).toEqual([
      { label: 'Created', time: '2024-05-01T10:00:00.000Z' },
      { label: 'Started', time: '2024-05-01T10:00:05.000Z', after: { label: 'Waited', ms: 5_000 } },
      { label: 'Ended', time: '2024-05-01T10:00:07.500Z', after: { label: 'Ran', ms: 2_500 } },
    ]);
  });

  it('leaves steps open for a task that has not started or ended', () => {
    const steps = taskDetailModel({ id: 'x', creationTime: '2024-05-01T10:00:00Z' }, Date.parse('2024-05-01T10:01:00Z')).timeline;
    expect(steps.map((s) => [s.label, s.time])).toEqual([
      ['Created', '2024-05-01T10:00:00Z'],
      ['Started', undefined],
      ['Ended', undefined],
    ]);
  });

  it('reads constraints, environment and dependencies, naming unlimited values', () => {
    const model = taskDetailModel(failed, 0);
    expect(model.constraints).toEqual([
      { label: 'Max wall clock', value: 'Unlimited' },
      { label: 'Retention', value: '7d 00h' },
      { label: 'Max retries', value: 'Unlimited' },
    ]);
    expect(model.environment).toEqual([{ name: 'MODE', value: 'fast' }]);
    expect(model.dependencies).toEqual({ taskIds: ['a', 'b'], ranges: [{ start: 1, end: 5 }] });
  });

  it('copes with a bare task', () => {
    const model = taskDetailModel({ id: 'x' }, 0);
    expect(model.failure).toBeUndefined();
    expect(model.node).toBeUndefined();
    expect(model.constraints).toEqual([]);
    expect(model.dependencies).toEqual({ taskIds: [], ranges: [] });
  });
});

describe('constraintDuration', () => {
  it('formats durations and keeps what it cannot read', () => {
    expect(constraintDuration('PT30M')).toBe('30m 00s');
    expect(constraintDuration('weird')).toBe('weird');
    expect(constraintDuration(undefined)).toBeUndefined();
  });
});
