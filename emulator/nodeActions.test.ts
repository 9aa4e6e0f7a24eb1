// Node actions through @azure/batch: reboot and reimage with their options, scheduling, remote login.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';

type ComputeNode = BatchServiceModels.ComputeNode;
type CloudTask = BatchServiceModels.CloudTask;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
// Slow enough to watch a node go through rebooting and starting.
const DELAYS = { allocate: 20, create: 250, start: 250 };

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

function nodeIn(poolId: string, nodeId: string, test: (n: ComputeNode) => boolean, what: string): Promise<ComputeNode> {
  return waitFor(async () => {
    const node = await client.computeNode.get(poolId, nodeId);
    return test(node) ? node : undefined;
  }, 15_000, what);
}

function taskIn(jobId: string, taskId: string, test: (t: CloudTask) => boolean, what: string): Promise<CloudTask> {
  return waitFor(async () => {
    const task = await client.task.get(jobId, taskId);
    return test(task) ? task : undefined;
  }, 15_000, what);
}

// Watches a node until it has booted again (idle, or running a task), collecting the states it went through.
async function statesUntilUp(poolId: string, nodeId: string): Promise<string[]> {
  const seen: string[] = [];
  await waitFor(async () => {
    const { state = '' } = await client.computeNode.get(poolId, nodeId);
    if (seen.at(-1) !== state) seen.push(state);
    return (state === 'idle' || state === 'running') && seen.includes('starting');
  }, 15_000, `${nodeId} up again`);
  return seen;
}

async function idlePool(id: string, nodes: number): Promise<string[]> {
  await client.pool.add({ id, vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: nodes });
  const list = await waitFor(async () => {
    const l = await client.computeNode.list(id);
    return l.length === nodes && l.every((n) => n.state === 'idle') ? l : undefined;
  }, 15_000, `${id} idle`);
  return list.map((n) => n.id ?? '').sort();
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ nodeDelays: DELAYS }));
  client = sdkClient(emulator, recorder);
});

afterAll(async () => {
  await stop();
});

describe('reboot', () => {
  it('requeues running tasks, then goes through rebooting and starting back up', async () => {
    const [nodeId = ''] = await idlePool('reboot', 1);
    await client.job.add({ id: 'reboot-job', poolInfo: { poolId: 'reboot' } });
    await client.task.add('reboot-job', { id: 'long', commandLine: '/bin/sleep 30' });
    await taskIn('reboot-job', 'long', (t) => t.state === 'running', 'task running');
    const before = await client.computeNode.get('reboot', nodeId);
    await client.computeNode.reboot('reboot', nodeId);
    expect(await sdkStatus(client.computeNode.reboot('reboot', nodeId))).toEqual({ status: 409, code: 'NodeBeingRebooted' });
    const states = await statesUntilUp('reboot', nodeId);
    expect(states).toEqual(expect.arrayContaining(['rebooting', 'starting']));
    expect(states.indexOf('rebooting')).toBeLessThan(states.indexOf('starting'));
    const after = await client.computeNode.get('reboot', nodeId);
    expect(after.lastBootTime?.getTime()).toBeGreaterThan(before.lastBootTime?.getTime() ?? Infinity);
    const task = await taskIn('reboot-job', 'long', (t) => t.state === 'running', 'requeued task running again');
    expect(task.executionInfo?.requeueCount).toBe(1);
  });

  it('terminates running tasks with nodeRebootOption terminate', async () => {
    const [nodeId = ''] = await client.computeNode.list('reboot').then((l) => l.map((n) => n.id ?? ''));
    await client.computeNode.reboot('reboot', nodeId, { nodeRebootOption: 'terminate' });
    const task = await taskIn('reboot-job', 'long', (t) => t.state === 'completed', 'task terminated');
    expect(task.executionInfo?.result).toBe('failure');
    expect(task.executionInfo?.failureInfo?.code).toBe('TaskEnded');
    await statesUntilUp('reboot', nodeId);
  });

  it('lets running tasks finish first with taskcompletion, placing nothing new meanwhile', async () => {
    const [nodeId = ''] = await client.computeNode.list('reboot').then((l) => l.map((n) => n.id ?? ''));
    await client.task.add('reboot-job', { id: 'short', commandLine: '/bin/sleep 0.6' });
    await taskIn('reboot-job', 'short', (t) => t.state === 'running', 'short task running');
    await client.computeNode.reboot('reboot', nodeId, { nodeRebootOption: 'taskcompletion' });
    await client.task.add('reboot-job', { id: 'later', commandLine: '/bin/true' });
    expect((await client.computeNode.get('reboot', nodeId)).state).toBe('running');
    const short = await taskIn('reboot-job', 'short', (t) => t.state === 'completed', 'short task done');
    expect(short.executionInfo?.result).toBe('success');
    await nodeIn('reboot', nodeId, (n) => n.state === 'rebooting', 'rebooting after the task');
    expect((await client.task.get('reboot-job', 'later')).state).toBe('active');
    const later = await taskIn('reboot-job', 'later', (t) => t.state === 'completed', 'later task ran after the reboot');
    expect(later.executionInfo?.result).toBe('success');
  });

  it('refuses nodes that are still being created or started', async () => {
    await client.pool.add({ id: 'young', vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 1 });
    const node = await waitFor(async () => (await client.computeNode.list('young'))[0], 15_000, 'a node');
    const expected = node.state === 'creating' ? 'NodeBeingCreated' : 'NodeBeingStarted';
    expect(await sdkStatus(client.computeNode.reboot('young', node.id ?? ''))).toEqual({ status: 409, code: expected });
    expect(await sdkStatus(client.computeNode.reboot('young', 'no-such-node'))).toEqual({ status: 404, code: 'NodeNotFound' });
  });
});

describe('reimage', () => {
  it('wipes the node directories and boots it again', async () => {
    const [nodeId = ''] = await idlePool('reimage', 1);
    await client.job.add({ id: 'reimage-job', poolInfo: { poolId: 'reimage' } });
    await client.task.add('reimage-job', { id: 'mark', commandLine: '/bin/sh -c "echo kept > $AZ_BATCH_NODE_SHARED_DIR/marker"' });
    await taskIn('reimage-job', 'mark', (t) => t.state === 'completed', 'marker written');
    const names = async () => (await client.file.listFromComputeNode('reimage', nodeId, { recursive: true })).map((f) => f.name);
    expect(await names()).toContain('shared/marker');
    await client.computeNode.reimage('reimage', nodeId, { nodeReimageOption: 'requeue' });
    expect(await sdkStatus(client.computeNode.reimage('reimage', nodeId))).toEqual({ status: 409, code: 'NodeBeingReimaged' });
    const states = await statesUntilUp('reimage', nodeId);
    expect(states).toEqual(expect.arrayContaining(['reimaging', 'starting']));
    const after = await names();
    expect(after).not.toContain('shared/marker');
    expect(after.some((n) => n?.startsWith('workitems/reimage-job'))).toBe(false);
  });
});

describe('scheduling', () => {
  it('shows an idle disabled node as offline and places no tasks on it until enabled', async () => {
    const [a = '', b = ''] = await idlePool('sched', 2);
    await client.computeNode.disableScheduling('sched', a);
    const offline = await client.computeNode.get('sched', a);
    expect([offline.state, offline.schedulingState]).toEqual(['offline', 'disabled']);
    expect(await sdkStatus(client.computeNode.disableScheduling('sched', a))).toEqual({ status: 409, code: 'NodeAlreadyInTargetSchedulingState' });
    expect(await sdkStatus(client.computeNode.enableScheduling('sched', b))).toEqual({ status: 409, code: 'NodeAlreadyInTargetSchedulingState' });
    await client.job.add({ id: 'sched-job', poolInfo: { poolId: 'sched' } });
    await client.task.addCollection('sched-job', [
      { id: 'one', commandLine: '/bin/sleep 30' },
      { id: 'two', commandLine: '/bin/sleep 30' },
    ]);
    await waitFor(async () => (await client.task.list('sched-job')).some((t) => t.state === 'running'), 15_000, 'a task running');
    await new Promise((r) => setTimeout(r, 150));
    const running = (await client.task.list('sched-job')).filter((t) => t.state === 'running');
    expect(running.map((t) => t.nodeInfo?.nodeId)).toEqual([b]);
    const counts = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: "poolId eq 'sched'" } });
    expect([counts[0]?.dedicated?.offline, counts[0]?.dedicated?.running]).toEqual([1, 1]);
    expect((await client.computeNode.list('sched', { computeNodeListOptions: { filter: "state eq 'offline'" } })).map((n) => n.id)).toEqual([a]);
    await client.computeNode.enableScheduling('sched', a);
    await waitFor(async () => (await client.task.list('sched-job')).every((t) => t.state === 'running'), 15_000, 'both running');
    expect((await client.computeNode.get('sched', a)).state).toBe('running');
  });

  it('requeues the running tasks of a node disabled with requeue, which then goes offline', async () => {
    const nodes = await client.computeNode.list('sched');
    const busy = nodes[0]?.id ?? '';
    await client.computeNode.disableScheduling('sched', busy, { nodeDisableSchedulingOption: 'requeue' });
    const node = await nodeIn('sched', busy, (n) => n.state === 'offline', 'offline after requeue');
    expect(node.runningTasksCount).toBe(0);
    const requeued = (await client.task.list('sched-job')).filter((t) => t.executionInfo?.requeueCount === 1);
    expect(requeued).toHaveLength(1);
    expect(requeued[0]?.state).toBe('active');
    await client.job.terminate('sched-job');
  });
});

describe('remote login', () => {
  it('gives each node of a virtual machine pool its own loopback port', async () => {
    const ids = await client.computeNode.list('sched').then((l) => l.map((n) => n.id ?? ''));
    const settings = await Promise.all(ids.map((id) => client.computeNode.getRemoteLoginSettings('sched', id)));
    for (const s of settings) {
      expect(s.remoteLoginIPAddress).toBe('127.0.0.1');
      expect(s.remoteLoginPort).toBeGreaterThanOrEqual(50000);
    }
    expect(new Set(settings.map((s) => s.remoteLoginPort)).size).toBe(ids.length);
    const node = await client.computeNode.get('sched', ids[0] ?? '');
    expect(node.endpointConfiguration?.inboundEndpoints[0]).toMatchObject({ protocol: 'tcp', backendPort: 22, frontendPort: settings[0]?.remoteLoginPort });
    // The SDK streams this operation's body, so only the status of the refusal is visible.
    expect((await sdkStatus(client.computeNode.getRemoteDesktop('sched', ids[0] ?? ''))).status).toBe(409);
  });

  it('serves an RDP file for a cloud service pool', async () => {
    await client.pool.add({ id: 'cloud', vmSize: 'small', cloudServiceConfiguration: { osFamily: '6' }, targetDedicatedNodes: 1 });
    const node = await waitFor(async () => (await client.computeNode.list('cloud')).find((n) => n.state === 'idle'), 15_000, 'cloud node');
    const res = await client.computeNode.getRemoteDesktop('cloud', node.id ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of res.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^full address:s:127\.0\.0\.1:5\d{4}\r\n/);
    expect(await sdkStatus(client.computeNode.getRemoteLoginSettings('cloud', node.id ?? ''))).toEqual({ status: 409, code: 'OperationNotValidOnPool' });
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
