import { describe, expect, it } from 'vitest';
import { availableNodeActions, nodeActionArgs, NODE_ACTIONS } from './node-actions';
import type { JsonObject } from '../../../shared/models';
import { filterNodes, nodeDetailView, nodePath, taskHref, NODE_FILTERS } from './node-model';

const nodes = [
  { id: 'tvm-10', state: 'idle', ipAddress: '10.0.0.10' },
  { id: 'tvm-2', state: 'running', ipAddress: '10.0.0.2' },
  { id: 'tvm-1', state: 'idle', ipAddress: '10.0.0.1' },
];

describe('filterNodes', () => {
  it('keeps one state, or all, ordered by id with numbers compared as numbers', () => {
    expect(filterNodes(nodes, 'idle', '').map((n) => n.id)).toEqual(['tvm-1', 'tvm-10']);
    expect(filterNodes(nodes, 'all', '').map((n) => n.id)).toEqual(['tvm-1', 'tvm-2', 'tvm-10']);
    expect(filterNodes(nodes, 'offline', '')).toEqual([]);
  });

  it('searches ids and IP addresses', () => {
    expect(filterNodes(nodes, 'all', 'TVM-1').map((n) => n.id)).toEqual(['tvm-1', 'tvm-10']);
    expect(filterNodes(nodes, 'all', '0.0.2').map((n) => n.id)).toEqual(['tvm-2']);
  });

  it('offers all states as filter choices', () => {
    expect(NODE_FILTERS[0]?.value).toBe('all');
    expect(NODE_FILTERS.map((f) => f.value)).toContain('startTaskFailed');
  });
});

describe('nodeDetailView', () => {
  const raw: JsonObject = {
    id: 'tvm-1',
    schedulingState: 'enabled',
    lastBootTime: '2024-01-01T00:00:00.000Z',
    totalTasksRun: 4,
    nodeAgentInfo: { version: '1.9' },
    recentTasks: [
      { jobId: 'j1', taskId: 't1', taskState: 'running', executionInfo: { startTime: '2024-01-01T00:00:00.000Z' } },
      { jobId: 'j1', taskId: 't0', taskState: 'completed', executionInfo: { exitCode: 3, endTime: '2024-01-01T00:01:00.000Z' } },
      { taskUrl: 'broken' },
    ],
    startTask: { commandLine: 'setup.sh', waitForSuccess: true },
    startTaskInfo: {
      state: 'completed',
      exitCode: 1,
      retryCount: 0,
      result: 'failure',
      failureInfo: { category: 'usererror', code: 'FailureExitCode', message: 'The start task exited with 1', details: [{ name: 'Why', value: 'bad' }] },
    },
    errors: [{ code: 'DiskFull', message: 'No space', errorDetails: [{ name: 'Disk', value: 'temp' }] }],
  };

  it('splits running from recent tasks and skips entries without ids', () => {
    const view = nodeDetailView(raw);
    expect(view.runningTasks).toEqual([{ jobId: 'j1', taskId: 't1', state: 'running', startTime: '2024-01-01T00:00:00.000Z' }]);
    expect(view.recentTasks).toEqual([{ jobId: 'j1', taskId: 't0', state: 'completed', endTime: '2024-01-01T00:01:00.000Z', exitCode: 3 }]);
  });

  it('reads the start task, its failure and node errors with their details', () => {
    const view = nodeDetailView(raw);
    expect(view.startTask).toMatchObject({ commandLine: 'setup.sh', waitForSuccess: true, state: 'completed', exitCode: 1, result: 'failure' });
    expect(view.startTask?.failure).toEqual({ code: 'FailureExitCode', message: 'The start task exited with 1', details: [{ name: 'Why', value: 'bad' }] });
    expect(view.errors).toEqual([{ code: 'DiskFull', message: 'No space', details: [{ name: 'Disk', value: 'temp' }] }]);
    expect(view.facts).toContainEqual({ label: 'Node agent', value: '1.9' });
    expect(view.facts).toContainEqual({ label: 'Tasks run', value: '4' });
    expect(view.facts).toContainEqual({ label: 'Last boot', value: '2024-01-01T00:00:00.000Z', time: true });
  });

  it('has empty sections for a bare node', () => {
    expect(nodeDetailView({ id: 'x' })).toEqual({ runningTasks: [], recentTasks: [], errors: [], facts: [] });
  });
});

describe('links', () => {
  it('encodes ids in routes', () => {
    expect(taskHref('job 1', 't/1')).toBe('#/jobs/job%201/tasks/t%2F1');
    expect(nodePath('p', 'tvm-1_2')).toBe('/pools/p/nodes/tvm-1_2');
  });
});

describe('node actions', () => {
  it('offers only the scheduling switch that applies', () => {
    expect(availableNodeActions('enabled').map((a) => a.action)).toEqual(['reboot', 'reimage', 'remove', 'disableScheduling']);
    expect(availableNodeActions('disabled').map((a) => a.action)).toContain('enableScheduling');
    expect(availableNodeActions('disabled').map((a) => a.action)).not.toContain('disableScheduling');
  });

  it('sends the task fate only with actions that take one', () => {
    const reboot = NODE_ACTIONS.find((a) => a.action === 'reboot')!;
    const disable = NODE_ACTIONS.find((a) => a.action === 'disableScheduling')!;
    expect(nodeActionArgs('acc', 'p', 'n', reboot, 'terminate')).toEqual({ accountId: 'acc', poolId: 'p', nodeIds: ['n'], action: 'reboot', option: 'terminate' });
    expect(nodeActionArgs('acc', 'p', 'n', disable, 'terminate')).toEqual({ accountId: 'acc', poolId: 'p', nodeIds: ['n'], action: 'disableScheduling' });
  });
});
