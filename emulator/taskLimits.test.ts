// Retries, wall-clock limits of tasks and jobs, retention of task directories, and updating a live task.
import type { BatchServiceClient } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';
import { completedJob, completedTask, idlePool, nodeScript, openGate, pause, taskWhen, untilGate } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let dir: string;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

// Fails until it has run `times` times, then succeeds. It counts in the data folder, which every node shares.
function failTimes(times: number, name: string): string {
  const file = `require('path').join(process.env.AZ_BATCH_NODE_ROOT_DIR,'..','..','${name}')`;
  return nodeScript(`const fs=require('fs');const f=${file};let n=0;try{n=+fs.readFileSync(f,'utf8')}catch{};fs.writeFileSync(f,String(n+1));process.exit(n<${times}?1:0)`);
}

beforeAll(async () => {
  ({ emulator, stop, dir } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  await idlePool(client, 'limits', 2, 2);
  await idlePool(client, 'single', 1, 1);
});

afterAll(async () => {
  await stop();
});

describe('retries', () => {
  it('takes maxTaskRetryCount from the job, lets a task override it, and retries without limit for -1', async () => {
    await client.job.add({ id: 'retry-job', poolInfo: { poolId: 'limits' }, constraints: { maxTaskRetryCount: 1 } });
    await client.task.addCollection('retry-job', [
      { id: 'from-job', commandLine: '/bin/sh -c "exit 3"' },
      { id: 'own', commandLine: '/bin/sh -c "exit 3"', constraints: { maxTaskRetryCount: 0 } },
      { id: 'unlimited', commandLine: failTimes(3, 'unlimited-count'), constraints: { maxTaskRetryCount: -1 } },
      { id: 'ok', commandLine: '/bin/true' },
      { id: 'missing', commandLine: '/no/such/program' },
    ]);
    const fromJob = await completedTask(client, 'retry-job', 'from-job');
    expect([fromJob.executionInfo?.retryCount, fromJob.executionInfo?.exitCode, fromJob.constraints?.maxTaskRetryCount]).toEqual([1, 3, 1]);
    expect(fromJob.executionInfo?.lastRetryTime).toBeInstanceOf(Date);
    expect((await completedTask(client, 'retry-job', 'own')).executionInfo?.retryCount).toBe(0);
    const unlimited = await completedTask(client, 'retry-job', 'unlimited');
    expect([unlimited.executionInfo?.result, unlimited.executionInfo?.retryCount, unlimited.constraints?.maxTaskRetryCount]).toEqual(['success', 3, -1]);
    // Only a non-zero exit is retried: neither a success nor a program that cannot start.
    expect((await completedTask(client, 'retry-job', 'ok')).executionInfo?.retryCount).toBe(0);
    const missing = await completedTask(client, 'retry-job', 'missing');
    expect([missing.executionInfo?.retryCount, missing.executionInfo?.failureInfo?.code]).toEqual([0, 'CommandProgramNotFound']);
  });

  it('shows a task waiting for its next try as active', async () => {
    await client.job.add({ id: 'retry-wait', poolInfo: { poolId: 'single' } });
    await client.task.addCollection('retry-wait', [
      { id: 'flaky', commandLine: '/bin/sh -c "exit 1"', constraints: { maxTaskRetryCount: 1 } },
      { id: 'blocker', commandLine: '/bin/sleep 30' },
    ]);
    // The only slot goes to the blocker, queued behind the first try; the retry then waits in `active`.
    const blocker = await taskWhen(client, 'retry-wait', 'blocker', (t) => t.state === 'running', 'blocker running');
    expect(blocker.state).toBe('running');
    const flaky = await client.task.get('retry-wait', 'flaky');
    expect([flaky.state, flaky.previousState, flaky.executionInfo?.retryCount]).toEqual(['active', 'running', 1]);
    expect(flaky.executionInfo?.lastRetryTime).toBeInstanceOf(Date);
    expect(flaky.executionInfo?.startTime).toBeUndefined();
    await client.job.terminate('retry-wait');
    await completedJob(client, 'retry-wait');
  });
});

describe('wall-clock limits', () => {
  it('ends a task that runs past its maxWallClockTime with TaskEnded, without retrying it', async () => {
    await client.job.add({ id: 'wall', poolInfo: { poolId: 'limits' } });
    await client.task.add('wall', { id: 'slow', commandLine: '/bin/sleep 30', constraints: { maxWallClockTime: 'PT0.5S', maxTaskRetryCount: 2 } });
    const slow = await completedTask(client, 'wall', 'slow');
    expect(slow.executionInfo?.result).toBe('failure');
    expect(slow.executionInfo?.failureInfo?.category).toBe('serverError');
    expect(slow.executionInfo?.failureInfo?.code).toBe('TaskEnded');
    expect(slow.executionInfo?.retryCount).toBe(0);
    // The operating system's code for a killed process: 128 + SIGKILL on Linux.
    if (process.platform === 'linux') expect(slow.executionInfo?.exitCode).toBe(137);
    const ran = (slow.executionInfo?.endTime?.getTime() ?? 0) - (slow.executionInfo?.startTime?.getTime() ?? 0);
    expect(ran).toBeGreaterThanOrEqual(400);
    expect(ran).toBeLessThan(10_000);
  });

  it('terminates a job that outlives its maxWallClockTime with MaxWallClockTimeExpiry', async () => {
    await client.job.add({ id: 'wall-job', poolInfo: { poolId: 'limits' }, constraints: { maxWallClockTime: 'PT1S' } });
    await client.task.add('wall-job', { id: 'long', commandLine: '/bin/sleep 30' });
    const job = await completedJob(client, 'wall-job');
    expect([job.executionInfo?.terminateReason, job.previousState]).toEqual(['MaxWallClockTimeExpiry', 'terminating']);
    const long = await client.task.get('wall-job', 'long');
    expect([long.state, long.executionInfo?.failureInfo?.code]).toEqual(['completed', 'TaskEnded']);
  });
});

describe('updating a live task', () => {
  it('applies a new maxWallClockTime and maxTaskRetryCount to a task that is running', async () => {
    await client.job.add({ id: 'live', poolInfo: { poolId: 'limits' } });
    await client.task.add('live', { id: 'shorten', commandLine: '/bin/sleep 30' });
    await client.task.add('live', { id: 'retry-more', commandLine: untilGate('retry-more', 1) });
    await taskWhen(client, 'live', 'shorten', (t) => t.state === 'running', 'shorten running');
    await client.task.update('live', 'shorten', { constraints: { maxWallClockTime: 'PT0.2S' } });
    expect((await client.task.get('live', 'shorten')).constraints?.maxWallClockTime).toBe('PT0.2S');
    const shortened = await completedTask(client, 'live', 'shorten');
    expect(shortened.executionInfo?.failureInfo?.code).toBe('TaskEnded');
    await taskWhen(client, 'live', 'retry-more', (t) => t.state === 'running', 'retry-more running');
    await client.task.update('live', 'retry-more', { constraints: { maxTaskRetryCount: 2 } });
    await openGate(dir, 'retry-more');
    const retried = await completedTask(client, 'live', 'retry-more');
    expect(retried.executionInfo?.retryCount).toBe(2);
    expect(await sdkStatus(client.task.update('live', 'retry-more', { constraints: { maxTaskRetryCount: 5 } }))).toEqual({ status: 409, code: 'TaskCompleted' });
  });
});

describe('retention', () => {
  it('removes a completed task directory once its retentionTime has passed', async () => {
    await client.job.add({ id: 'keep', poolInfo: { poolId: 'limits' } });
    await client.task.addCollection('keep', [
      { id: 'brief', commandLine: '/bin/sh -c "echo hi"', constraints: { retentionTime: 'PT1S' } },
      { id: 'kept', commandLine: '/bin/sh -c "echo hi"' },
    ]);
    const brief = await completedTask(client, 'keep', 'brief');
    await completedTask(client, 'keep', 'kept');
    // Still there right after completion: a listing answered within the second was made before the removal was due
    // (a machine too busy to answer in time proves nothing either way).
    const names = await client.file.listFromTask('keep', 'brief').then((files) => files.map((f) => f.name), () => []);
    if (Date.now() < (brief.executionInfo?.endTime?.getTime() ?? 0) + 1000) expect(names).toContain('stdout.txt');
    await waitFor(async () => (await sdkStatus(client.file.listFromTask('keep', 'brief'))).code === 'TaskFilesUnavailable', 10_000, 'directory removed');
    await pause(100);
    expect((await client.file.listFromTask('keep', 'kept')).map((f) => f.name)).toContain('stdout.txt');
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
