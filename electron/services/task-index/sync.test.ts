import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { TaskRow } from '../../../shared/models';
import { accountsStore } from '../accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from '../accounts/service';
import { collectAll } from '../batch/paging';
import { EventBus, type PushedEvent } from '../events';
import { monitoringHandlers } from '../monitor/handlers';
import { HistoryStore } from '../monitor/history-store';
import { Monitor } from '../monitor/sampler';
import { MemoryVault } from '../vault/vault';
import { taskIndexService } from './handlers';
import { TaskStore } from './store';
import { TaskSync, type RunWithClient } from './sync';

const dir = mkdtempSync(join(tmpdir(), 'bl-task-index-'));
const accountId = LOCAL_ACCOUNT_ID;
const TASKS = 3000;
let emulator: RunningEmulator;
let monitor: Monitor;
let accounts: AccountsService;
let events: EventBus;
let batch: ReturnType<typeof monitoringHandlers>;
let run: RunWithClient;

async function addJob(jobId: string, count: number): Promise<void> {
  await batch['jobs.add']({ accountId, job: { id: jobId, poolInfo: { poolId: 'idle' } } });
  await batch['tasks.add']({
    accountId,
    jobId,
    operationId: `add-${jobId}`.padEnd(8, '0'),
    tasks: Array.from({ length: count }, (_, i) => ({ id: `t${String(i).padStart(5, '0')}`, commandLine: '/bin/true', ...(i % 3 === 0 ? { displayName: `Frame ${i}` } : {}) })),
  });
}

async function listAll(jobId: string): Promise<BatchServiceModels.CloudTask[]> {
  return run((client, signal) => {
    const abortSignal = signal as unknown as AbortSignalLike;
    return collectAll(client.task.list(jobId, { taskListOptions: { maxResults: 1000 }, abortSignal }), (link) => client.task.listNext(link, { abortSignal }));
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ dataDir: join(dir, 'emu'), fsync: false });
  events = new EventBus();
  accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events,
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  monitor = new Monitor({ accounts, history: new HistoryStore(join(dir, 'history')), events });
  batch = monitoringHandlers(accounts, monitor, events);
  run = (work) => accounts.withClient(accountId, work);
  // A pool with no nodes: nothing runs, so only the test changes task states.
  await batch['pools.add']({
    accountId,
    pool: {
      id: 'idle',
      vmSize: 'standard_d2s_v3',
      targetDedicatedNodes: 0,
      virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
    },
  });
  await addJob('big', TASKS);
}, 90_000);

afterAll(async () => {
  await monitor.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('task index sync against the emulator', () => {
  const store = new TaskStore();
  let sync: TaskSync;

  it('indexes the whole job in one full pass, queryable page by page', async () => {
    sync = new TaskSync(store, 'big', run, undefined, 0);
    const loadedAtPage: number[] = [];
    const stats = await sync.fullPass(() => loadedAtPage.push(store.count));
    expect(loadedAtPage).toEqual([1000, 2000, 3000]);
    expect(stats).toMatchObject({ pages: 3, rows: TASKS, changed: TASKS });
    expect(sync.status()).toMatchObject({ phase: 'ready', loaded: TASKS });
    expect(sync.status().syncedAt).toBeDefined();
    expect(store.toRow(store.rowOf('t00003')!)).toMatchObject({ id: 't00003', displayName: 'Frame 3', state: 'active' });
    expect(store.toRow(store.rowOf('t00004')!)).not.toHaveProperty('displayName');
    expect(Number.isNaN(sync.watermark)).toBe(false);
  });

  it('fetches only the tasks that changed after the watermark in a delta', async () => {
    const changed = ['t00010', 't00500', 't02999', 't01234'];
    const atWatermark = store.ids.filter((id, row) => store.stateTime[row] === sync.watermark && !changed.includes(id)).length;
    await new Promise((r) => setTimeout(r, 20));
    const results = await batch['tasks.action']({ accountId, jobId: 'big', operationId: 'terminate-1', taskIds: changed, action: 'terminate' });
    expect(results.every((r) => r.ok)).toBe(true);
    const before = sync.status().version;
    const stats = await sync.delta();
    // `ge` takes the tasks stamped at the old watermark again; nothing else unchanged comes back.
    expect(stats.rows).toBe(changed.length + atWatermark);
    expect(stats.changed).toBe(changed.length);
    for (const id of changed) expect(store.toRow(store.rowOf(id)!).state).toBe('completed');
    expect(store.count).toBe(TASKS);
    expect(sync.status().version).toBeGreaterThan(before);
    const quiet = await sync.delta();
    expect(quiet.changed).toBe(0);
    expect(quiet.rows).toBeLessThanOrEqual(changed.length);
  });

  it("moves the watermark to the service's time, so a quiet job's deltas come back empty", async () => {
    const quiet = new TaskSync(new TaskStore(), 'big', run, undefined, 200);
    await quiet.fullPass();
    const lastChange = quiet.watermark;
    // The Date header has whole seconds: wait past the next one, then past the overlap.
    await new Promise((r) => setTimeout(r, 1300));
    await quiet.delta();
    expect(quiet.watermark).toBeGreaterThan(lastChange);
    await new Promise((r) => setTimeout(r, 300));
    expect(await quiet.delta()).toMatchObject({ pages: 1, rows: 0 });
  });

  it('removes deleted tasks on an id pass, and only then', async () => {
    const gone = ['t00001', 't01500', 't02998'];
    await batch['tasks.action']({ accountId, jobId: 'big', operationId: 'delete-0001', taskIds: gone, action: 'delete' });
    await sync.delta();
    expect(store.count).toBe(TASKS);
    const stats = await sync.idPass();
    expect(stats).toMatchObject({ rows: TASKS - gone.length, changed: gone.length });
    expect(store.count).toBe(TASKS - gone.length);
    for (const id of gone) expect(store.rowOf(id)).toBeUndefined();
    for (const id of ['t00000', 't00002', 't02997', 't02999']) expect(store.toRow(store.rowOf(id)!).id).toBe(id);
  });

  it('runs passes one at a time, so concurrent id passes and deltas leave the index right', async () => {
    await batch['tasks.action']({ accountId, jobId: 'big', operationId: 'delete-0002', taskIds: ['t00000', 't00002'], action: 'delete' });
    await batch['tasks.action']({ accountId, jobId: 'big', operationId: 'terminate-3', taskIds: ['t02997'], action: 'terminate' });
    const results = await Promise.all([sync.idPass(), sync.delta(), sync.idPass(), sync.delta()]);
    expect(results[0]?.changed).toBe(2);
    expect(results[2]?.changed).toBe(0);
    const expected = (await listAll('big')).map((t) => t.id ?? '').sort();
    expect([...store.ids].sort()).toEqual(expected);
    for (const id of expected) expect(store.ids[store.rowOf(id)!]).toBe(id);
    expect(store.toRow(store.rowOf('t02997')!).state).toBe('completed');
  });

  it('reports a failing pass with the service code and keeps the rows', async () => {
    const broken = new TaskSync(store, 'no-such-job', run);
    await expect(broken.fullPass()).rejects.toMatchObject({ code: 'JobNotFound' });
    expect(broken.status()).toMatchObject({ phase: 'error', error: { code: 'JobNotFound' } });
    expect(store.count).toBe(TASKS - 5);
  });
});

describe('taskIndex.window against the emulator', () => {
  it('answers windows sorted and filtered exactly as a brute force over the whole job', async () => {
    await addJob('window', 2500);
    const ids = Array.from({ length: 40 }, (_, i) => `t${String(i * 60 + 7).padStart(5, '0')}`);
    await batch['tasks.action']({ accountId, jobId: 'window', operationId: 'terminate-2', taskIds: ids, action: 'terminate' });
    const seen: PushedEvent[] = [];
    const stop = events.listen((e) => e.name === 'taskIndex.changed' && seen.push(e));
    const service = taskIndexService(accounts, events);
    const window = service.handlers['taskIndex.window'];
    try {
      let first = await window({ accountId, jobId: 'window', offset: 0, limit: 100 });
      expect(first.rows.length).toBe(100);
      const deadline = Date.now() + 30_000;
      while (first.status.phase !== 'ready' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        first = await window({ accountId, jobId: 'window', offset: 0, limit: 100 });
      }
      expect(first.status).toMatchObject({ phase: 'ready', loaded: 2500 });
      expect(seen.length).toBeGreaterThan(0);

      const all = await listAll('window');
      const got: TaskRow[] = [];
      for (let offset = 0; ; offset += 150) {
        const page = await window({
          accountId,
          jobId: 'window',
          offset,
          limit: 150,
          filter: { states: ['completed'] },
          sort: { column: 'endTime', direction: 'desc' },
        });
        expect(page.total).toBe(40);
        got.push(...page.rows);
        if (page.rows.length < 150) break;
      }
      const expected = all
        .filter((t) => t.state === 'completed')
        .sort((a, b) => {
          const x = a.executionInfo?.endTime?.getTime() ?? -Infinity;
          const y = b.executionInfo?.endTime?.getTime() ?? -Infinity;
          return x !== y ? y - x : (a.id ?? '') < (b.id ?? '') ? -1 : 1;
        })
        .map((t) => t.id);
      expect(got.map((r) => r.id)).toEqual(expected);

      const text = await window({ accountId, jobId: 'window', offset: 10, limit: 1000, filter: { contains: 'FRAME 1' }, sort: { column: 'id', direction: 'desc' } });
      const textExpected = all
        .filter((t) => (t.displayName ?? '').toLowerCase().includes('frame 1') || (t.id ?? '').toLowerCase().includes('frame 1'))
        .map((t) => t.id ?? '')
        .sort()
        .reverse();
      expect(text.total).toBe(textExpected.length);
      expect(text.rows.map((r) => r.id)).toEqual(textExpected.slice(10));
    } finally {
      stop();
      service.manager.dispose();
    }
  }, 60_000);

  it('fails with JobNotFound for a job that does not exist, and drops the index', async () => {
    const service = taskIndexService(accounts, events);
    try {
      await expect(service.handlers['taskIndex.window']({ accountId, jobId: 'missing', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'JobNotFound' });
      expect(service.manager.indexOf(accountId, 'missing')).toBeUndefined();
    } finally {
      service.manager.dispose();
    }
  });
});
