import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { BulkProgress, MonitorNotification, TaskCountsView } from '../../../shared/models';
import { accountsStore } from '../accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from '../accounts/service';
import { EventBus } from '../events';
import { MemoryVault } from '../vault/vault';
import { monitoringHandlers } from './handlers';
import { HistoryStore } from './history-store';
import { Monitor } from './sampler';

const dir = mkdtempSync(join(tmpdir(), 'bl-monitor-'));
const events = new EventBus();
const progress: BulkProgress[] = [];
const notifications: MonitorNotification[] = [];
events.listen(({ name, payload }) => {
  if (name === 'bulk.progress') progress.push(payload as BulkProgress);
  if (name === 'monitor.notification') notifications.push(payload as MonitorNotification);
});
let emulator: RunningEmulator;
let handlers: ReturnType<typeof monitoringHandlers>;
let monitor: Monitor;
const accountId = LOCAL_ACCOUNT_ID;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ dataDir: join(dir, 'emu'), fsync: false, nodeDelays: { allocate: 20, create: 20, start: 20 } });
  const accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events,
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  monitor = new Monitor({ accounts, history: new HistoryStore(join(dir, 'history')), events });
  handlers = monitoringHandlers(accounts, monitor, events);
});

afterAll(async () => {
  await monitor.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const counts = async (jobId: string): Promise<TaskCountsView> => (await handlers['jobs.taskCounts']({ accountId, jobIds: [jobId] }))[jobId]!.counts!;

describe('monitoring calls against the emulator', () => {
  it('lists pools joined with node counts, and nodes with only the polled columns', async () => {
    await handlers['pools.add']({
      accountId,
      pool: { id: 'p1', vmSize: 'standard_d2s_v3', targetDedicatedNodes: 2, taskSlotsPerNode: 2, virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } },
    });
    const pools = await until(() => handlers['pools.list']({ accountId }), (p) => p[0]?.nodeCounts?.dedicated.idle === 2);
    expect(pools[0]).toMatchObject({ id: 'p1', targetDedicatedNodes: 2, nodeCounts: { dedicated: { idle: 2, total: 2 } } });
    const nodes = await handlers['nodes.list']({ accountId, poolId: 'p1' });
    expect(nodes).toHaveLength(2);
    expect(Object.keys(nodes[0]!).every((k) => ['id', 'state', 'isDedicated', 'runningTasksCount', 'runningTaskSlotsCount'].includes(k))).toBe(true);
    expect(nodes[0]).toHaveProperty('state');
    await expect(handlers['nodes.list']({ accountId, poolId: 'p1', state: 'running' })).resolves.toEqual([]);
  });

  it('adds 250 tasks in collections of 100 with progress and a result per task', async () => {
    await handlers['jobs.add']({ accountId, job: { id: 'j1', poolInfo: { poolId: 'p1' } } });
    const tasks = Array.from({ length: 250 }, (_, i) => ({
      id: `t${String(i).padStart(3, '0')}`,
      commandLine: i % 50 === 0 ? '/bin/sh -c "exit 4"' : '/bin/true',
    }));
    tasks.push({ id: 't001', commandLine: '/bin/true' });
    const results = await handlers['tasks.add']({ accountId, jobId: 'j1', operationId: 'add-00000001', tasks });
    expect(results).toHaveLength(251);
    expect(results.filter((r) => r.ok)).toHaveLength(250);
    expect(results.find((r) => !r.ok)).toMatchObject({ id: 't001', code: 'TaskExists' });
    expect(progress.at(-1)).toEqual({ operationId: 'add-00000001', done: 251, total: 251, failed: 1 });
  });

  it('counts tasks with getTaskCounts and filters the failed ones server-side, paging with continuations', async () => {
    const final = await until(() => counts('j1'), (c) => c.completed === 250, 60_000);
    expect(final).toMatchObject({ completed: 250, succeeded: 245, failed: 5 });
    const failed = await handlers['tasks.page']({ accountId, jobId: 'j1', state: 'failed' });
    expect(failed.items.map((t) => t.id)).toEqual(['t000', 't050', 't100', 't150', 't200']);
    expect(failed.items[0]).toMatchObject({ state: 'completed', exitCode: 4, result: 'failure' });
    const first = await handlers['tasks.page']({ accountId, jobId: 'j1', maxResults: 100 });
    expect(first.items).toHaveLength(100);
    const second = await handlers['tasks.page']({ accountId, jobId: 'j1', continuation: first.continuation! });
    expect(second.items[0]!.id).toBe('t100');
    const prefixed = await handlers['tasks.page']({ accountId, jobId: 'j1', idPrefix: "t24" });
    expect(prefixed.items.map((t) => t.id)).toEqual(Array.from({ length: 10 }, (_, i) => `t24${i}`));
  });

  it('refuses a continuation that points anywhere but the account', async () => {
    await expect(
      handlers['tasks.page']({ accountId, jobId: 'j1', continuation: 'https://evil.example/jobs/j1/tasks?$skiptoken=x' }),
    ).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('reactivates failed tasks in bulk with a result per task', async () => {
    const results = await handlers['tasks.action']({ accountId, jobId: 'j1', operationId: 'react-0000001', taskIds: ['t000', 't050', 'nope'], action: 'reactivate' });
    expect(results.map((r) => [r.id, r.ok, r.code])).toEqual([
      ['t000', true, undefined],
      ['t050', true, undefined],
      ['nope', false, 'TaskNotFound'],
    ]);
  });

  it('samples chart history and notifies when a job in use first fails and then completes', async () => {
    await handlers['jobs.add']({ accountId, job: { id: 'j2', poolInfo: { poolId: 'p1' } } });
    await handlers['jobs.get']({ accountId, jobId: 'j2' });
    await handlers['pools.get']({ accountId, poolId: 'p1' });
    await monitor.sampleOnce();
    await handlers['tasks.add']({ accountId, jobId: 'j2', operationId: 'add-00000002', tasks: [{ id: 'bad', commandLine: '/bin/sh -c "exit 1"' }] });
    await until(() => counts('j2'), (c) => c.failed === 1);
    await monitor.sampleOnce();
    expect(notifications.map((n) => [n.jobId, n.kind])).toEqual([['j2', 'firstTaskFailed']]);
    await handlers['jobs.action']({ accountId, jobId: 'j2', action: 'terminate' });
    await until(async () => (await handlers['jobs.get']({ accountId, jobId: 'j2' })).state, (s) => s === 'completed');
    await monitor.sampleOnce();
    expect(notifications.map((n) => n.kind)).toEqual(['firstTaskFailed', 'jobCompleted']);
    const pool = await handlers['history.series']({ accountId, kind: 'pool', id: 'p1', rangeMs: 600_000 });
    expect(pool.points.length).toBeGreaterThanOrEqual(3);
    expect(pool.points.at(-1)!.values).toMatchObject({ total: 2 });
    expect(pool.points.at(-1)!.values).toHaveProperty('usedSlots');
    const job = await handlers['history.series']({ accountId, kind: 'job', id: 'j2', rangeMs: 600_000 });
    expect(job.points.at(-1)!.values).toMatchObject({ failed: 1 });
  });

  it('notifies a watched job that completes before its first sample, with its link', async () => {
    await handlers['jobs.add']({ accountId, job: { id: 'j3', poolInfo: { poolId: 'p1' } } });
    monitor.watchJob(accountId, 'j3', '/data?container=fgrp-out&folder=j3%2F');
    await handlers['jobs.action']({ accountId, jobId: 'j3', action: 'terminate' });
    await until(async () => (await handlers['jobs.get']({ accountId, jobId: 'j3' })).state, (s) => s === 'completed');
    await monitor.sampleOnce();
    const done = notifications.filter((n) => n.jobId === 'j3');
    expect(done).toEqual([expect.objectContaining({ kind: 'jobCompleted', link: '/data?container=fgrp-out&folder=j3%2F' })]);
    expect(notifications.filter((n) => n.jobId === 'j2').every((n) => n.link === undefined)).toBe(true);
  });
});
