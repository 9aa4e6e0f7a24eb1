// A storage server that accepts a request and never answers must not hold anything up: a task, a job
// preparation task or a start task stopped while its resource files arrive, or a task stopped while its
// output files go up, ends at once, as on a real node; and a transfer left alone fails once it has taken
// the emulator's transfer timeout, with the service's code for that case.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';
import { completedTask, idlePool, taskWhen, VM } from './test/jobHelpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();
let files: Server;
let base: string;
// Requests so far (method and URL). A path under /stall/ never gets an answer; nor do the blobs of the /listed
// container, whose listing shows one blob, in.txt. Any other path gets its own name back.
const asked: string[] = [];

// Far shorter than fetch's own five-minute timeout, so only the abort can end a stalled download in time.
const PROMPTLY = 5_000;
const LISTING =
  '<?xml version="1.0" encoding="utf-8"?><EnumerationResults ContainerName="listed"><Blobs><Blob><Name>in.txt</Name>' +
  '<Properties><Content-Length>5</Content-Length><BlobType>BlockBlob</BlobType></Properties></Blob></Blobs><NextMarker /></EnumerationResults>';

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  files = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/listed' && url.searchParams.get('comp') === 'list') {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(LISTING);
    } else if (!url.pathname.startsWith('/stall/') && !url.pathname.startsWith('/listed/')) res.end(req.url);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});

afterAll(async () => {
  files.closeAllConnections();
  files.close();
  await stop();
});

function requested(method: string, path: string): Promise<boolean> {
  return waitFor(() => asked.some((line) => line.startsWith(`${method} ${path}`)), 10_000, `a ${method} of ${path}`);
}

/** Terminates a task and waits, PROMPTLY at most, for it to complete. */
async function terminatePromptly(jobId: string, taskId: string): Promise<BatchServiceModels.CloudTask> {
  await client.task.terminate(jobId, taskId);
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return task.state === 'completed' ? task : undefined;
  }, PROMPTLY, `${jobId}/${taskId} to complete once terminated`);
}

describe('a stalled transfer', () => {
  it('of a resource file ends with the task when the task is terminated', async () => {
    await idlePool(client, 'stall-pool', 1, 2);
    await client.job.add({ id: 'stall-task', poolInfo: { poolId: 'stall-pool' } });
    await client.task.add('stall-task', { id: 'waiting', commandLine: '/bin/true', resourceFiles: [{ httpUrl: `${base}/stall/task`, filePath: 'in.txt' }] });
    await taskWhen(client, 'stall-task', 'waiting', (t) => t.state === 'running', 'task running');
    await requested('GET', '/stall/task');
    // It was stopped, not failed by its download.
    expect((await terminatePromptly('stall-task', 'waiting')).executionInfo?.failureInfo?.code).toBe('TaskEnded');
    // The slots it held are free for the next task.
    await client.task.add('stall-task', { id: 'next', commandLine: '/bin/true' });
    expect((await completedTask(client, 'stall-task', 'next')).executionInfo?.result).toBe('success');
  }, 30_000);

  it('of a resource file ends with the job preparation task when the job is terminated', async () => {
    await client.job.add({
      id: 'stall-prep',
      poolInfo: { poolId: 'stall-pool' },
      jobPreparationTask: { commandLine: '/bin/true', resourceFiles: [{ httpUrl: `${base}/stall/prep`, filePath: 'in.txt' }] },
    });
    await client.task.add('stall-prep', { id: 'after-prep', commandLine: '/bin/true' });
    await requested('GET', '/stall/prep');
    await client.job.terminate('stall-prep');
    await waitFor(async () => (await client.job.get('stall-prep')).state === 'completed', PROMPTLY, 'the terminated job to complete');
    const [status] = await client.job.listPreparationAndReleaseTaskStatus('stall-prep');
    expect(status?.jobPreparationTaskExecutionInfo?.failureInfo?.code).not.toMatch(/^Blob/);
  }, 30_000);

  it('of a resource file ends with the start task when its node reboots, and the rerun downloads again', async () => {
    await client.pool.add({
      id: 'stall-start',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: '/bin/cat in.txt', resourceFiles: [{ httpUrl: `${base}/stall/start`, filePath: 'in.txt' }], waitForSuccess: true },
    });
    await requested('GET', '/stall/start');
    const [node] = await client.computeNode.list('stall-start');
    // The rerun after the reboot reads a file that answers.
    await client.pool.patch('stall-start', {
      startTask: { commandLine: '/bin/cat in.txt', resourceFiles: [{ httpUrl: `${base}/ready/start`, filePath: 'in.txt' }], waitForSuccess: true },
    });
    await client.computeNode.reboot('stall-start', node?.id ?? '');
    const ready = await waitFor(async () => {
      const [n] = await client.computeNode.list('stall-start');
      return n?.state === 'idle' ? n : undefined;
    }, PROMPTLY + 5_000, 'the rebooted node idle');
    expect(ready.startTaskInfo).toMatchObject({ state: 'completed', result: 'success' });
    expect(recorder.problems).toEqual([]);
  }, 30_000);

  it('of an output file ends with the task when the task is terminated, and the stop decides how it ended', async () => {
    await client.job.add({ id: 'stall-out', poolInfo: { poolId: 'stall-pool' } });
    await client.task.add('stall-out', {
      id: 'writer',
      commandLine: '/bin/sh -c "echo result > out.txt"',
      outputFiles: [{ filePattern: 'out.txt', destination: { container: { containerUrl: `${base}/stall/out?sig=x`, path: 'writer/out.txt' } }, uploadOptions: { uploadCondition: 'taskcompletion' } }],
    });
    await requested('PUT', '/stall/out/writer/out.txt');
    expect((await terminatePromptly('stall-out', 'writer')).executionInfo?.failureInfo?.code).toBe('TaskEnded');
  }, 30_000);
});

describe('a transfer left alone', () => {
  let timed: Awaited<ReturnType<typeof startTestEmulator>>;
  let timedClient: BatchServiceClient;

  beforeAll(async () => {
    timed = await startTestEmulator({ transferTimeoutMs: 400 });
    timedClient = sdkClient(timed.emulator, recorder);
    await idlePool(timedClient, 'timed-pool', 1, 4);
    await timedClient.job.add({ id: 'timed', poolInfo: { poolId: 'timed-pool' } });
  });

  afterAll(async () => {
    await timed.stop();
  });

  it('fails the task with the timeout code of what it was doing, before the command ran', async () => {
    const out = { filePattern: 'out.txt', destination: { container: { containerUrl: `${base}/stall/timed-out?sig=x` } }, uploadOptions: { uploadCondition: 'taskcompletion' as const } };
    await timedClient.task.addCollection('timed', [
      { id: 'http', commandLine: '/bin/true', resourceFiles: [{ httpUrl: `${base}/stall/timed-http`, filePath: 'in.txt' }] },
      { id: 'listing', commandLine: '/bin/true', resourceFiles: [{ storageContainerUrl: `${base}/stall/timed-list?sig=x` }] },
      { id: 'blob', commandLine: '/bin/true', resourceFiles: [{ storageContainerUrl: `${base}/listed?sig=x` }] },
      { id: 'upload', commandLine: '/bin/sh -c "echo result > out.txt"', outputFiles: [out] },
    ]);
    const outcome = async (id: string) => {
      const task = await completedTask(timedClient, 'timed', id);
      return [task.executionInfo?.result, task.executionInfo?.exitCode, task.executionInfo?.failureInfo?.code];
    };
    expect(await outcome('http')).toEqual(['failure', undefined, 'BlobDownloadTimedOut']);
    expect(await outcome('listing')).toEqual(['failure', undefined, 'ResourceContainerListTimedOut']);
    expect(await outcome('blob')).toEqual(['failure', undefined, 'BlobDownloadTimedOut']);
    // The command ran and succeeded; its output could not be uploaded in time.
    expect(await outcome('upload')).toEqual(['failure', 0, 'FileUploadMiscError']);
    // The blob's download (which begins with a HEAD) was under way, not its listing.
    expect(asked.some((line) => /^(HEAD|GET) \/listed\/in\.txt/.test(line))).toBe(true);
    expect(recorder.problems).toEqual([]);
  }, 30_000);
});
