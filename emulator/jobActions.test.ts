// Exit conditions and the job actions they lead to, onAllTasksComplete, the job manager task, output files.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator } from './test/helpers.js';
import { completedJob, completedTask, idlePool, jobWhen, openGate, pause, sleepThenExit, taskWhen, untilGate } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let dir: string;
let client: BatchServiceClient;
const recorder = new SpecRecorder();
let storage: Server;
let storageUrl: string;
const uploads = new Map<string, string>();

beforeAll(async () => {
  ({ emulator, stop, dir } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  // A stand-in for Blob storage: containers under /ok accept Put Blob, anything else is refused.
  storage = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ok = req.method === 'PUT' && req.url?.startsWith('/ok/') && req.headers['x-ms-blob-type'] === 'BlockBlob';
      if (ok) uploads.set(new URL(req.url ?? '', 'http://x').pathname, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(ok ? 201 : 403).end();
    });
  });
  await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
  storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
  await idlePool(client, 'acts', 2, 2);
});

afterAll(async () => {
  await stop();
  await new Promise((resolve) => storage.close(resolve));
});

const ACTING = { poolInfo: { poolId: 'acts' }, onTaskFailure: 'performexitoptionsjobaction' as const };

async function jobWithTask(jobId: string, task: BatchServiceModels.TaskAddParameter, job: Partial<BatchServiceModels.JobAddParameter> = ACTING): Promise<void> {
  await client.job.add({ id: jobId, poolInfo: { poolId: 'acts' }, ...job });
  await client.task.add(jobId, task);
}

describe('exit conditions and job actions', () => {
  it('refuses a job action in a job whose onTaskFailure is noAction', async () => {
    await client.job.add({ id: 'no-action', poolInfo: { poolId: 'acts' } });
    const bad = await sdkStatus(client.task.add('no-action', { id: 't', commandLine: '/bin/true', exitConditions: { default: { jobAction: 'terminate' } } }));
    expect(bad).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    await client.task.add('no-action', { id: 'fails', commandLine: '/bin/sh -c "exit 1"' });
    await completedTask(client, 'no-action', 'fails');
    await pause(200);
    expect((await client.job.get('no-action')).state).toBe('active');
  });

  it('terminates the job with TaskFailed for an exit code mapped to terminate, and by default for any failure', async () => {
    await jobWithTask('by-code', { id: 't', commandLine: '/bin/sh -c "exit 3"', exitConditions: { exitCodes: [{ code: 3, exitOptions: { jobAction: 'terminate' } }] } });
    await jobWithTask('by-default', { id: 't', commandLine: '/bin/sh -c "exit 6"' });
    for (const id of ['by-code', 'by-default']) {
      const job = await completedJob(client, id);
      expect([id, job.executionInfo?.terminateReason, job.onTaskFailure]).toEqual([id, 'TaskFailed', 'performExitOptionsJobAction']);
    }
  });

  it('disables the job for a code in a range mapped to disable, requeueing its running tasks', async () => {
    await client.job.add({ id: 'by-range', ...ACTING });
    await client.task.addCollection('by-range', [
      { id: 'long', commandLine: '/bin/sleep 30' },
      { id: 't', commandLine: untilGate('by-range', 4), exitConditions: { exitCodeRanges: [{ start: 1, end: 10, exitOptions: { jobAction: 'disable' } }] } },
    ]);
    await taskWhen(client, 'by-range', 'long', (t) => t.state === 'running', 'long running');
    await openGate(dir, 'by-range');
    const job = await jobWhen(client, 'by-range', (j) => j.state === 'disabled', 'job disabled');
    expect(job.previousState).toBe('disabling');
    const long = await client.task.get('by-range', 'long');
    expect([long.state, long.executionInfo?.requeueCount]).toEqual(['active', 1]);
  });

  it('takes no action for a code mapped to none or a default of none', async () => {
    await jobWithTask('mapped-none', { id: 't', commandLine: '/bin/sh -c "exit 5"', exitConditions: { exitCodes: [{ code: 5, exitOptions: { jobAction: 'none' } }] } });
    await jobWithTask('default-none', { id: 't', commandLine: '/bin/sh -c "exit 7"', exitConditions: { default: { jobAction: 'none' } } });
    await completedTask(client, 'mapped-none', 't');
    await completedTask(client, 'default-none', 't');
    await pause(200);
    expect((await client.job.get('mapped-none')).state).toBe('active');
    expect((await client.job.get('default-none')).state).toBe('active');
  });

  it('acts on exit code 0 only when it is listed', async () => {
    await jobWithTask('zero-listed', { id: 't', commandLine: '/bin/true', exitConditions: { exitCodes: [{ code: 0, exitOptions: { jobAction: 'terminate' } }], default: { jobAction: 'disable' } } });
    expect((await completedJob(client, 'zero-listed')).executionInfo?.terminateReason).toBe('TaskFailed');
    await jobWithTask('zero-default', { id: 't', commandLine: '/bin/true', exitConditions: { default: { jobAction: 'terminate' } } });
    await completedTask(client, 'zero-default', 't');
    await pause(200);
    expect((await client.job.get('zero-default')).state).toBe('active');
  });

  it('uses preProcessingError when the program cannot start, else default', async () => {
    await jobWithTask('pre', { id: 't', commandLine: '/no/such/program', exitConditions: { preProcessingError: { jobAction: 'terminate' }, default: { jobAction: 'none' } } });
    await jobWithTask('pre-default', { id: 't', commandLine: '/no/such/program', exitConditions: { default: { jobAction: 'disable' } } });
    expect((await completedJob(client, 'pre')).executionInfo?.terminateReason).toBe('TaskFailed');
    expect((await jobWhen(client, 'pre-default', (j) => j.state === 'disabled', 'pre-default disabled')).state).toBe('disabled');
  });

  it('uploads output files and uses fileUploadError when an upload fails', async () => {
    const write = `/bin/sh -c "mkdir -p out && echo result > out/a.txt && echo log > out/b.log"`;
    const uploadTo = (container: string, filePattern: string, path?: string): BatchServiceModels.OutputFile => ({
      filePattern,
      destination: { container: { containerUrl: `${storageUrl}/${container}?sv=x&sig=y`, path } },
      uploadOptions: { uploadCondition: 'taskcompletion' },
    });
    await jobWithTask('upload-ok', { id: 't', commandLine: write, outputFiles: [uploadTo('ok', 'out/*.txt', 'results'), uploadTo('ok', '../stdout.txt', 'logs/stdout.txt')] });
    const ok = await completedTask(client, 'upload-ok', 't');
    expect(ok.executionInfo?.result).toBe('success');
    expect(uploads.get('/ok/results/a.txt')).toBe('result\n');
    expect(uploads.has('/ok/logs/stdout.txt')).toBe(true);
    expect(uploads.has('/ok/results/b.log')).toBe(false);
    expect((await client.file.listFromTask('upload-ok', 't')).map((f) => f.name)).toContain('fileuploadout.txt');
    await jobWithTask('upload-denied', { id: 't', commandLine: write, outputFiles: [uploadTo('denied', 'out/**')], exitConditions: { fileUploadError: { jobAction: 'terminate' }, default: { jobAction: 'none' } } });
    const denied = await completedTask(client, 'upload-denied', 't');
    expect([denied.executionInfo?.result, denied.executionInfo?.exitCode, denied.executionInfo?.failureInfo?.code]).toEqual(['failure', 0, 'FileUploadAccessDenied']);
    expect((await completedJob(client, 'upload-denied')).executionInfo?.terminateReason).toBe('TaskFailed');
  });
});

describe('onAllTasksComplete', () => {
  it('terminates a job with terminateJob once every task is complete, with AllTasksComplete', async () => {
    await client.job.add({ id: 'all-done', poolInfo: { poolId: 'acts' } });
    await client.task.addCollection('all-done', [
      { id: 'a', commandLine: '/bin/true' },
      { id: 'b', commandLine: sleepThenExit(0.3, 1) },
    ]);
    await client.job.patch('all-done', { onAllTasksComplete: 'terminatejob' });
    const job = await completedJob(client, 'all-done');
    expect([job.executionInfo?.terminateReason, job.onAllTasksComplete]).toEqual(['AllTasksComplete', 'terminateJob']);
    const tasks = await client.task.list('all-done');
    expect(tasks.every((t) => t.state === 'completed')).toBe(true);
  });

  it('ends a job without tasks at once, as the service documents, and leaves noAction jobs alone', async () => {
    await client.job.add({ id: 'empty', poolInfo: { poolId: 'acts' }, onAllTasksComplete: 'terminatejob' });
    expect((await completedJob(client, 'empty')).executionInfo?.terminateReason).toBe('AllTasksComplete');
    await jobWithTask('no-end', { id: 't', commandLine: '/bin/true' }, {});
    await completedTask(client, 'no-end', 't');
    await pause(200);
    expect((await client.job.get('no-end')).state).toBe('active');
  });
});

describe('job manager task', () => {
  it('runs first, and ends the job with JMComplete when it completes, ending the other running tasks', async () => {
    await client.job.add({ id: 'managed', poolInfo: { poolId: 'acts' }, jobManagerTask: { id: 'manager', commandLine: untilGate('managed'), runExclusive: false } });
    const manager = await taskWhen(client, 'managed', 'manager', (t) => t.state === 'running', 'manager running');
    expect(manager.commandLine).toBe(untilGate('managed'));
    await client.task.add('managed', { id: 'worker', commandLine: '/bin/sleep 30' });
    await taskWhen(client, 'managed', 'worker', (t) => t.state === 'running', 'worker running');
    await openGate(dir, 'managed');
    const job = await completedJob(client, 'managed');
    expect(job.executionInfo?.terminateReason).toBe('JMComplete');
    expect(job.jobManagerTask?.id).toBe('manager');
    const worker = await client.task.get('managed', 'worker');
    expect([worker.state, worker.executionInfo?.failureInfo?.code]).toEqual(['completed', 'TaskEnded']);
    expect((await client.task.get('managed', 'manager')).executionInfo?.result).toBe('success');
  });

  it('leaves the job active when killJobOnCompletion is false', async () => {
    await client.job.add({ id: 'kept', poolInfo: { poolId: 'acts' }, jobManagerTask: { id: 'manager', commandLine: '/bin/true', killJobOnCompletion: false } });
    await completedTask(client, 'kept', 'manager');
    await pause(200);
    expect((await client.job.get('kept')).state).toBe('active');
  });

  it('keeps the node to itself while it runs (runExclusive, the default)', async () => {
    await idlePool(client, 'one-node', 1, 2);
    await client.job.add({ id: 'exclusive', poolInfo: { poolId: 'one-node' }, jobManagerTask: { id: 'manager', commandLine: untilGate('exclusive'), killJobOnCompletion: false } });
    await taskWhen(client, 'exclusive', 'manager', (t) => t.state === 'running', 'manager running');
    await client.task.add('exclusive', { id: 'worker', commandLine: '/bin/true' });
    await pause(300);
    expect((await client.task.get('exclusive', 'worker')).state).toBe('active');
    const node = (await client.computeNode.list('one-node'))[0];
    expect([node?.runningTasksCount, node?.runningTaskSlotsCount]).toEqual([1, 2]);
    await openGate(dir, 'exclusive');
    const manager = await completedTask(client, 'exclusive', 'manager');
    const worker = await completedTask(client, 'exclusive', 'worker');
    expect(worker.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(manager.executionInfo?.endTime?.getTime() ?? Infinity);
  });

  it('goes back to the head of the queue after a failed try', async () => {
    await idlePool(client, 'one-slot', 1, 1);
    // Fails on its first try only (the marker is in the node's working directory, which retries share).
    const flaky = '/bin/sh -c "test -f tried && exit 0; touch tried; sleep 0.3; exit 1"';
    await client.job.add({ id: 'jm-retry', poolInfo: { poolId: 'one-slot' }, jobManagerTask: { id: 'manager', commandLine: flaky, constraints: { maxTaskRetryCount: 1 }, killJobOnCompletion: false } });
    await taskWhen(client, 'jm-retry', 'manager', (t) => t.state === 'running', 'manager running');
    await client.task.addCollection('jm-retry', [
      { id: 'a', commandLine: '/bin/true' },
      { id: 'b', commandLine: '/bin/true' },
    ]);
    const manager = await completedTask(client, 'jm-retry', 'manager');
    expect([manager.executionInfo?.result, manager.executionInfo?.retryCount]).toEqual(['success', 1]);
    const a = await completedTask(client, 'jm-retry', 'a');
    expect(a.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(manager.executionInfo?.endTime?.getTime() ?? Infinity);
  });

  it('stays off low-priority nodes when allowLowPriorityNode is false', async () => {
    await client.pool.add({ id: 'spot', vmSize: 'standard_a1', virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' }, targetLowPriorityNodes: 1 });
    await client.job.add({ id: 'no-spot', poolInfo: { poolId: 'spot' }, jobManagerTask: { id: 'manager', commandLine: '/bin/true', allowLowPriorityNode: false, killJobOnCompletion: false } });
    await client.task.add('no-spot', { id: 'anywhere', commandLine: '/bin/true' });
    const anywhere = await completedTask(client, 'no-spot', 'anywhere');
    expect(anywhere.nodeInfo?.nodeId).toMatch(/_p$/);
    expect((await client.task.get('no-spot', 'manager')).state).toBe('active');
    await client.pool.resize('spot', { targetLowPriorityNodes: 1, targetDedicatedNodes: 1 });
    const manager = await completedTask(client, 'no-spot', 'manager');
    expect(manager.nodeInfo?.nodeId).toMatch(/_d$/);
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
