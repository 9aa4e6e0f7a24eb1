// The emulator as a child process: killed with SIGKILL mid-workload, restarted on the same data folder,
// it still has every acknowledged write, and the tasks that were running are requeued.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, sleepProcesses, tempDir, waitFor } from './test/helpers.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
// Unique to this run, so no other test's sleep is counted.
const LONG_SLEEP = (21 + Math.random()).toFixed(6);

interface CliProcess {
  child: ChildProcess;
  emulator: RunningEmulator;
  exited: Promise<number | null>;
  output: () => string;
}

function startCli(args: string[]): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => text };
}

async function startEmulatorProcess(dir: string, key: string): Promise<CliProcess> {
  const cli = startCli(['--port', '0', '--data', dir, '--account', 'killtest', '--key', key, '--no-storage']);
  const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(cli.output())?.[1], 30_000, `emulator start: ${cli.output()}`);
  const port = Number(new URL(url).port);
  return { ...cli, emulator: { url, port, account: 'killtest', key, close: async () => undefined } };
}

let temp: { dir: string; remove: () => Promise<void> };
const running: ChildProcess[] = [];

beforeAll(async () => {
  temp = await tempDir('batch-emu-kill-');
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await temp.remove();
});

describe('the emulator process', () => {
  it('keeps every acknowledged write across kill -9 and requeues running tasks', async () => {
    const key = randomBytes(32).toString('base64');
    const first = await startEmulatorProcess(temp.dir, key);
    running.push(first.child);
    const client = sdkClient(first.emulator);
    const vm = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
    await client.pool.add({ id: 'kp', vmSize: 'standard_a1', virtualMachineConfiguration: vm, targetDedicatedNodes: 2, taskSlotsPerNode: 2 });
    await client.job.add({ id: 'kj', poolInfo: { poolId: 'kp' } });
    await client.task.addCollection('kj', [
      { id: 'long-1', commandLine: `/bin/sleep ${LONG_SLEEP}` },
      { id: 'long-2', commandLine: `/bin/sleep ${LONG_SLEEP}` },
    ]);
    await waitFor(async () => (await client.task.list('kj')).every((t) => t.state === 'running'), 20_000, 'long tasks running');
    if (process.platform === 'linux') await waitFor(() => sleepProcesses(LONG_SLEEP) === 2, 20_000, 'two long task processes');
    const nodeIds = (await client.computeNode.list('kp')).map((n) => n.id).sort();

    const acknowledged: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const tasks = Array.from({ length: 50 }, (_, i) => ({ id: `b${batch}-${i}`, commandLine: '/bin/true' }));
      const result = await client.task.addCollection('kj', tasks);
      acknowledged.push(...(result.value ?? []).filter((r) => r.status === 'success').map((r) => r.taskId));
    }
    await client.job.patch('kj', { priority: 7 });
    // Kill while a fourth collection is in flight: whatever it did or did not store, nothing acknowledged may be lost.
    const inFlight = client.task.addCollection('kj', Array.from({ length: 100 }, (_, i) => ({ id: `late-${i}`, commandLine: '/bin/true' })));
    first.child.kill('SIGKILL');
    await inFlight.catch(() => undefined);
    expect(await first.exited).toBeNull();

    const second = await startEmulatorProcess(temp.dir, key);
    running.push(second.child);
    const again = sdkClient(second.emulator);
    const tasks = new Map((await again.task.list('kj')).map((t) => [t.id, t]));
    for (const id of acknowledged) expect(tasks.has(id), id).toBe(true);
    expect(acknowledged).toHaveLength(150);
    for (const id of ['long-1', 'long-2']) {
      const task = tasks.get(id);
      expect(task?.executionInfo?.requeueCount, id).toBe(1);
      expect(['active', 'running']).toContain(task?.state);
    }
    expect((await again.job.get('kj')).priority).toBe(7);
    const nodes = await waitFor(async () => {
      const list = await again.computeNode.list('kp');
      return list.length === 2 && list.every((n) => n.state === 'idle' || n.state === 'running') ? list : undefined;
    }, 20_000, 'nodes back');
    expect(nodes.map((n) => n.id).sort()).toEqual(nodeIds);
    // The requeued tasks queue behind the short ones still active, so wait for those to be done.
    await waitFor(async () => {
      const counts = (await again.job.getTaskCounts('kj')).taskCounts;
      return counts.running === 2 && counts.active === 0;
    }, 20_000, 'long tasks rerun');
    // A task is `running` from the moment it is placed, before its process starts, so wait for both reruns'
    // processes. The first run's were stopped at restart, so there must never be more than these two.
    if (process.platform === 'linux') {
      await waitFor(() => sleepProcesses(LONG_SLEEP) >= 2, 20_000, 'two rerun processes');
      await new Promise((r) => setTimeout(r, 300));
      expect(sleepProcesses(LONG_SLEEP)).toBe(2);
    }

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('SIGTERM');
    // The sleeps last 21 s, so their going within seconds of the shutdown is the emulator's doing.
    if (process.platform === 'linux') await waitFor(() => sleepProcesses(LONG_SLEEP) === 0, 5_000, 'the reruns stopped at shutdown');
  }, 90_000);

  it('rejects bad flags with a clear message and exit status 2', async () => {
    const bogus = startCli(['--bogus']);
    expect(await bogus.exited).toBe(2);
    expect(bogus.output()).toContain("unknown argument '--bogus'");
    const port = startCli(['--port', 'many']);
    expect(await port.exited).toBe(2);
    expect(port.output()).toContain('--port must be a number');
  }, 30_000);
});
