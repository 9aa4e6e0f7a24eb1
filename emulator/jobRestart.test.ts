// The job features across a restart on the same data folder: dependency waits, schedules and their
// next runs, preparation records and job wall-clock limits all carry on from the journal.
import type { BatchServiceClient } from '@azure/batch';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import { FAST_DELAYS, sdkClient, SpecRecorder, tempDir, waitFor } from './test/helpers.js';
import { completedJob, completedTask, idlePool, taskWhen } from './test/jobHelpers.js';

let temp: { dir: string; remove: () => Promise<void> };
const key = randomBytes(32).toString('base64');
const recorder = new SpecRecorder();
let running: RunningEmulator | undefined;

function start(): Promise<RunningEmulator> {
  return startEmulator({ dataDir: temp.dir, key, nodeDelays: FAST_DELAYS, fsync: false, jobScheduleMinInterval: 100 });
}

beforeAll(async () => {
  temp = await tempDir('batch-emu-restart-');
});

afterAll(async () => {
  await running?.close();
  await temp.remove();
});

describe('after a restart', () => {
  it('keeps dependency waits, schedules, preparation records and job time limits', async () => {
    running = await start();
    let client: BatchServiceClient = sdkClient(running, recorder);
    await idlePool(client, 'rp', 1, 4);
    // The parent succeeds only once the `go` marker exists, which the test writes while the emulator is down.
    await client.job.add({ id: 'deps', poolInfo: { poolId: 'rp' }, usesTaskDependencies: true });
    await client.task.addCollection('deps', [
      { id: 'parent', commandLine: '/bin/sh -c "test -f $AZ_BATCH_NODE_ROOT_DIR/../../go && exit 0; sleep 30"' },
      { id: 'child', commandLine: '/bin/true', dependsOn: { taskIds: ['parent'] } },
    ]);
    await client.job.add({ id: 'prep', poolInfo: { poolId: 'rp' }, jobPreparationTask: { commandLine: '/bin/true' } });
    await client.task.add('prep', { id: 't', commandLine: '/bin/true' });
    await completedTask(client, 'prep', 't');
    await client.job.add({ id: 'timed', poolInfo: { poolId: 'rp' }, constraints: { maxWallClockTime: 'PT2S' } });
    await client.jobSchedule.add({ id: 'rec', schedule: { recurrenceInterval: 'PT0.3S' }, jobSpecification: { poolInfo: { poolId: 'rp' }, jobManagerTask: { id: 'm', commandLine: '/bin/true', runExclusive: false } } });
    await waitFor(async () => (await client.job.listFromJobSchedule('rec')).length >= 2, 10_000, 'schedule jobs');
    await taskWhen(client, 'deps', 'parent', (t) => t.state === 'running', 'parent running');
    await running.close();
    running = undefined;

    await writeFile(join(temp.dir, 'go'), '');
    running = await start();
    client = sdkClient(running, recorder);
    const child = await client.task.get('deps', 'child');
    expect([child.state, child.executionInfo?.startTime]).toEqual(['active', undefined]);
    const parent = await completedTask(client, 'deps', 'parent');
    expect([parent.executionInfo?.result, parent.executionInfo?.requeueCount]).toEqual(['success', 1]);
    const ran = await completedTask(client, 'deps', 'child');
    expect(ran.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(parent.executionInfo?.endTime?.getTime() ?? Infinity);

    const [status] = await client.job.listPreparationAndReleaseTaskStatus('prep');
    expect([status?.jobPreparationTaskExecutionInfo?.state, status?.jobPreparationTaskExecutionInfo?.result]).toEqual(['completed', 'success']);
    // Every node booted again, so the preparation runs again before the job's next task.
    await client.task.add('prep', { id: 'after-restart', commandLine: '/bin/true' });
    const afterRestart = await completedTask(client, 'prep', 'after-restart');
    const [rerun] = await client.job.listPreparationAndReleaseTaskStatus('prep');
    expect(rerun?.jobPreparationTaskExecutionInfo?.startTime?.getTime()).toBeGreaterThan(status?.jobPreparationTaskExecutionInfo?.endTime?.getTime() ?? Infinity);
    expect(afterRestart.executionInfo?.startTime?.getTime()).toBeGreaterThanOrEqual(rerun?.jobPreparationTaskExecutionInfo?.endTime?.getTime() ?? Infinity);

    expect((await completedJob(client, 'timed')).executionInfo?.terminateReason).toBe('MaxWallClockTimeExpiry');

    const before = (await client.job.listFromJobSchedule('rec')).map((j) => j.id ?? '');
    await waitFor(async () => (await client.job.listFromJobSchedule('rec')).length > before.length, 10_000, 'a job after the restart');
    const after = (await client.job.listFromJobSchedule('rec')).map((j) => Number(/job-(\d+)$/.exec(j.id ?? '')?.[1]));
    // The numbering carries on: no id is made twice.
    expect(new Set(after).size).toBe(after.length);
    expect(after.sort((a, b) => a - b)).toEqual(Array.from({ length: after.length }, (_, i) => i + 1));
    expect((await client.jobSchedule.get('rec')).state).toBe('active');
    expect(recorder.problems).toEqual([]);
  }, 60_000);

  it('requeues a task stopped while its resource files were still arriving, before its process started', async () => {
    // Holds the first download open until the emulator has stopped; answers every later one.
    let hold = true;
    let asked = 0;
    const files = createServer((_req, res) => {
      asked++;
      if (!hold) res.end('input');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const fresh = await tempDir('batch-emu-restart-files-');
    const boot = () => startEmulator({ dataDir: fresh.dir, key, nodeDelays: FAST_DELAYS, fsync: false });
    let emulator = await boot();
    try {
      let client = sdkClient(emulator, recorder);
      await idlePool(client, 'fp', 1);
      await client.job.add({ id: 'files', poolInfo: { poolId: 'fp' } });
      const httpUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/in.txt`;
      await client.task.add('files', { id: 'reader', commandLine: '/bin/cat in.txt', resourceFiles: [{ httpUrl, filePath: 'in.txt' }] });
      await taskWhen(client, 'files', 'reader', (t) => t.state === 'running', 'reader running');
      await waitFor(() => asked > 0, 10_000, 'the download to begin');
      await emulator.close();
      files.closeAllConnections();
      hold = false;

      emulator = await boot();
      client = sdkClient(emulator, recorder);
      const reader = await completedTask(client, 'files', 'reader');
      expect([reader.executionInfo?.result, reader.executionInfo?.requeueCount]).toEqual(['success', 1]);
      expect(recorder.problems).toEqual([]);
    } finally {
      await emulator.close();
      files.close();
      await fresh.remove();
    }
  }, 60_000);
});
