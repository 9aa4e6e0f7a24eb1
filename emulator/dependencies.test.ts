// Task dependencies: taskIds, taskIdRanges, waiting in `active`, and the satisfy/block dependency actions.
import type { BatchServiceClient } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator } from './test/helpers.js';
import { completedTask, idlePool, openGate, pause, taskWhen, untilGate } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let dir: string;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

beforeAll(async () => {
  ({ emulator, stop, dir } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  await idlePool(client, 'deps', 2, 4);
  await client.job.add({ id: 'dag', poolInfo: { poolId: 'deps' }, usesTaskDependencies: true });
});

afterAll(async () => {
  await stop();
});

describe('task dependencies', () => {
  it('refuses dependencies (and dependency actions) in a job that does not use them', async () => {
    await client.job.add({ id: 'flat', poolInfo: { poolId: 'deps' } });
    const single = await sdkStatus(client.task.add('flat', { id: 'b', commandLine: '/bin/true', dependsOn: { taskIds: ['a'] } }));
    expect(single).toEqual({ status: 400, code: 'TaskDependenciesNotSpecifiedOnJob' });
    const action = await sdkStatus(client.task.add('flat', { id: 'c', commandLine: '/bin/true', exitConditions: { default: { dependencyAction: 'satisfy' } } }));
    expect(action).toEqual({ status: 400, code: 'TaskDependenciesNotSpecifiedOnJob' });
    const collection = await client.task.addCollection('flat', [{ id: 'd', commandLine: '/bin/true', dependsOn: { taskIdRanges: [{ start: 1, end: 2 }] } }]);
    expect(collection.value?.map((r) => [r.status, r.error?.code])).toEqual([['clientError', 'TaskDependenciesNotSpecifiedOnJob']]);
    expect((await client.job.get('flat')).usesTaskDependencies).toBe(false);
  });

  it('keeps a dependent task active until the tasks it names by id have succeeded', async () => {
    await client.task.addCollection('dag', [
      { id: 'merge', commandLine: '/bin/true', dependsOn: { taskIds: ['rain', 'sun'] } },
      { id: 'rain', commandLine: untilGate('rain') },
      { id: 'sun', commandLine: '/bin/true' },
    ]);
    await completedTask(client, 'dag', 'sun');
    const waiting = await client.task.get('dag', 'merge');
    expect([waiting.state, waiting.executionInfo?.startTime, waiting.dependsOn?.taskIds]).toEqual(['active', undefined, ['rain', 'sun']]);
    await openGate(dir, 'rain');
    const rain = await completedTask(client, 'dag', 'rain');
    const merge = await completedTask(client, 'dag', 'merge');
    expect(merge.executionInfo?.result).toBe('success');
    expect(merge.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(rain.executionInfo?.endTime?.getTime() ?? Infinity);
  });

  it('waits for every task whose integer id lies in a range, leading zeros included', async () => {
    await client.task.addCollection('dag', [
      { id: '1', commandLine: '/bin/true' },
      { id: '02', commandLine: untilGate('two') },
      { id: '3', commandLine: '/bin/true' },
      { id: '3a', commandLine: '/bin/sleep 30' },
      { id: 'after-range', commandLine: '/bin/true', dependsOn: { taskIdRanges: [{ start: 1, end: 3 }] } },
    ]);
    await completedTask(client, 'dag', '1');
    expect((await client.task.get('dag', 'after-range')).state).toBe('active');
    await openGate(dir, 'two');
    const two = await completedTask(client, 'dag', '02');
    const after = await completedTask(client, 'dag', 'after-range');
    expect(after.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(two.executionInfo?.endTime?.getTime() ?? Infinity);
    // '3a' is no integer, so the range never waited for it.
    expect((await client.task.get('dag', '3a')).state).toBe('running');
    await client.task.terminate('dag', '3a');
  });

  it('blocks dependents of a failed task unless its exit conditions say satisfy', async () => {
    await client.task.addCollection('dag', [
      { id: 'fails', commandLine: '/bin/sh -c "exit 1"' },
      { id: 'blocked', commandLine: '/bin/true', dependsOn: { taskIds: ['fails'] } },
      {
        id: 'fails-ok',
        commandLine: '/bin/sh -c "exit 2"',
        exitConditions: { exitCodes: [{ code: 2, exitOptions: { dependencyAction: 'satisfy' } }] },
      },
      { id: 'freed', commandLine: '/bin/true', dependsOn: { taskIds: ['fails-ok'] } },
      { id: 'succeeds-blocking', commandLine: '/bin/true', exitConditions: { exitCodes: [{ code: 0, exitOptions: { dependencyAction: 'block' } }] } },
      { id: 'blocked-by-success', commandLine: '/bin/true', dependsOn: { taskIds: ['succeeds-blocking'] } },
      { id: 'default-satisfies', commandLine: '/bin/sh -c "exit 9"', exitConditions: { default: { dependencyAction: 'satisfy' } } },
      { id: 'freed-by-default', commandLine: '/bin/true', dependsOn: { taskIds: ['default-satisfies'] } },
    ]);
    expect((await completedTask(client, 'dag', 'freed')).executionInfo?.result).toBe('success');
    expect((await completedTask(client, 'dag', 'freed-by-default')).executionInfo?.result).toBe('success');
    await completedTask(client, 'dag', 'fails');
    await completedTask(client, 'dag', 'succeeds-blocking');
    await pause(300);
    for (const id of ['blocked', 'blocked-by-success']) {
      const task = await client.task.get('dag', id);
      expect([id, task.state, task.executionInfo?.startTime]).toEqual([id, 'active', undefined]);
    }
  });

  it('frees a blocked dependent when its failed parent is reactivated and then succeeds', async () => {
    await client.task.addCollection('dag', [
      // Fails once: the marker lives in the data folder, which every node shares.
      { id: 'second-try', commandLine: '/bin/sh -c "test -f $AZ_BATCH_NODE_ROOT_DIR/../../second-try || { touch $AZ_BATCH_NODE_ROOT_DIR/../../second-try; exit 1; }"' },
      { id: 'after-second-try', commandLine: '/bin/true', dependsOn: { taskIds: ['second-try'] } },
    ]);
    const failed = await completedTask(client, 'dag', 'second-try');
    expect(failed.executionInfo?.result).toBe('failure');
    expect((await client.task.get('dag', 'after-second-try')).state).toBe('active');
    await client.task.reactivate('dag', 'second-try');
    expect((await completedTask(client, 'dag', 'second-try')).executionInfo?.result).toBe('success');
    expect((await completedTask(client, 'dag', 'after-second-try')).executionInfo?.result).toBe('success');
  });

  it('keeps dependents of a terminated task blocked, and waits for a named task that is added later', async () => {
    await client.task.addCollection('dag', [
      { id: 'ended', commandLine: '/bin/sleep 30' },
      { id: 'after-ended', commandLine: '/bin/true', dependsOn: { taskIds: ['ended'] } },
      { id: 'after-later', commandLine: '/bin/true', dependsOn: { taskIds: ['later'] } },
    ]);
    await taskWhen(client, 'dag', 'ended', (t) => t.state === 'running', 'ended running');
    await client.task.terminate('dag', 'ended');
    await pause(300);
    expect((await client.task.get('dag', 'after-ended')).state).toBe('active');
    expect((await client.task.get('dag', 'after-later')).state).toBe('active');
    await client.task.add('dag', { id: 'later', commandLine: '/bin/true' });
    expect((await completedTask(client, 'dag', 'after-later')).executionInfo?.result).toBe('success');
  });

  it('refuses a range whose start is past its end, and more than 64,000 characters of task ids', async () => {
    const bad = await sdkStatus(client.task.add('dag', { id: 'bad-range', commandLine: '/bin/true', dependsOn: { taskIdRanges: [{ start: 5, end: 1 }] } }));
    expect(bad).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    const taskIds = Array.from({ length: 1100 }, (_, i) => `parent-${String(i).padStart(53, '0')}`);
    const tooLong = await sdkStatus(client.task.add('dag', { id: 'too-many', commandLine: '/bin/true', dependsOn: { taskIds } }));
    expect(tooLong).toEqual({ status: 400, code: 'TaskDependencyListTooLong' });
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
