// Node and pool state across restarts: a clean restart keeps scheduling, failures, start task results,
// resize errors and autoscale; after kill -9 a reboot and a removal that were acknowledged carry on,
// and start task processes the dead emulator left behind are stopped.
import type { BatchServiceClient } from '@azure/batch';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index.js';
import { FAST_DELAYS, rawRequest, sdkClient, sleepProcesses, tempDir, waitFor } from './test/helpers.js';

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
// Unique to this run, so processes left over from another run never count.
const START_SLEEP = (21 + Math.random()).toFixed(6);

const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function nodeState(client: BatchServiceClient, poolId: string, nodeId: string, state: string): Promise<void> {
  await waitFor(async () => (await client.computeNode.get(poolId, nodeId)).state === state, 20_000, `${nodeId} ${state}`);
}

describe('a clean restart', () => {
  it('keeps node scheduling, failures, start task results, resize errors and autoscale', async () => {
    const temp = await tempDir('batch-emu-restart-');
    cleanups.push(temp.remove);
    const options: EmulatorOptions = {
      dataDir: temp.dir,
      nodeDelays: FAST_DELAYS,
      fsync: false,
      nodes: { quota: { dedicated: 4 }, minAutoScaleIntervalMs: 100, samplePeriodMs: 100 },
    };
    let emulator: RunningEmulator = await startEmulator(options);
    let client = sdkClient(emulator);
    await client.pool.add({ id: 'keep', vmSize: 'a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 5, startTask: { commandLine: '/bin/true' } });
    const pool = await waitFor(async () => {
      const p = await client.pool.get('keep');
      return p.allocationState === 'steady' ? p : undefined;
    }, 20_000, 'keep steady');
    expect(pool.resizeErrors?.[0]?.code).toBe('AccountCoreQuotaReached');
    const ids = await waitFor(async () => {
      const list = await client.computeNode.list('keep');
      return list.length === 4 && list.every((n) => n.state === 'idle') ? list.map((n) => n.id ?? '').sort() : undefined;
    }, 20_000, 'four idle nodes');
    const [offline = '', broken = '', failed = '', healthy = ''] = ids;
    await client.computeNode.disableScheduling('keep', offline);
    expect((await rawRequest(emulator, 'POST', `/emulator/pools/keep/nodes/${broken}/markunusable`, { body: '{}' })).status).toBe(200);
    expect((await rawRequest(emulator, 'POST', `/emulator/pools/keep/nodes/${failed}/failstarttask`)).status).toBe(200);
    await client.computeNode.reboot('keep', failed);
    await nodeState(client, 'keep', failed, 'startTaskFailed');
    const started = (await client.computeNode.get('keep', healthy)).startTaskInfo?.startTime;
    await client.pool.add({ id: 'auto', vmSize: 'a1', virtualMachineConfiguration: VM, enableAutoScale: true, autoScaleFormula: '$TargetDedicatedNodes = 0;', autoScaleEvaluationInterval: 'PT0.2S' });
    const firstRun = (await client.pool.get('auto')).autoScaleRun?.timestamp;
    await emulator.close();

    emulator = await startEmulator(options);
    cleanups.push(() => emulator.close());
    client = sdkClient(emulator);
    await nodeState(client, 'keep', healthy, 'idle');
    const after = await client.computeNode.get('keep', healthy);
    expect(after.startTaskInfo?.startTime).toEqual(started);
    await nodeState(client, 'keep', offline, 'offline');
    expect((await client.computeNode.get('keep', offline)).schedulingState).toBe('disabled');
    const sick = await client.computeNode.get('keep', broken);
    expect([sick.state, sick.errors?.[0]?.code]).toEqual(['unusable', 'DiskFull']);
    const failedNode = await client.computeNode.get('keep', failed);
    expect([failedNode.state, failedNode.startTaskInfo?.result]).toEqual(['startTaskFailed', 'failure']);
    expect((await client.pool.get('keep')).resizeErrors?.[0]?.code).toBe('AccountCoreQuotaReached');
    await waitFor(async () => {
      const run = (await client.pool.get('auto')).autoScaleRun;
      return (run?.timestamp?.getTime() ?? 0) > (firstRun?.getTime() ?? Infinity);
    }, 20_000, 'autoscale evaluating again');
  });
});

describe('kill -9', () => {
  it('finishes an acknowledged reboot and removal, and stops orphaned start tasks', async () => {
    const temp = await tempDir('batch-emu-kill-nodes-');
    cleanups.push(temp.remove);
    const key = randomBytes(32).toString('base64');
    const running: ChildProcess[] = [];
    cleanups.push(async () => {
      // SIGTERM, so an emulator left running by a failed assertion stops its start tasks too.
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    const start = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--data', temp.dir, '--key', key, '--no-storage'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(child);
      let output = '';
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1], 30_000, `emulator start: ${output}`);
      const emulator: RunningEmulator = { url, port: Number(new URL(url).port), account: 'local', key, close: async () => undefined };
      return { child, exited, client: sdkClient(emulator) };
    };

    const first = await start();
    await first.client.pool.add({
      id: 'kp',
      vmSize: 'a1',
      virtualMachineConfiguration: VM,
      targetDedicatedNodes: 3,
      startTask: { commandLine: `/bin/sleep ${START_SLEEP}`, waitForSuccess: false },
    });
    const ids = await waitFor(async () => {
      const list = await first.client.computeNode.list('kp');
      return list.length === 3 && list.every((n) => n.startTaskInfo?.state === 'running') ? list.map((n) => n.id ?? '').sort() : undefined;
    }, 30_000, 'three nodes running their start task');
    const [rebooted = '', removed = '', untouched = ''] = ids;
    // Each start task is `running` a moment before its process exists.
    if (process.platform === 'linux') await waitFor(() => sleepProcesses(START_SLEEP) === 3, 20_000, 'three start task processes');
    await first.client.computeNode.reboot('kp', rebooted);
    await first.client.pool.removeNodes('kp', { nodeList: [removed] });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = await start();
    const nodes = await waitFor(async () => {
      const list = await second.client.computeNode.list('kp');
      return list.length === 2 && list.every((n) => n.state === 'idle' && n.startTaskInfo?.state === 'running') ? list : undefined;
    }, 30_000, 'two nodes back, rerunning their start task');
    expect(nodes.map((n) => n.id).sort()).toEqual([rebooted, untouched]);
    const pool = await second.client.pool.get('kp');
    expect([pool.targetDedicatedNodes, pool.allocationState]).toEqual([2, 'steady']);
    // The old start task processes were stopped before the reruns began, so there are never more than the two reruns.
    if (process.platform === 'linux') {
      await waitFor(() => sleepProcesses(START_SLEEP) === 2, 20_000, 'two start task processes');
      await new Promise((r) => setTimeout(r, 300));
      expect(sleepProcesses(START_SLEEP)).toBe(2);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    if (process.platform === 'linux') await waitFor(() => sleepProcesses(START_SLEEP) === 0, 5_000, 'the reruns stopped at shutdown');
  }, 90_000);
});
