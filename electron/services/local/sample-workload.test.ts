// The sample workload end to end: Azurite as the linked storage, the emulator in process running the tasks.
import type { BatchServiceClient } from '@azure/batch';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPackageStore, APP_PACKAGES_CONTAINER } from '../../../emulator/storage/app-packages';
import { startAzurite, type LocalStorage } from '../../../emulator/storage/azurite';
import { sdkClient, startTestEmulator, tempDir, waitFor } from '../../../emulator/test/helpers';
import { localResolver } from '../storage/azurite-fixture';
import type { LinkedStorage } from '../storage/linked';
import { sampleAppZip, transformCommand } from './sample-app';
import { outputName, runSampleWorkload, SAMPLE_INPUT_FILES, SAMPLE_INPUTS, SAMPLE_OUTPUTS, sampleOutputsLink, storageTasks } from './sample-workload';

let azurite: LocalStorage;
let storage: LinkedStorage;
let client: BatchServiceClient;
const cleanups: (() => Promise<void>)[] = [];

async function blobText(container: string, name: string): Promise<string> {
  return (await storage.service.getContainerClient(container).getBlobClient(name).downloadToBuffer()).toString('utf8');
}

function jobCompleted(jobId: string) {
  return waitFor(async () => {
    const job = await client.job.get(jobId);
    return job.state === 'completed' ? job : undefined;
  }, 60_000, `${jobId} completed`);
}

beforeAll(async () => {
  const temp = await tempDir('bl-sample-');
  cleanups.push(temp.remove);
  azurite = await startAzurite({ dataDir: join(temp.dir, 'storage'), inMemory: true });
  cleanups.unshift(() => azurite.stop());
  const started = await startTestEmulator({ storage: { accountName: azurite.accountName, accountKey: azurite.accountKey, blobUrl: azurite.blobUrl } });
  cleanups.unshift(started.stop);
  client = sdkClient(started.emulator);
  storage = await localResolver(azurite).linkedStorage('local');
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('the sample application package', () => {
  it('holds a shell script and a Windows script that transform an input', () => {
    const files = unzipSync(sampleAppZip());
    expect(Object.keys(files).sort()).toEqual(['transform.cmd', 'transform.sh']);
    expect(strFromU8(files['transform.sh']!)).toMatch(/^#!\/bin\/sh\n/);
    expect(strFromU8(files['transform.sh']!)).toContain("tr '[:lower:]' '[:upper:]'");
    expect(strFromU8(files['transform.cmd']!)).toContain('ToUpperInvariant');
  });

  it("runs the package's script through the package variable in each host's form", () => {
    expect(transformCommand('input-1.txt', 'output-1.txt', 4, 'linux')).toBe(`/bin/sh -c '/bin/sh "$AZ_BATCH_APP_PACKAGE_sample_app_1_0/transform.sh" input-1.txt output-1.txt 4'`);
    expect(transformCommand('input-1.txt', 'output-1.txt', 4, 'darwin')).toContain('$AZ_BATCH_APP_PACKAGE_sample_app_1_0/');
    expect(transformCommand('input-1.txt', 'output-1.txt', 6, 'win32')).toBe('cmd.exe /c call "%AZ_BATCH_APP_PACKAGE_sample-app#1.0%\\transform.cmd" input-1.txt output-1.txt 6');
  });

  it('gives each task its input, the package, its output on success and its logs always, under the job id', () => {
    const [task] = storageTasks('job-1', 'https://x/c?sig=s', 'linux');
    expect(task?.resourceFiles).toEqual([{ autoStorageContainerName: SAMPLE_INPUTS, blobPrefix: 'input-1.txt' }]);
    expect(task?.applicationPackageReferences).toEqual([{ applicationId: 'sample-app', version: '1.0' }]);
    expect(task?.outputFiles?.map((o) => [o.filePattern, o.destination.container?.path, o.uploadOptions.uploadCondition])).toEqual([
      ['output-1.txt', 'job-1/output-1.txt', 'tasksuccess'],
      ['../std*.txt', 'job-1/transform-1', 'taskcompletion'],
    ]);
    expect(sampleOutputsLink('job-1')).toBe('/data?container=fgrp-sample-outputs&folder=job-1%2F');
  });
});

describe('the sample workload with linked storage', () => {
  it('uploads inputs, adds the package, and the job uploads each transformed input before it completes', async () => {
    const sample = await runSampleWorkload(client, { storage, now: new Date('2026-03-04T05:06:07Z') });
    expect(sample).toEqual({
      poolId: 'sample-pool',
      jobId: 'sample-20260304-050607',
      taskCount: Object.keys(SAMPLE_INPUT_FILES).length,
      inputContainer: SAMPLE_INPUTS,
      outputContainer: SAMPLE_OUTPUTS,
      applicationId: 'sample-app',
    });
    const app = await new AppPackageStore(storage.service.getContainerClient(APP_PACKAGES_CONTAINER)).get('sample-app');
    expect(app).toMatchObject({ defaultVersion: '1.0', versions: [{ version: '1.0', state: 'active' }] });
    const job = await jobCompleted(sample.jobId);
    expect(job.onAllTasksComplete?.toLowerCase()).toBe('terminatejob');
    const tasks = [];
    for await (const task of await client.task.list(sample.jobId)) tasks.push(task);
    expect(tasks.map((t) => t.executionInfo?.result)).toEqual(tasks.map(() => 'success'));
    for (const [input, text] of Object.entries(SAMPLE_INPUT_FILES)) {
      expect(await blobText(SAMPLE_OUTPUTS, `${sample.jobId}/${outputName(input)}`)).toBe(text.toUpperCase());
    }
    expect(await blobText(SAMPLE_OUTPUTS, `${sample.jobId}/transform-1/stdout.txt`)).toMatch(/words in input-1\.txt: 9/);
    expect(await blobText(SAMPLE_INPUTS, 'input-2.txt')).toBe(SAMPLE_INPUT_FILES['input-2.txt']);
  }, 90_000);

  it('runs again, reusing the pool and the package', async () => {
    const again = await runSampleWorkload(client, { storage, now: new Date('2026-03-04T05:06:08Z') });
    expect(again.jobId).toBe('sample-20260304-050608');
    await jobCompleted(again.jobId);
    expect(await blobText(SAMPLE_OUTPUTS, `${again.jobId}/output-4.txt`)).toBe('HELLO FROM THE LOCAL EMULATOR\n');
  }, 90_000);
});

describe('the sample workload without linked storage', () => {
  it('falls back to the compute-only job and names no containers', async () => {
    const sample = await runSampleWorkload(client, { now: new Date('2026-03-04T05:06:09Z') });
    expect(sample).toEqual({ poolId: 'sample-pool', jobId: 'sample-20260304-050609', taskCount: 12 });
    const job = await client.job.get(sample.jobId);
    expect(job.onAllTasksComplete?.toLowerCase()).toBe('noaction');
  });
});
