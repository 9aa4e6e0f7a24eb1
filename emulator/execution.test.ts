// Tasks as real processes: argv without a shell, environment, placement, and the actions that stop them.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';

type CloudTask = BatchServiceModels.CloudTask;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const NODE = JSON.stringify(process.execPath);

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

async function stdout(jobId: string, taskId: string): Promise<string> {
  const res = await client.file.getFromTask(jobId, taskId, 'stdout.txt');
  const chunks: Buffer[] = [];
  for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function taskIn(jobId: string, taskId: string, test: (t: CloudTask) => boolean, what: string): Promise<CloudTask> {
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return test(task) ? task : undefined;
  }, 15_000, what);
}

async function pool(id: string, nodes: number, slots: number, fill: 'spread' | 'pack'): Promise<void> {
  await client.pool.add({ id, vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: nodes, taskSlotsPerNode: slots, taskSchedulingPolicy: { nodeFillType: fill } });
  await waitFor(async () => {
    const list = await client.computeNode.list(id);
    return list.length === nodes && list.every((n) => n.state === 'idle');
  }, 15_000, `${id} idle`);
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator());
  client = sdkClient(emulator, recorder);
  await pool('spread', 2, 2, 'spread');
  await pool('pack', 2, 2, 'pack');
});

afterAll(async () => {
  await stop();
});

describe('running tasks', () => {
  it('splits the command line into argv without a shell and runs in wd with AZ_BATCH_* set', async () => {
    await client.job.add({ id: 'exec', poolInfo: { poolId: 'spread' }, commonEnvironmentSettings: [{ name: 'FROM_JOB', value: 'job' }] });
    const argvScript = `'console.log(JSON.stringify(process.argv.slice(1)))'`;
    const envScript = `'const e = process.env; console.log(JSON.stringify({ cwd: process.cwd(), id: e.AZ_BATCH_TASK_ID, job: e.AZ_BATCH_JOB_ID, pool: e.AZ_BATCH_POOL_ID, node: e.AZ_BATCH_NODE_ID, wd: e.AZ_BATCH_TASK_WORKING_DIR, dir: e.AZ_BATCH_TASK_DIR, shared: e.AZ_BATCH_NODE_SHARED_DIR, root: e.AZ_BATCH_NODE_ROOT_DIR, account: e.AZ_BATCH_ACCOUNT_NAME, url: e.AZ_BATCH_ACCOUNT_URL, own: e.OWN, fromJob: e.FROM_JOB }))'`;
    await client.task.addCollection('exec', [
      { id: 'argv', commandLine: `${NODE} -e ${argvScript} a "b c" 'd e' f\\ g $HOME` },
      { id: 'env', commandLine: `${NODE} -e ${envScript}`, environmentSettings: [{ name: 'OWN', value: 'task' }] },
      { id: 'missing', commandLine: '/no/such/program --flag' },
    ]);
    await taskIn('exec', 'argv', (t) => t.state === 'completed', 'argv task');
    expect(JSON.parse(await stdout('exec', 'argv'))).toEqual(['a', 'b c', 'd e', 'f g', '$HOME']);
    const envTask = await taskIn('exec', 'env', (t) => t.state === 'completed', 'env task');
    const env = JSON.parse(await stdout('exec', 'env')) as Record<string, string>;
    expect(env.id).toBe('env');
    expect(env.job).toBe('exec');
    expect(env.pool).toBe('spread');
    expect(env.node).toBe(envTask.nodeInfo?.nodeId);
    expect(env.cwd).toBe(env.wd);
    expect(env.wd).toBe(`${env.dir}/wd`);
    expect(env.dir?.endsWith('/workitems/exec/job-1/env')).toBe(true);
    expect(env.shared).toBe(`${env.root}/shared`);
    expect(env.account).toBe(emulator.account);
    expect(env.url).toBe(emulator.url);
    expect([env.own, env.fromJob]).toEqual(['task', 'job']);
    const missing = await taskIn('exec', 'missing', (t) => t.state === 'completed', 'missing program');
    expect(missing.executionInfo?.result).toBe('failure');
    expect(missing.executionInfo?.failureInfo?.code).toBe('CommandProgramNotFound');
    expect(missing.executionInfo?.exitCode).toBeUndefined();
  });

  it('retries a failing task up to maxTaskRetryCount', async () => {
    await client.task.add('exec', { id: 'retry', commandLine: '/bin/sh -c "exit 2"', constraints: { maxTaskRetryCount: 2 } });
    const task = await taskIn('exec', 'retry', (t) => t.state === 'completed', 'retried task');
    expect(task.executionInfo?.retryCount).toBe(2);
    expect(task.executionInfo?.exitCode).toBe(2);
    expect(task.executionInfo?.lastRetryTime).toBeInstanceOf(Date);
    await client.task.reactivate('exec', 'retry');
    const again = await taskIn('exec', 'retry', (t) => t.state === 'completed' && (t.executionInfo?.retryCount ?? 0) === 2, 'reactivated task');
    expect(again.executionInfo?.result).toBe('failure');
  });
});

describe('placement', () => {
  it('spreads tasks across nodes and packs them onto one', async () => {
    await client.job.add({ id: 'spread-job', poolInfo: { poolId: 'spread' } });
    await client.job.add({ id: 'pack-job', poolInfo: { poolId: 'pack' } });
    for (const job of ['spread-job', 'pack-job']) {
      await client.task.addCollection(job, [
        { id: 'a', commandLine: '/bin/sleep 30' },
        { id: 'b', commandLine: '/bin/sleep 30' },
      ]);
    }
    const nodesOf = async (job: string) => {
      const tasks = await waitFor(async () => {
        const list = await client.task.list(job);
        return list.every((t) => t.state === 'running') ? list : undefined;
      }, 15_000, `${job} running`);
      return new Set(tasks.map((t) => t.nodeInfo?.nodeId));
    };
    expect((await nodesOf('spread-job')).size).toBe(2);
    expect((await nodesOf('pack-job')).size).toBe(1);
    const packed = await client.computeNode.list('pack', { computeNodeListOptions: { filter: "state eq 'running'" } });
    expect(packed.map((n) => [n.runningTasksCount, n.runningTaskSlotsCount])).toEqual([[2, 2]]);
  });

  it('holds a task needing more slots than any node has free, then runs it when slots free up', async () => {
    await client.task.add('spread-job', { id: 'wide', commandLine: '/bin/sleep 30', requiredSlots: 2 });
    await new Promise((r) => setTimeout(r, 200));
    expect((await client.task.get('spread-job', 'wide')).state).toBe('active');
    await client.task.terminate('spread-job', 'a');
    const ended = await client.task.get('spread-job', 'a');
    expect(ended.state).toBe('completed');
    expect(ended.executionInfo?.failureInfo?.code).toBe('TaskEnded');
    expect(await sdkStatus(client.task.terminate('spread-job', 'a'))).toEqual({ status: 409, code: 'TaskCompleted' });
    const wide = await taskIn('spread-job', 'wide', (t) => t.state === 'running', 'wide task running');
    const node = await client.computeNode.get('spread', wide.nodeInfo?.nodeId ?? '');
    expect(node.runningTaskSlotsCount).toBe(2);
    const counts = await client.job.getTaskCounts('spread-job');
    expect(counts.taskSlotCounts.running).toBe(3);
    expect(counts.taskCounts.running).toBe(2);
  });
});

describe('stopping work', () => {
  it('disables a job with requeue, enables it, then terminates it', async () => {
    await client.job.disable('pack-job', 'requeue');
    await waitFor(async () => (await client.job.get('pack-job')).state === 'disabled', 15_000, 'job disabled');
    const requeued = await client.task.list('pack-job');
    expect(requeued.map((t) => [t.state, t.executionInfo?.requeueCount])).toEqual([
      ['active', 1],
      ['active', 1],
    ]);
    await client.job.enable('pack-job');
    await taskIn('pack-job', 'a', (t) => t.state === 'running', 'rerun after enable');
    await client.job.terminate('pack-job', { jobTerminateOptions: {} });
    const job = await waitFor(async () => {
      const j = await client.job.get('pack-job');
      return j.state === 'completed' ? j : undefined;
    }, 15_000, 'job completed');
    expect(job.executionInfo?.terminateReason).toBe('UserTerminate');
    const tasks = await client.task.list('pack-job');
    expect(tasks.every((t) => t.state === 'completed' && t.executionInfo?.failureInfo?.code === 'TaskEnded')).toBe(true);
    expect(await sdkStatus(client.task.add('pack-job', { id: 'late', commandLine: 'x' }))).toEqual({ status: 409, code: 'JobCompleted' });
  });

  it('requeues the tasks of nodes removed by a resize', async () => {
    await client.pool.resize('spread', { targetDedicatedNodes: 1 });
    await waitFor(async () => (await client.computeNode.list('spread')).length === 1, 15_000, 'pool shrunk');
    const pool = await waitFor(async () => {
      const p = await client.pool.get('spread');
      return p.allocationState === 'steady' ? p : undefined;
    }, 15_000, 'steady pool');
    expect([pool.currentDedicatedNodes, pool.targetDedicatedNodes]).toEqual([1, 1]);
    const tasks = await client.task.list('spread-job', { taskListOptions: { filter: "state ne 'completed'" } });
    expect(tasks.length).toBe(2);
    // Whichever node went, its task was requeued and cannot fit beside the one still running on the other.
    const requeued = tasks.filter((t) => t.executionInfo?.requeueCount === 1);
    expect(requeued.map((t) => t.state)).toEqual(['active']);
    await client.job.terminate('spread-job');
    await waitFor(async () => (await client.job.get('spread-job')).state === 'completed', 15_000, 'spread job completed');
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
