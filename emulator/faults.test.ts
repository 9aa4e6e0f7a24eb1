// Fault injection: throttling answers and latency (from options, the command line and the admin
// endpoint), unusable nodes with node errors, and failing start tasks.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { RestError } from '@azure/ms-rest-js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { rawRequest, sdkClient, sdkStatus, SpecRecorder, startTestEmulator, tempDir, waitFor, type RawResponse } from './test/helpers.js';

type ComputeNode = BatchServiceModels.ComputeNode;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

function call(method: string, path: string, body?: unknown, sign?: string | false): Promise<RawResponse> {
  return rawRequest(emulator, method, path, { ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(sign === undefined ? {} : { sign }) });
}

async function patchFaults(change: unknown): Promise<Record<string, unknown>> {
  const res = await call('PATCH', '/emulator/faults', change);
  expect(res.status).toBe(200);
  return res.json();
}

function nodeIn(poolId: string, test: (n: ComputeNode) => boolean, what: string): Promise<ComputeNode> {
  return waitFor(async () => {
    const [node] = await client.computeNode.list(poolId);
    return node && test(node) ? node : undefined;
  }, 15_000, what);
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ faults: { errorRate: 0.5, errorStatus: 503, retryAfterSeconds: 7 } }));
  client = sdkClient(emulator, recorder);
});

afterAll(async () => {
  await stop();
});

describe('request faults', () => {
  it('answers an evenly spread fraction of requests with 503 and Retry-After, never the admin endpoint', async () => {
    const answers: RawResponse[] = [];
    for (let i = 0; i < 4; i++) answers.push(await call('GET', '/pools'));
    expect(answers.map((a) => a.status)).toEqual([200, 503, 200, 503]);
    expect(answers[1]?.headers['retry-after']).toBe('7');
    expect(answers[1]?.json().code).toBe('ServerBusy');
    for (let i = 0; i < 3; i++) expect((await call('GET', '/emulator/faults')).status).toBe(200);
  });

  it('is changed at run time through the admin endpoint, which needs the account key', async () => {
    expect((await call('GET', '/emulator/faults', undefined, false)).status).toBe(401);
    expect((await call('GET', '/emulator/faults', undefined, randomBytes(32).toString('base64'))).status).toBe(403);
    expect((await call('PATCH', '/emulator/faults', { requests: { errorRate: 2 } })).status).toBe(400);
    expect((await call('PATCH', '/emulator/faults', { colour: 'red' })).status).toBe(400);
    const settings = await patchFaults({ requests: { errorRate: 1, errorStatus: 429, retryAfterSeconds: 1 } });
    expect(settings.requests).toMatchObject({ errorRate: 1, errorStatus: 429, retryAfterSeconds: 1 });
    expect(await sdkStatus(client.pool.list())).toEqual({ status: 429, code: 'TooManyRequests' });
  });

  it('gives the SDK the Retry-After of a 429', async () => {
    await patchFaults({ requests: { errorRate: 1, errorStatus: 429, retryAfterSeconds: 2 } });
    const error = await client.pool.list().then(
      () => undefined,
      (e: unknown) => e as RestError,
    );
    expect(error?.statusCode).toBe(429);
    expect(error?.response?.headers.get('retry-after')).toBe('2');
  });

  it('adds latency', async () => {
    await patchFaults({ requests: { errorRate: 0, latencyMs: 300 } });
    const started = Date.now();
    expect((await call('GET', '/pools')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await patchFaults({ requests: { latencyMs: 0 } });
  });

  it('comes from command-line flags too', async () => {
    const temp = await tempDir('batch-emu-faults-');
    const key = randomBytes(32).toString('base64');
    const args = ['--port', '0', '--data', temp.dir, '--key', key, '--fault-rate', '1', '--fault-status', '503', '--retry-after', '3', '--latency', '10', '--no-storage'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1], 30_000, `emulator start: ${output}`);
      const cli = { url, port: Number(new URL(url).port), account: 'local', key, close: async () => undefined };
      const refused = await rawRequest(cli, 'GET', '/pools');
      expect([refused.status, refused.headers['retry-after']]).toEqual([503, '3']);
      const settings = (await rawRequest(cli, 'GET', '/emulator/faults')).json();
      expect(settings.requests).toEqual({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 3, latencyMs: 10, latencyJitterMs: 0 });
    } finally {
      child.kill('SIGTERM');
      await exited;
      await temp.remove();
    }
  }, 60_000);
});

describe('node faults', () => {
  it('marks a node unusable with a node error, requeuing its task until a reboot brings it back', async () => {
    await client.pool.add({ id: 'sick', vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 1 });
    const idle = await nodeIn('sick', (n) => n.state === 'idle', 'sick node idle');
    await client.job.add({ id: 'sick-job', poolInfo: { poolId: 'sick' } });
    await client.task.add('sick-job', { id: 'victim', commandLine: '/bin/sleep 30' });
    await waitFor(async () => (await client.task.get('sick-job', 'victim')).state === 'running', 15_000, 'victim running');
    const res = await call('POST', `/emulator/pools/sick/nodes/${idle.id ?? ''}/markunusable`, {
      code: 'DiskFull',
      message: 'The temporary disk is full.',
      details: [{ name: 'FreeBytes', value: '0' }],
    });
    expect(res.status).toBe(200);
    const node = await client.computeNode.get('sick', idle.id ?? '');
    expect(node.state).toBe('unusable');
    expect(node.errors).toEqual([{ code: 'DiskFull', message: 'The temporary disk is full.', errorDetails: [{ name: 'FreeBytes', value: '0' }] }]);
    const task = await waitFor(async () => {
      const t = await client.task.get('sick-job', 'victim');
      return t.state === 'active' ? t : undefined;
    }, 15_000, 'victim requeued');
    expect(task.executionInfo?.requeueCount).toBe(1);
    const [counts] = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: "poolId eq 'sick'" } });
    expect(counts?.dedicated?.unusable).toBe(1);
    await client.computeNode.reboot('sick', idle.id ?? '');
    const healed = await nodeIn('sick', (n) => n.state === 'running', 'rebooted node runs the task again');
    expect(healed.errors).toBeUndefined();
    await client.job.terminate('sick-job');
  });

  it('fails a running start task, or the next one', async () => {
    await client.pool.add({
      id: 'slow-start',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: '/bin/sleep 30', maxTaskRetryCount: 5 },
    });
    const waiting = await nodeIn('slow-start', (n) => String(n.state) === 'waitingForStartTask', 'start task running');
    const res = await call('POST', `/emulator/pools/slow-start/nodes/${waiting.id ?? ''}/failstarttask`);
    expect([res.status, res.json().applied]).toEqual([200, 'running']);
    const failed = await nodeIn('slow-start', (n) => String(n.state) === 'startTaskFailed', 'start task failed');
    expect(failed.startTaskInfo).toMatchObject({ state: 'completed', result: 'failure', exitCode: 1, retryCount: 0 });

    await client.pool.updateProperties('slow-start', { startTask: { commandLine: '/bin/true' }, certificateReferences: [], applicationPackageReferences: [], metadata: [] });
    const next = await call('POST', `/emulator/pools/slow-start/nodes/${waiting.id ?? ''}/failstarttask`);
    expect(next.json().applied).toBe('next');
    await client.computeNode.reboot('slow-start', waiting.id ?? '');
    await nodeIn('slow-start', (n) => String(n.state) === 'startTaskFailed' && n.startTask?.commandLine === '/bin/true', 'next start task failed');
    await client.computeNode.reboot('slow-start', waiting.id ?? '');
    const healthy = await nodeIn('slow-start', (n) => n.state === 'idle', 'third boot succeeds');
    expect(healthy.startTaskInfo?.result).toBe('success');
  });

  it('fails a fraction of start tasks with a chosen exit code', async () => {
    await patchFaults({ startTaskFailureRate: 1, startTaskFailureExitCode: 42 });
    await client.pool.add({ id: 'doomed', vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 1, startTask: { commandLine: '/bin/true' } });
    const node = await nodeIn('doomed', (n) => String(n.state) === 'startTaskFailed', 'injected start task failure');
    expect(node.startTaskInfo?.exitCode).toBe(42);
    const stderr = await client.file.getFromComputeNode('doomed', node.id ?? '', 'startup/stderr.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of stderr.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString('utf8')).toContain('fault injection');
    await patchFaults({ startTaskFailureRate: 0 });
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
