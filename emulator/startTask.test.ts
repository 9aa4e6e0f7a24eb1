// Start tasks through @azure/batch: where they run, their retries, waitForSuccess, startTaskInfo and updateproperties.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';

type ComputeNode = BatchServiceModels.ComputeNode;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const NODE = JSON.stringify(process.execPath);

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

async function readFile(poolId: string, nodeId: string, path: string): Promise<string> {
  const res = await client.file.getFromComputeNode(poolId, nodeId, path);
  const chunks: Buffer[] = [];
  for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function onlyNode(poolId: string, test: (n: ComputeNode) => boolean, what: string): Promise<ComputeNode> {
  return waitFor(async () => {
    const [node] = await client.computeNode.list(poolId);
    return node && test(node) ? node : undefined;
  }, 15_000, what);
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
});

afterAll(async () => {
  await stop();
});

describe('start tasks', () => {
  it('run in startup/ with their own files and environment, and the node waits for them', async () => {
    const script = `'const e = process.env; console.log(JSON.stringify({ cwd: process.cwd(), dir: e.AZ_BATCH_TASK_DIR, wd: e.AZ_BATCH_TASK_WORKING_DIR, startup: e.AZ_BATCH_NODE_STARTUP_DIR, job: e.AZ_BATCH_JOB_ID ?? null, task: e.AZ_BATCH_TASK_ID ?? null, own: e.OWN })); console.error("warming up"); setTimeout(() => {}, 400)'`;
    await client.pool.add({
      id: 'st-ok',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: `${NODE} -e ${script}`, environmentSettings: [{ name: 'OWN', value: 'start' }], waitForSuccess: true },
    });
    const waiting = await onlyNode('st-ok', (n) => String(n.state) === 'waitingForStartTask', 'waitingForStartTask');
    expect(waiting.startTaskInfo?.state).toBe('running');
    expect(waiting.startTaskInfo?.startTime).toBeInstanceOf(Date);
    expect(waiting.startTaskInfo?.endTime).toBeUndefined();
    const node = await onlyNode('st-ok', (n) => n.state === 'idle', 'idle after the start task');
    expect(node.startTask?.commandLine).toContain('AZ_BATCH_TASK_DIR');
    expect(node.startTaskInfo).toMatchObject({ state: 'completed', exitCode: 0, result: 'success', retryCount: 0 });
    expect(node.startTaskInfo?.endTime).toBeInstanceOf(Date);
    const env = JSON.parse(await readFile('st-ok', node.id ?? '', 'startup/stdout.txt')) as Record<string, string | null>;
    expect(env.dir).toBe(env.startup);
    expect(env.wd).toBe(`${env.startup}/wd`);
    expect(env.cwd).toBe(env.wd);
    expect(env.dir?.endsWith('/startup')).toBe(true);
    expect([env.job, env.task, env.own]).toEqual([null, null, 'start']);
    expect(await readFile('st-ok', node.id ?? '', 'startup/stderr.txt')).toBe('warming up\n');
    const files = await client.file.listFromComputeNode('st-ok', node.id ?? '', { recursive: true, fileListFromComputeNodeOptions: { filter: "startswith(name, 'startup')" } });
    expect(files.map((f) => f.name).sort()).toEqual(['startup', 'startup/stderr.txt', 'startup/stdout.txt', 'startup/wd'].sort());
  });

  it('retries a failing start task and marks the node startTaskFailed', async () => {
    await client.pool.add({
      id: 'st-fail',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: `${NODE} -e "process.exit(3)"`, maxTaskRetryCount: 2 },
    });
    const node = await onlyNode('st-fail', (n) => String(n.state) === 'startTaskFailed', 'startTaskFailed');
    expect(node.startTaskInfo).toMatchObject({ state: 'completed', exitCode: 3, result: 'failure', retryCount: 2 });
    expect(node.startTaskInfo?.lastRetryTime).toBeInstanceOf(Date);
    expect(node.startTaskInfo?.failureInfo).toMatchObject({ category: 'userError', code: 'FailureExitCode' });
    // A failed node takes no tasks.
    await client.job.add({ id: 'st-fail-job', poolInfo: { poolId: 'st-fail' } });
    await client.task.add('st-fail-job', { id: 't', commandLine: '/bin/true' });
    await new Promise((r) => setTimeout(r, 150));
    expect((await client.task.get('st-fail-job', 't')).state).toBe('active');
    const counts = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: "poolId eq 'st-fail'" } });
    expect(counts[0]?.dedicated?.startTaskFailed).toBe(1);
  });

  it('lets tasks run beside a start task that does not wait, and keeps the node usable when it fails', async () => {
    await client.pool.add({
      id: 'st-nowait',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: `${NODE} -e "setTimeout(() => process.exit(1), 600)"`, waitForSuccess: false },
    });
    await client.job.add({ id: 'st-nowait-job', poolInfo: { poolId: 'st-nowait' } });
    await client.task.add('st-nowait-job', { id: 'beside', commandLine: '/bin/true' });
    const task = await waitFor(async () => {
      const t = await client.task.get('st-nowait-job', 'beside');
      return t.state === 'completed' ? t : undefined;
    }, 15_000, 'task beside the start task');
    expect(task.executionInfo?.result).toBe('success');
    const node = await onlyNode('st-nowait', (n) => n.startTaskInfo?.state === 'completed', 'start task done');
    expect(node.state).toBe('idle');
    expect(node.startTaskInfo?.result).toBe('failure');
  });

  it('reports a start task that cannot be launched without retrying it', async () => {
    await client.pool.add({
      id: 'st-missing',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 1,
      startTask: { commandLine: '/no/such/program', maxTaskRetryCount: 3 },
    });
    const node = await onlyNode('st-missing', (n) => String(n.state) === 'startTaskFailed', 'startTaskFailed');
    expect(node.startTaskInfo?.failureInfo?.code).toBe('CommandProgramNotFound');
    expect(node.startTaskInfo?.retryCount).toBe(0);
    expect(node.startTaskInfo?.exitCode).toBeUndefined();
  });

  it('applies updateproperties to nodes that start later, such as rebooted ones', async () => {
    await client.pool.updateProperties('st-ok', {
      startTask: { commandLine: `${NODE} -e "console.log('second')"` },
      certificateReferences: [],
      applicationPackageReferences: [],
      metadata: [],
    });
    const [before] = await client.computeNode.list('st-ok');
    expect(before?.startTask?.commandLine).toContain('AZ_BATCH_TASK_DIR');
    await client.computeNode.reboot('st-ok', before?.id ?? '');
    const after = await onlyNode('st-ok', (n) => n.state === 'idle' && n.startTask?.commandLine?.includes('second') === true, 'rebooted with the new start task');
    expect(after.startTaskInfo?.result).toBe('success');
    expect(await readFile('st-ok', after.id ?? '', 'startup/stdout.txt')).toBe('second\n');
    expect((await client.pool.get('st-ok')).startTask?.commandLine).toContain('second');
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
