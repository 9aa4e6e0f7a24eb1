// Pool sizing through @azure/batch: spot nodes, removenodes, deallocation options, stop resize,
// resize errors from the account quota, and simulated preemption.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { rawRequest, sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';

type CloudPool = BatchServiceModels.CloudPool;
type CloudTask = BatchServiceModels.CloudTask;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const QUOTA = { dedicated: 6, lowPriority: 2 };

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

function poolIn(id: string, test: (p: CloudPool) => boolean, what: string): Promise<CloudPool> {
  return waitFor(async () => {
    const pool = await client.pool.get(id);
    return test(pool) ? pool : undefined;
  }, 15_000, what);
}

function taskIn(jobId: string, taskId: string, test: (t: CloudTask) => boolean, what: string): Promise<CloudTask> {
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return test(task) ? task : undefined;
  }, 15_000, what);
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await rawRequest(emulator, method, path, body === undefined ? {} : { body: JSON.stringify(body) });
  return { status: res.status, json: res.text === '' ? {} : res.json() };
}

async function allDedicated(): Promise<number> {
  const pools = await client.pool.list();
  return pools.reduce((sum, p) => sum + (p.currentDedicatedNodes ?? 0), 0);
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ nodeDelays: { allocate: 150, create: 20, start: 20 }, nodes: { quota: QUOTA } }));
  client = sdkClient(emulator, recorder);
  await client.pool.add({ id: 'mixed', vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 2, targetLowPriorityNodes: 1 });
  await poolIn('mixed', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 2, 'mixed pool steady');
  await waitFor(async () => (await client.computeNode.list('mixed')).every((n) => n.state === 'idle'), 15_000, 'mixed nodes idle');
  await client.job.add({ id: 'mixed-job', poolInfo: { poolId: 'mixed' } });
});

afterAll(async () => {
  await stop();
});

describe('spot nodes', () => {
  it('are counted apart from dedicated ones', async () => {
    const pool = await client.pool.get('mixed');
    expect([pool.currentDedicatedNodes, pool.currentLowPriorityNodes, pool.targetLowPriorityNodes]).toEqual([2, 1, 1]);
    const nodes = await client.computeNode.list('mixed');
    const spot = nodes.filter((n) => n.isDedicated === false);
    expect(spot).toHaveLength(1);
    expect(spot[0]?.id).toMatch(/_p$/);
    const [counts] = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: "poolId eq 'mixed'" } });
    expect([counts?.dedicated?.total, counts?.lowPriority?.total, counts?.lowPriority?.idle]).toEqual([2, 1, 1]);
    expect(await client.computeNode.list('mixed', { computeNodeListOptions: { filter: 'isDedicated eq false' } })).toHaveLength(1);
  });
});

describe('removenodes', () => {
  it('removes the named node once its task completes, lowering the target', async () => {
    await client.task.add('mixed-job', { id: 'finishing', commandLine: '/bin/sleep 0.5' });
    const task = await taskIn('mixed-job', 'finishing', (t) => t.state === 'running', 'task running');
    const nodeId = task.nodeInfo?.nodeId ?? '';
    const dedicated = nodeId.endsWith('_d');
    await client.pool.removeNodes('mixed', { nodeList: [nodeId], nodeDeallocationOption: 'taskcompletion' });
    expect((await client.computeNode.get('mixed', nodeId)).state).toBe('leavingPool');
    const resizing = await client.pool.get('mixed');
    expect(resizing.allocationState).toBe('resizing');
    expect(dedicated ? resizing.targetDedicatedNodes : resizing.targetLowPriorityNodes).toBe(dedicated ? 1 : 0);
    expect(await sdkStatus(client.pool.removeNodes('mixed', { nodeList: [nodeId] }))).toEqual({ status: 409, code: 'PoolBeingResized' });
    const done = await taskIn('mixed-job', 'finishing', (t) => t.state === 'completed', 'task done');
    expect(done.executionInfo?.result).toBe('success');
    await poolIn('mixed', (p) => p.allocationState === 'steady', 'steady again');
    expect(await sdkStatus(client.computeNode.get('mixed', nodeId))).toEqual({ status: 404, code: 'NodeNotFound' });
    // Put the pool back as it was for the next tests.
    await client.pool.resize('mixed', { targetDedicatedNodes: 2, targetLowPriorityNodes: 1 });
    await poolIn('mixed', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 2 && p.currentLowPriorityNodes === 1, 'restored');
  });

  it('refuses unknown nodes and more than 100 nodes', async () => {
    expect(await sdkStatus(client.pool.removeNodes('mixed', { nodeList: ['tvmps_nope_d'] }))).toEqual({ status: 404, code: 'NodeNotFound' });
    const many = Array.from({ length: 101 }, (_, i) => `node-${i}`);
    // The SDK refuses such a list itself, so this one goes by hand.
    const res = await call('POST', '/pools/mixed/removenodes', { nodeList: many });
    expect([res.status, res.json.code]).toEqual([400, 'InvalidPropertyValue']);
  });
});

describe('resize', () => {
  it('terminates the tasks of removed nodes with nodeDeallocationOption terminate', async () => {
    await waitFor(async () => (await client.computeNode.list('mixed')).every((n) => n.state === 'idle'), 15_000, 'all idle');
    await client.task.addCollection('mixed-job', [
      { id: 'd1', commandLine: '/bin/sleep 30' },
      { id: 'd2', commandLine: '/bin/sleep 30' },
      { id: 'd3', commandLine: '/bin/sleep 30' },
    ]);
    await waitFor(async () => (await client.task.list('mixed-job', { taskListOptions: { filter: "state eq 'running'" } })).length === 3, 15_000, 'three running');
    await client.pool.resize('mixed', { targetDedicatedNodes: 1, targetLowPriorityNodes: 1, nodeDeallocationOption: 'terminate' });
    await poolIn('mixed', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 1, 'shrunk');
    const ended = (await client.task.list('mixed-job')).filter((t) => t.executionInfo?.failureInfo?.code === 'TaskEnded');
    expect(ended).toHaveLength(1);
    expect(ended[0]?.state).toBe('completed');
    await client.job.terminate('mixed-job');
  });

  it('goes through stopping to steady on stopresize and reports ResizeStopped', async () => {
    await client.pool.resize('mixed', { targetDedicatedNodes: 3 });
    await client.pool.stopResize('mixed');
    expect((await client.pool.get('mixed')).allocationState).toBe('stopping');
    const pool = await poolIn('mixed', (p) => p.allocationState === 'steady', 'steady after stop');
    expect([pool.currentDedicatedNodes, pool.targetDedicatedNodes]).toEqual([1, 3]);
    expect(pool.resizeErrors?.map((e) => e.code)).toEqual(['ResizeStopped']);
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.pool.get('mixed')).currentDedicatedNodes).toBe(1);
  });

  it('reports the quota reached when the account cannot hold the target', async () => {
    const others = await allDedicated();
    await client.pool.add({ id: 'greedy', vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 8, targetLowPriorityNodes: 3 });
    const pool = await poolIn('greedy', (p) => p.allocationState === 'steady' && p.resizeErrors !== undefined, 'greedy steady with errors');
    expect(pool.resizeErrors?.map((e) => e.code).sort()).toEqual(['AccountCoreQuotaReached', 'AccountLowPriorityCoreQuotaReached']);
    expect(pool.currentDedicatedNodes).toBe(QUOTA.dedicated - others);
    expect(pool.currentLowPriorityNodes).toBe(QUOTA.lowPriority - 1);
    expect(pool.targetDedicatedNodes).toBe(8);
    // A resize within the quota clears the errors.
    await client.pool.resize('greedy', { targetDedicatedNodes: 1, targetLowPriorityNodes: 0 });
    const fixed = await poolIn('greedy', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 1, 'greedy shrunk');
    expect(fixed.resizeErrors).toBeUndefined();
  });
});

describe('preemption', () => {
  it('preempts a spot node on request, requeues its task and brings it back later', async () => {
    const spot = (await client.computeNode.list('mixed')).find((n) => n.isDedicated === false);
    const nodeId = spot?.id ?? '';
    await client.job.add({ id: 'spot-job', poolInfo: { poolId: 'mixed' } });
    // One task per node, so one of them runs on the spot node.
    await client.task.addCollection('spot-job', [
      { id: 'p1', commandLine: '/bin/sleep 30' },
      { id: 'p2', commandLine: '/bin/sleep 30' },
    ]);
    await waitFor(async () => (await client.task.list('spot-job')).every((t) => t.state === 'running'), 15_000, 'a task on each node');
    const onSpot = (await client.task.list('spot-job')).find((t) => t.nodeInfo?.nodeId === nodeId)?.id;
    const res = await call('POST', `/emulator/pools/mixed/nodes/${nodeId}/preempt`, { downMs: 400 });
    expect(res.status).toBe(200);
    const node = await client.computeNode.get('mixed', nodeId);
    expect([node.state, node.runningTasksCount]).toEqual(['preempted', 0]);
    const pool = await client.pool.get('mixed');
    expect(pool.currentLowPriorityNodes).toBe(1);
    const [counts] = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: "poolId eq 'mixed'" } });
    expect(counts?.lowPriority?.preempted).toBe(1);
    const requeued = (await client.task.list('spot-job')).filter((t) => (t.executionInfo?.requeueCount ?? 0) > 0);
    expect(requeued.map((t) => t.id)).toEqual([onSpot]);
    await waitFor(async () => ['idle', 'running'].includes((await client.computeNode.get('mixed', nodeId)).state ?? ''), 15_000, 'spot node back');
    const dedicated = (await client.computeNode.list('mixed')).find((n) => n.isDedicated);
    expect((await call('POST', `/emulator/pools/mixed/nodes/${dedicated?.id ?? ''}/preempt`)).status).toBe(409);
    await client.job.terminate('spot-job');
  });

  it('preempts spot nodes on its own when a preemption fraction is set', async () => {
    const set = await call('PATCH', '/emulator/faults', { preemption: { fraction: 1, intervalMs: 50, downMs: 60_000 } });
    expect(set.status).toBe(200);
    expect(set.json.preemption).toEqual({ fraction: 1, intervalMs: 50, downMs: 60_000 });
    await waitFor(async () => (await client.computeNode.list('mixed')).some((n) => n.state === 'preempted'), 15_000, 'automatic preemption');
    await call('PATCH', '/emulator/faults', { preemption: { fraction: 0 } });
    const dedicated = (await client.computeNode.list('mixed')).filter((n) => n.isDedicated);
    expect(dedicated.every((n) => n.state !== 'preempted')).toBe(true);
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
