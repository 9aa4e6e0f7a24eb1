// Job disable/enable, terminate and delete, and the job preparation and release tasks with their status.
import type { BatchServiceClient } from '@azure/batch';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';
import { completedJob, completedTask, idlePool, jobWhen, nodeFile, nodeScript, openGate, pause, sleepThenExit, taskFile, taskWhen, untilGate } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let dir: string;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

beforeAll(async () => {
  ({ emulator, stop, dir } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  await idlePool(client, 'life', 2, 2);
  await idlePool(client, 'solo', 1, 2);
});

afterAll(async () => {
  await stop();
});

describe('disable and enable', () => {
  it('terminates running tasks with disableTasks terminate, then enables the job again', async () => {
    await client.job.add({ id: 'dis-term', poolInfo: { poolId: 'life' } });
    await client.task.add('dis-term', { id: 'long', commandLine: '/bin/sleep 30' });
    await taskWhen(client, 'dis-term', 'long', (t) => t.state === 'running', 'long running');
    await client.job.disable('dis-term', 'terminate');
    const disabled = await jobWhen(client, 'dis-term', (j) => j.state === 'disabled', 'disabled');
    expect(disabled.previousState).toBe('disabling');
    expect((await client.task.get('dis-term', 'long')).executionInfo?.failureInfo?.code).toBe('TaskEnded');
    // Tasks added to a disabled job wait until it is enabled.
    await client.task.add('dis-term', { id: 'later', commandLine: '/bin/true' });
    await pause(200);
    expect((await client.task.get('dis-term', 'later')).state).toBe('active');
    expect(await sdkStatus(client.job.disable('dis-term', 'requeue'))).toEqual({ status: 409, code: 'JobNotActive' });
    await client.job.enable('dis-term');
    const enabled = await jobWhen(client, 'dis-term', (j) => j.state === 'active', 'enabled');
    expect(enabled.previousState).toBe('enabling');
    await completedTask(client, 'dis-term', 'later');
  });

  it('lets running tasks finish with disableTasks wait, staying disabling meanwhile', async () => {
    await client.job.add({ id: 'dis-wait', poolInfo: { poolId: 'life' } });
    await client.task.add('dis-wait', { id: 'short', commandLine: untilGate('dis-wait') });
    await taskWhen(client, 'dis-wait', 'short', (t) => t.state === 'running', 'short running');
    await client.job.disable('dis-wait', 'wait');
    await pause(200);
    expect((await client.job.get('dis-wait')).state).toBe('disabling');
    await openGate(dir, 'dis-wait');
    await jobWhen(client, 'dis-wait', (j) => j.state === 'disabled', 'disabled');
    const short = await client.task.get('dis-wait', 'short');
    expect([short.state, short.executionInfo?.result]).toEqual(['completed', 'success']);
  });
});

describe('terminate and delete', () => {
  it('terminates through terminating to completed, ending running tasks and leaving active ones', async () => {
    await client.job.add({ id: 'term', poolInfo: { poolId: 'solo' } });
    await client.task.addCollection('term', [
      { id: 'a', commandLine: '/bin/sleep 30', requiredSlots: 2 },
      { id: 'b', commandLine: '/bin/true' },
    ]);
    await taskWhen(client, 'term', 'a', (t) => t.state === 'running', 'a running');
    await client.job.terminate('term', { jobTerminateOptions: {} });
    const job = await completedJob(client, 'term');
    expect([job.previousState, job.executionInfo?.terminateReason]).toEqual(['terminating', 'UserTerminate']);
    expect(job.executionInfo?.endTime).toBeInstanceOf(Date);
    expect((await client.task.get('term', 'a')).executionInfo?.failureInfo?.code).toBe('TaskEnded');
    expect((await client.task.get('term', 'b')).state).toBe('active');
    expect(await sdkStatus(client.job.terminate('term'))).toEqual({ status: 409, code: 'JobCompleted' });
  });

  it('deletes a job: its running tasks are killed and their directories removed', async () => {
    await client.job.add({ id: 'gone', poolInfo: { poolId: 'solo' } });
    await client.task.addCollection('gone', [
      { id: 'done', commandLine: '/bin/true' },
      { id: 'long', commandLine: nodeScript("require('fs').writeFileSync('pid', String(process.pid)); setTimeout(() => {}, 30000)") },
    ]);
    const done = await completedTask(client, 'gone', 'done');
    await waitFor(async () => (await client.file.listFromTask('gone', 'long', { recursive: true }).catch(() => [])).some((f) => f.name === 'wd/pid'), 10_000, 'pid written');
    const pid = Number(await taskFile(client, 'gone', 'long', 'wd/pid'));
    const nodeId = done.nodeInfo?.nodeId ?? '';
    await client.job.deleteMethod('gone');
    await waitFor(async () => (await sdkStatus(client.job.get('gone'))).status === 404, 10_000, 'job deleted');
    const files = await client.file.listFromComputeNode('solo', nodeId, { recursive: true });
    expect(files.filter((f) => f.name?.startsWith('workitems/gone'))).toEqual([]);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('job preparation and release tasks', () => {
  it('runs the preparation once per node before the job tasks, which wait in preparing meanwhile', async () => {
    await client.job.add({
      id: 'prepped',
      poolInfo: { poolId: 'solo' },
      jobPreparationTask: { commandLine: untilGate('prepped'), environmentSettings: [{ name: 'STAGE', value: 'prep' }] },
      jobReleaseTask: { commandLine: nodeScript("require('fs').writeFileSync(require('path').join(process.env.AZ_BATCH_NODE_SHARED_DIR, 'released'), process.env.AZ_BATCH_TASK_ID)") },
    });
    await client.task.addCollection('prepped', [
      { id: 'a', commandLine: nodeScript('console.log(process.env.AZ_BATCH_JOB_PREP_DIR)') },
      { id: 'b', commandLine: '/bin/true' },
    ]);
    const waiting = await taskWhen(client, 'prepped', 'a', (t) => t.state !== 'active', 'a assigned');
    expect(waiting.state).toBe('preparing');
    expect(waiting.nodeInfo?.nodeId).toBeDefined();
    await openGate(dir, 'prepped');
    const a = await completedTask(client, 'prepped', 'a');
    await completedTask(client, 'prepped', 'b');
    expect((await taskFile(client, 'prepped', 'a', 'stdout.txt')).trim()).toMatch(/workitems\/prepped\/job-1\/jobpreparation$/);
    const statuses = await client.job.listPreparationAndReleaseTaskStatus('prepped');
    expect(statuses).toHaveLength(1);
    const prep = statuses[0]?.jobPreparationTaskExecutionInfo;
    expect([statuses[0]?.nodeId, statuses[0]?.poolId, prep?.state, prep?.result, prep?.exitCode, prep?.retryCount]).toEqual([a.nodeInfo?.nodeId, 'solo', 'completed', 'success', 0, 0]);
    expect(prep?.taskRootDirectory).toBe('workitems/prepped/job-1/jobpreparation');
    expect(statuses[0]?.jobReleaseTaskExecutionInfo).toBeUndefined();
    expect(a.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(prep?.endTime?.getTime() ?? Infinity);

    // The release task runs when the job ends; the job completes only after it.
    await client.job.terminate('prepped');
    const job = await completedJob(client, 'prepped');
    const [status] = await client.job.listPreparationAndReleaseTaskStatus('prepped');
    const release = status?.jobReleaseTaskExecutionInfo;
    expect([release?.state, release?.result, release?.taskRootDirectory]).toEqual(['completed', 'success', 'workitems/prepped/job-1/jobrelease']);
    expect(job.executionInfo?.endTime?.getTime()).toBeGreaterThanOrEqual(release?.endTime?.getTime() ?? Infinity);
    expect(await nodeFile(client, 'solo', a.nodeInfo?.nodeId ?? '', 'shared/released')).toBe('jobrelease');
  });

  it('never runs the job tasks on a node where the preparation failed', async () => {
    // The preparation fails on whichever node claims the marker first, and succeeds on the other.
    const claim = "const fs=require('fs');const p=require('path').join(process.env.AZ_BATCH_NODE_ROOT_DIR,'..','..','prep-claim');const me=process.env.AZ_BATCH_NODE_ID;try{fs.writeFileSync(p,me,{flag:'wx'})}catch{};process.exit(fs.readFileSync(p,'utf8')===me?1:0)";
    await client.job.add({ id: 'half', poolInfo: { poolId: 'life' }, jobPreparationTask: { id: 'setup', commandLine: nodeScript(claim), constraints: { maxTaskRetryCount: 1 } } });
    await client.task.addCollection('half', Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, commandLine: sleepThenExit(0.1) })));
    const tasks = await waitFor(async () => {
      const list = await client.task.list('half');
      return list.every((t) => t.state === 'completed') ? list : undefined;
    }, 15_000, 'half done');
    const statuses = await client.job.listPreparationAndReleaseTaskStatus('half');
    const failed = statuses.find((s) => s.jobPreparationTaskExecutionInfo?.result === 'failure');
    const succeeded = statuses.find((s) => s.jobPreparationTaskExecutionInfo?.result === 'success');
    expect(failed?.jobPreparationTaskExecutionInfo?.failureInfo?.code).toBe('FailureExitCode');
    expect(failed?.jobPreparationTaskExecutionInfo?.exitCode).toBe(1);
    expect(new Set(tasks.map((t) => t.nodeInfo?.nodeId))).toEqual(new Set([succeeded?.nodeId]));
    expect(tasks.every((t) => t.executionInfo?.result === 'success')).toBe(true);
  });

  it('keeps tasks waiting when the preparation fails everywhere, and retries it first', async () => {
    await client.job.add({ id: 'broken', poolInfo: { poolId: 'solo' }, jobPreparationTask: { commandLine: '/bin/sh -c "exit 2"', constraints: { maxTaskRetryCount: 2 } } });
    await client.task.add('broken', { id: 't', commandLine: '/bin/true' });
    const [status] = await waitFor(async () => {
      const list = await client.job.listPreparationAndReleaseTaskStatus('broken');
      return list[0]?.jobPreparationTaskExecutionInfo?.state === 'completed' ? list : undefined;
    }, 10_000, 'preparation failed');
    expect([status?.jobPreparationTaskExecutionInfo?.retryCount, status?.jobPreparationTaskExecutionInfo?.result]).toEqual([2, 'failure']);
    expect(status?.jobPreparationTaskExecutionInfo?.lastRetryTime).toBeInstanceOf(Date);
    await pause(300);
    const task = await client.task.get('broken', 't');
    expect([task.state, task.executionInfo?.startTime]).toEqual(['active', undefined]);
  });

  it('runs tasks whatever the preparation does when waitForSuccess is false', async () => {
    await client.job.add({ id: 'no-wait', poolInfo: { poolId: 'solo' }, jobPreparationTask: { commandLine: untilGate('no-wait', 1), waitForSuccess: false } });
    await client.task.add('no-wait', { id: 't', commandLine: '/bin/true' });
    const t = await completedTask(client, 'no-wait', 't');
    expect(t.executionInfo?.result).toBe('success');
    expect((await client.job.listPreparationAndReleaseTaskStatus('no-wait'))[0]?.jobPreparationTaskExecutionInfo?.state).toBe('running');
    await openGate(dir, 'no-wait');
    const [status] = await waitFor(async () => {
      const list = await client.job.listPreparationAndReleaseTaskStatus('no-wait');
      return list[0]?.jobPreparationTaskExecutionInfo?.state === 'completed' ? list : undefined;
    }, 10_000, 'preparation done');
    expect(status?.jobPreparationTaskExecutionInfo?.result).toBe('failure');
    expect(t.executionInfo?.endTime?.getTime()).toBeLessThan(status?.jobPreparationTaskExecutionInfo?.endTime?.getTime() ?? 0);
    await client.task.add('no-wait', { id: 'after', commandLine: '/bin/true' });
    expect((await completedTask(client, 'no-wait', 'after')).executionInfo?.result).toBe('success');
  });

  it('runs the release task when an unfinished job is deleted', async () => {
    const mark = nodeScript("require('fs').writeFileSync(require('path').join(process.env.AZ_BATCH_NODE_SHARED_DIR, 'deleted-release'), 'yes')");
    await client.job.add({ id: 'del-release', poolInfo: { poolId: 'solo' }, jobPreparationTask: { commandLine: '/bin/true' }, jobReleaseTask: { commandLine: mark } });
    await client.task.add('del-release', { id: 't', commandLine: '/bin/true' });
    const t = await completedTask(client, 'del-release', 't');
    await client.job.deleteMethod('del-release');
    await waitFor(async () => (await sdkStatus(client.job.get('del-release'))).status === 404, 10_000, 'job deleted');
    expect(await nodeFile(client, 'solo', t.nodeInfo?.nodeId ?? '', 'shared/deleted-release')).toBe('yes');
  });

  it('runs the preparation again after a reboot, and after a reimage even where it had failed', async () => {
    await idlePool(client, 'restarts', 1, 1);
    const [node] = await client.computeNode.list('restarts');
    const nodeId = node?.id ?? '';
    const idleAgain = () => waitFor(async () => (await client.computeNode.get('restarts', nodeId)).state === 'idle', 10_000, 'node idle');
    await client.job.add({ id: 'rebooted', poolInfo: { poolId: 'restarts' }, jobPreparationTask: { commandLine: '/bin/true' } });
    await client.task.add('rebooted', { id: 'before', commandLine: '/bin/true' });
    await completedTask(client, 'rebooted', 'before');
    const [first] = await client.job.listPreparationAndReleaseTaskStatus('rebooted');
    await client.computeNode.reboot('restarts', nodeId);
    await waitFor(async () => (await client.computeNode.get('restarts', nodeId)).state !== 'idle', 10_000, 'node rebooting');
    await idleAgain();
    await client.task.add('rebooted', { id: 'after', commandLine: '/bin/true' });
    await completedTask(client, 'rebooted', 'after');
    const [second] = await client.job.listPreparationAndReleaseTaskStatus('rebooted');
    expect(second?.jobPreparationTaskExecutionInfo?.startTime?.getTime()).toBeGreaterThan(first?.jobPreparationTaskExecutionInfo?.endTime?.getTime() ?? Infinity);

    // Fails until the marker exists in the data folder; the node stays ineligible until it is reimaged.
    const marker = join(dir, 'reimage-ok');
    await client.job.add({ id: 'reimaged', poolInfo: { poolId: 'restarts' }, jobPreparationTask: { commandLine: `/bin/sh -c "test -f ${marker}"` } });
    await client.task.add('reimaged', { id: 't', commandLine: '/bin/true' });
    await waitFor(async () => (await client.job.listPreparationAndReleaseTaskStatus('reimaged'))[0]?.jobPreparationTaskExecutionInfo?.result === 'failure', 10_000, 'preparation failed');
    await writeFile(marker, '');
    await pause(300);
    expect((await client.task.get('reimaged', 't')).state).toBe('active');
    await client.computeNode.reimage('restarts', nodeId);
    await waitFor(async () => (await client.computeNode.get('restarts', nodeId)).state !== 'idle', 10_000, 'node reimaging');
    await idleAgain();
    expect((await completedTask(client, 'reimaged', 't')).executionInfo?.result).toBe('success');
    const [status] = await client.job.listPreparationAndReleaseTaskStatus('reimaged');
    expect(status?.jobPreparationTaskExecutionInfo?.result).toBe('success');
  });

  it('answers 409 JobPreparationTaskNotSpecified for a job without one, and refuses a release task without one', async () => {
    await client.job.add({ id: 'plain', poolInfo: { poolId: 'solo' } });
    expect(await sdkStatus(client.job.listPreparationAndReleaseTaskStatus('plain'))).toEqual({ status: 409, code: 'JobPreparationTaskNotSpecified' });
    const releaseOnly = await sdkStatus(client.job.add({ id: 'release-only', poolInfo: { poolId: 'solo' }, jobReleaseTask: { commandLine: '/bin/true' } }));
    expect(releaseOnly).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    const tooLong = await sdkStatus(client.job.add({ id: 'long-release', poolInfo: { poolId: 'solo' }, jobPreparationTask: { commandLine: '/bin/true' }, jobReleaseTask: { commandLine: '/bin/true', maxWallClockTime: 'PT16M' } }));
    expect(tooLong).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    await client.job.add({ id: 'ids', poolInfo: { poolId: 'solo' }, jobPreparationTask: { commandLine: '/bin/true' } });
    expect(await sdkStatus(client.task.add('ids', { id: 'JobPreparation', commandLine: '/bin/true' }))).toEqual({ status: 409, code: 'TaskIdSameAsJobPreparationTask' });
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
