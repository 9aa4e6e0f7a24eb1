// Batch's storage workflow end to end against Azurite: inputs downloaded as resource files, outputs
// uploaded as the upload condition says, pre-processing failures, and application packages.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { BlobServiceClient, ContainerClient, ContainerSASPermissions, StorageSharedKeyCredential } from '@azure/storage-blob';
import { strToU8, zipSync } from 'fflate';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPackageEnvName } from './engine/appPackages.js';
import type { RunningEmulator } from './index.js';
import { AppPackageStore, APP_PACKAGES_CONTAINER } from './storage/app-packages.js';
import { startAzurite, type LocalStorage } from './storage/azurite.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, tempDir, waitFor } from './test/helpers.js';
import { idlePool, nodeScript, VM } from './test/jobHelpers.js';

type CloudTask = BatchServiceModels.CloudTask;
type TaskAddParameter = BatchServiceModels.TaskAddParameter;

let azurite: LocalStorage;
let emulator: RunningEmulator;
let client: BatchServiceClient;
let blobs: BlobServiceClient;
let http: Server;
let httpBase: string;
let inputsSas: string;
let outputsSas: string;
let outputs: ContainerClient;
const cleanups: (() => Promise<void>)[] = [];
const recorder = new SpecRecorder();

// Concatenates the three inputs in upper case into out.txt; reports what it saw on stdout.
const TRANSFORM = `
const fs = require('fs');
const parts = ['in/data/a.txt', 'in/data/b.txt', 'in/greeting.txt'].map((f) => fs.readFileSync(f, 'utf8'));
fs.writeFileSync('out.txt', parts.join('').toUpperCase());
console.log(JSON.stringify({ other: fs.existsSync('in/other/c.txt'), mode: (fs.statSync('in/greeting.txt').mode & 0o777).toString(8) }));
process.exit(Number(process.argv[1] ?? 0));
`.replace(/\n/g, ' ');

async function sas(container: ContainerClient, permissions: string): Promise<string> {
  return container.generateSasUrl({ permissions: ContainerSASPermissions.parse(permissions), expiresOn: new Date(Date.now() + 3_600_000) });
}

function completed(jobId: string, taskId: string): Promise<CloudTask> {
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return task.state === 'completed' ? task : undefined;
  }, 20_000, `${taskId} completed`);
}

async function blobText(path: string): Promise<string | undefined> {
  try {
    return (await outputs.getBlobClient(path).downloadToBuffer()).toString('utf8');
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

async function stdout(jobId: string, taskId: string, name = 'stdout.txt'): Promise<string> {
  const res = await client.file.getFromTask(jobId, taskId, name);
  const chunks: Buffer[] = [];
  for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function transformTask(id: string, exitCode: number): TaskAddParameter {
  const output = (condition: 'taskSuccess' | 'taskFailure'): BatchServiceModels.OutputFile => ({
    filePattern: 'out.txt',
    destination: { container: { containerUrl: outputsSas, path: `${id}/${condition}.txt`, uploadHeaders: [{ name: 'Content-Type', value: 'text/plain' }] } },
    uploadOptions: { uploadCondition: condition === 'taskSuccess' ? 'tasksuccess' : 'taskfailure' },
  });
  return {
    id,
    commandLine: `${nodeScript(TRANSFORM)} ${exitCode}`,
    resourceFiles: [
      { storageContainerUrl: inputsSas, blobPrefix: 'data/', filePath: 'in' },
      { httpUrl: `${httpBase}/greeting.txt`, filePath: 'in/greeting.txt', fileMode: '0640' },
    ],
    outputFiles: [output('taskSuccess'), output('taskFailure')],
  };
}

beforeAll(async () => {
  const temp = await tempDir('batch-storage-');
  cleanups.push(temp.remove);
  azurite = await startAzurite({ dataDir: join(temp.dir, 'storage'), inMemory: true });
  cleanups.unshift(() => azurite.stop());
  const started = await startTestEmulator({ storage: { accountName: azurite.accountName, accountKey: azurite.accountKey, blobUrl: azurite.blobUrl } });
  emulator = started.emulator;
  cleanups.unshift(started.stop);
  client = sdkClient(emulator, recorder);
  blobs = new BlobServiceClient(azurite.blobUrl, new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey));
  const inputs = blobs.getContainerClient('inputs');
  await inputs.create();
  for (const [name, text] of [['data/a.txt', 'alpha\n'], ['data/b.txt', 'beta\n'], ['other/c.txt', 'gamma\n']] as const) {
    await inputs.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
  }
  inputsSas = await sas(inputs, 'rl');
  outputs = blobs.getContainerClient('outputs');
  await outputs.create();
  outputsSas = await sas(outputs, 'racwl');
  http = createServer((req, res) => {
    if (req.url === '/greeting.txt') res.end('hello from http\n');
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.unshift(() => new Promise((resolve) => http.close(() => resolve())));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await idlePool(client, 'storage', 1, 4);
  await client.job.add({ id: 'flow', poolInfo: { poolId: 'storage' } });
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('resource files and output files', () => {
  it('downloads a container prefix and an HTTP file, transforms them, and uploads on success only', async () => {
    await client.task.add('flow', transformTask('ok', 0));
    const task = await completed('flow', 'ok');
    expect(task.executionInfo?.result, await stdout('flow', 'ok', 'stderr.txt')).toBe('success');
    expect(JSON.parse(await stdout('flow', 'ok'))).toEqual({ other: false, mode: '640' });
    expect(await blobText('ok/taskSuccess.txt')).toBe('ALPHA\nBETA\nHELLO FROM HTTP\n');
    expect(await blobText('ok/taskFailure.txt')).toBeUndefined();
    const props = await outputs.getBlobClient('ok/taskSuccess.txt').getProperties();
    expect(props.contentType).toBe('text/plain');
  });

  it('uploads the taskFailure output, not the taskSuccess one, when the task fails', async () => {
    await client.task.add('flow', transformTask('bad', 3));
    const task = await completed('flow', 'bad');
    expect(task.executionInfo?.exitCode).toBe(3);
    expect(await blobText('bad/taskFailure.txt')).toBe('ALPHA\nBETA\nHELLO FROM HTTP\n');
    expect(await blobText('bad/taskSuccess.txt')).toBeUndefined();
  });

  it('fails a task whose input is unreachable before it runs, with the service codes', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const echo = nodeScript("console.log('ran')");
    await client.task.addCollection('flow', [
      { id: 'unreachable', commandLine: echo, resourceFiles: [{ httpUrl: `http://127.0.0.1:${deadPort}/x.txt`, filePath: 'x.txt' }] },
      { id: 'missing-http', commandLine: echo, resourceFiles: [{ httpUrl: `${httpBase}/nope.txt`, filePath: 'nope.txt' }] },
      { id: 'missing-container', commandLine: echo, resourceFiles: [{ storageContainerUrl: await sas(blobs.getContainerClient('no-such-container'), 'rl') }] },
      // A SAS whose signature does not match: the storage service answers 403.
      { id: 'denied', commandLine: echo, resourceFiles: [{ storageContainerUrl: inputsSas.replace(/sig=[^&]+/, 'sig=AAAA') }], constraints: { maxTaskRetryCount: 3 } },
    ]);
    const expected: [string, string][] = [
      ['unreachable', 'BlobDownloadMiscError'],
      ['missing-http', 'BlobNotFound'],
      ['missing-container', 'ResourceContainerNotFound'],
      ['denied', 'ResourceContainerAccessDenied'],
    ];
    for (const [id, code] of expected) {
      const task = await completed('flow', id);
      expect(task.executionInfo?.result, id).toBe('failure');
      expect(task.executionInfo?.failureInfo?.category, id).toBe('userError');
      expect(task.executionInfo?.failureInfo?.code, id).toBe(code);
      expect(task.executionInfo?.exitCode, id).toBeUndefined();
      expect(task.executionInfo?.retryCount, id).toBe(0);
      expect((await sdkStatus(client.file.getFromTask('flow', id, 'stdout.txt'))).status, id).toBe(404);
    }
  });

  it('resolves autoStorageContainerName against the linked storage, here for a job preparation task', async () => {
    await client.job.add({
      id: 'prep-files',
      poolInfo: { poolId: 'storage' },
      jobPreparationTask: { commandLine: nodeScript("console.log('prepared')"), resourceFiles: [{ autoStorageContainerName: 'inputs', blobPrefix: 'other/' }] },
    });
    const read = "console.log(require('fs').readFileSync(process.env.AZ_BATCH_JOB_PREP_WORKING_DIR + '/other/c.txt', 'utf8').trim())";
    await client.task.add('prep-files', { id: 'reader', commandLine: nodeScript(read) });
    expect((await completed('prep-files', 'reader')).executionInfo?.result).toBe('success');
    expect(await stdout('prep-files', 'reader')).toBe('gamma\n');
  });

  it('fails a start task whose resource file is missing, leaving the node startTaskFailed', async () => {
    await client.pool.add({
      id: 'start-fails',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: nodeScript("console.log('ran')"), resourceFiles: [{ httpUrl: `${httpBase}/nope.txt`, filePath: 'nope.txt' }], waitForSuccess: true },
    });
    const node = await waitFor(async () => (await client.computeNode.list('start-fails')).find((n) => String(n.state) === 'startTaskFailed'), 20_000, 'startTaskFailed node');
    expect(node.startTaskInfo?.failureInfo).toMatchObject({ category: 'userError', code: 'BlobNotFound' });
    expect(node.startTaskInfo?.exitCode).toBeUndefined();
  });

  it('refuses resource files without exactly one source, or an httpUrl without filePath', async () => {
    const bad = [
      { httpUrl: `${httpBase}/greeting.txt`, storageContainerUrl: inputsSas, filePath: 'g.txt' },
      { filePath: 'nothing.txt' },
      { httpUrl: `${httpBase}/greeting.txt` },
      { storageContainerUrl: inputsSas, filePath: '../escape' },
    ];
    for (const [i, file] of bad.entries()) {
      const res = await sdkStatus(client.task.add('flow', { id: `bad-spec-${i}`, commandLine: 'true', resourceFiles: [file] }));
      expect(res, JSON.stringify(file)).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    }
  });
});

describe('application packages', () => {
  let store: AppPackageStore;

  beforeAll(async () => {
    store = new AppPackageStore(blobs.getContainerClient(APP_PACKAGES_CONTAINER));
    const zip = Buffer.from(zipSync({ 'bin/hello.js': strToU8("console.log('package says ' + process.argv[2]);\n") }));
    await store.addVersion('Hello-App', '1.0', zip, zip.length);
    await store.activate('Hello-App', '1.0');
    await store.setDefaultVersion('Hello-App', '1.0');
    await store.addVersion('Hello-App', '2.0', zip, zip.length);
  });

  it('lists applications with their active versions only', async () => {
    const apps = await client.application.list();
    expect(apps.map((a) => ({ id: a.id, versions: a.versions }))).toEqual([{ id: 'Hello-App', versions: ['1.0'] }]);
    expect((await client.application.get('hello-app')).versions).toEqual(['1.0']);
    expect(await sdkStatus(client.application.get('nope'))).toEqual({ status: 404, code: 'ApplicationNotFound' });
  });

  it('runs a script from a package through its variable, with a version or the default', async () => {
    const versioned = appPackageEnvName('Hello-App', '1.0');
    const byDefault = appPackageEnvName('hello-app', undefined);
    await client.task.addCollection('flow', [
      {
        id: 'pkg',
        commandLine: nodeScript(`process.argv[2] = 'hi'; require(process.env['${versioned}'] + '/bin/hello.js')`),
        applicationPackageReferences: [{ applicationId: 'Hello-App', version: '1.0' }],
      },
      {
        id: 'pkg-default',
        commandLine: nodeScript(`process.argv[2] = 'default'; require(process.env['${byDefault}'] + '/bin/hello.js')`),
        applicationPackageReferences: [{ applicationId: 'hello-app' }],
      },
      { id: 'pkg-pending', commandLine: 'true', applicationPackageReferences: [{ applicationId: 'Hello-App', version: '2.0' }] },
    ]);
    expect((await completed('flow', 'pkg')).executionInfo?.result).toBe('success');
    expect(await stdout('flow', 'pkg')).toBe('package says hi\n');
    expect((await completed('flow', 'pkg-default')).executionInfo?.result).toBe('success');
    expect(await stdout('flow', 'pkg-default')).toBe('package says default\n');
    const pending = await completed('flow', 'pkg-pending');
    expect(pending.executionInfo?.failureInfo?.code).toBe('ApplicationPackageError');
    expect(pending.executionInfo?.exitCode).toBeUndefined();
  });

  it("deploys a pool's packages before its start task runs", async () => {
    const name = appPackageEnvName('Hello-App', '1.0');
    await client.pool.add({
      id: 'apps-ok',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      applicationPackageReferences: [{ applicationId: 'Hello-App', version: '1.0' }],
      startTask: { commandLine: nodeScript(`require(process.env['${name}'] + '/bin/hello.js')`), waitForSuccess: true },
    });
    const node = await waitFor(async () => (await client.computeNode.list('apps-ok')).find((n) => n.state === 'idle' || String(n.state) === 'startTaskFailed'), 20_000, 'started node');
    expect(node.startTaskInfo).toMatchObject({ result: 'success', exitCode: 0 });
  });

  it('refuses a pool naming a package version that is not active', async () => {
    const pool = (refs: BatchServiceModels.ApplicationPackageReference[]) =>
      client.pool.add({ id: 'apps', vmSize: 'standard_a1', virtualMachineConfiguration: VM, applicationPackageReferences: refs });
    expect(await sdkStatus(pool([{ applicationId: 'Hello-App', version: '2.0' }]))).toEqual({ status: 409, code: 'InvalidApplicationPackageReferences' });
    expect(await sdkStatus(pool([{ applicationId: 'other' }]))).toEqual({ status: 409, code: 'InvalidApplicationPackageReferences' });
  });

  it('answers every request as the spec describes', () => {
    expect(recorder.problems).toEqual([]);
    expect(recorder.checked).toBeGreaterThan(10);
  });
});
