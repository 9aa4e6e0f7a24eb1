import type { BatchServiceClient } from '@azure/batch';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { EventBus, type PushedEvent } from '../events';
import { TaskIndexManager, type TaskIndexOptions } from './manager';
import { TaskQuery } from './query';
import type { TaskFacts } from './store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A service holding jobs of tasks in memory, paging them 2 at a time and logging each list call. */
function fakeService(jobs: Record<string, TaskFacts[]>) {
  const calls: { jobId: string; filter?: string; select?: string }[] = [];
  const page = (jobId: string, at: number) => {
    const tasks = jobs[jobId] ?? [];
    const out = tasks.slice(at, at + 2) as TaskFacts[] & { odatanextLink?: string };
    if (at + 2 < tasks.length) out.odatanextLink = `${jobId}|${at + 2}`;
    return out;
  };
  const client = {
    job: {
      getTaskCounts: async (jobId: string) => {
        calls.push({ jobId, select: 'counts' });
        return { taskCounts: { active: jobs[jobId]?.length ?? 0, running: 0, completed: 0, succeeded: 0, failed: 0 } };
      },
    },
    task: {
      list: async (jobId: string, options: { taskListOptions: { filter?: string; select?: string } }) => {
        calls.push({ jobId, ...options.taskListOptions });
        if (!jobs[jobId]) throw new AppError({ code: 'JobNotFound', message: 'The specified job does not exist.', status: 404 });
        return page(jobId, 0);
      },
      listNext: async (link: string) => {
        const [jobId = '', at = '0'] = link.split('|');
        return page(jobId, Number(at));
      },
    },
  } as unknown as BatchServiceClient;
  return { calls, run: () => <T>(work: (c: BatchServiceClient, s: AbortSignal) => Promise<T>) => work(client, new AbortController().signal) };
}

const tasks = (n: number, prefix = 't'): TaskFacts[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, state: 'active', stateTransitionTime: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) }));

let manager: TaskIndexManager | undefined;
afterEach(() => manager?.dispose());

function start(jobs: Record<string, TaskFacts[]>, options: Partial<TaskIndexOptions> = {}) {
  const service = fakeService(jobs);
  const events = new EventBus();
  const seen: PushedEvent[] = [];
  events.listen((e) => seen.push(e));
  let accounts = ['acc'];
  manager = new TaskIndexManager({ run: service.run, events, accountIds: async () => accounts, ...options });
  return { service, events, seen, manager, removeAccount: () => (accounts = []) };
}

describe('TaskIndexManager', () => {
  it('answers the first window once the first page is in, and fills the rest in the background', async () => {
    const { manager, seen } = start({ j: tasks(7) });
    const first = await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 10 });
    expect(first.rows.length).toBeGreaterThanOrEqual(2);
    await sleep(20);
    const later = await manager.window({ accountId: 'acc', jobId: 'j', offset: 5, limit: 10 });
    expect(later).toMatchObject({ total: 7, offset: 5, status: { phase: 'ready', loaded: 7 } });
    expect(later.rows.map((r) => r.id)).toEqual(['t5', 't6']);
    expect(seen.some((e) => e.name === 'taskIndex.changed')).toBe(true);
  });

  it('refreshes by deltas only while the job is watched, with an id pass when due', async () => {
    const { manager, service } = start({ j: tasks(3) }, { deltaIntervalMs: 10, watchedForMs: 60, idPassIntervalMs: 0 });
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 10 });
    await sleep(50);
    const deltas = service.calls.filter((c) => c.filter?.startsWith('stateTransitionTime ge datetime')).length;
    const idPasses = service.calls.filter((c) => c.select === 'id').length;
    expect(deltas).toBeGreaterThan(0);
    expect(idPasses).toBeGreaterThan(0);
    await sleep(100);
    const settled = service.calls.length;
    await sleep(60);
    expect(service.calls.length).toBe(settled);
  });

  it('lists ids only when the service keeps counting fewer tasks than the index holds', async () => {
    const jobs = { j: tasks(4) };
    const checks = { deltaIntervalMs: 5, watchedForMs: 10_000, idPassIntervalMs: 60_000, countCheckIntervalMs: 0, minIdPassGapMs: 0 };
    const { manager, service } = start(jobs, checks);
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 10 });
    await sleep(60);
    const idPasses = () => service.calls.filter((c) => c.select === 'id').length;
    expect(service.calls.some((c) => c.select === 'counts')).toBe(true);
    expect(idPasses()).toBe(0);
    jobs.j.splice(1, 1);
    await expect.poll(idPasses, { timeout: 2_000, interval: 10 }).toBeGreaterThan(0);
    await expect.poll(async () => (await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual(['t0', 't2', 't3']);
  });

  it('prepares every sort order and the text index once the full pass is done, with nothing left for a query', async () => {
    const { manager } = start({ j: tasks(9) });
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 1 });
    const { query, store, sync } = manager.indexOf('acc', 'j')!;
    for (let i = 0; i < 100 && !sync.ready; i++) await sleep(5);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(store.count).toBe(9);
    // A query of its own would still have work to do; the manager's idle-time steps left none in its query.
    expect(new TaskQuery(store).prepareStep()).toBe(true);
    expect(query.prepareStep()).toBe(false);
  });

  it('keeps at most maxIndexes, dropping the least recently queried', async () => {
    const { manager } = start({ a: tasks(1), b: tasks(1), c: tasks(1) }, { maxIndexes: 2 });
    await manager.window({ accountId: 'acc', jobId: 'a', offset: 0, limit: 1 });
    await manager.window({ accountId: 'acc', jobId: 'b', offset: 0, limit: 1 });
    await manager.window({ accountId: 'acc', jobId: 'a', offset: 0, limit: 1 });
    await manager.window({ accountId: 'acc', jobId: 'c', offset: 0, limit: 1 });
    expect(manager.indexOf('acc', 'a')).toBeDefined();
    expect(manager.indexOf('acc', 'b')).toBeUndefined();
    expect(manager.indexOf('acc', 'c')).toBeDefined();
  });

  it('evicts an index nobody queried for a while', async () => {
    const { manager } = start({ j: tasks(1) }, { deltaIntervalMs: 10, evictAfterMs: 40 });
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 1 });
    expect(manager.indexOf('acc', 'j')).toBeDefined();
    await sleep(120);
    expect(manager.indexOf('acc', 'j')).toBeUndefined();
  });

  it("drops an account's indexes when the account is removed", async () => {
    const { manager, events, removeAccount } = start({ j: tasks(1) });
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 1 });
    removeAccount();
    events.emit('accounts.changed', { reason: 'removed' });
    await sleep(5);
    expect(manager.indexOf('acc', 'j')).toBeUndefined();
  });

  it('drops the index with a clear error when the job is gone', async () => {
    const { manager } = start({});
    await expect(manager.window({ accountId: 'acc', jobId: 'gone', offset: 0, limit: 1 })).rejects.toMatchObject({
      code: 'JobNotFound',
      message: expect.stringContaining('gone no longer exists'),
    });
    expect(manager.indexOf('acc', 'gone')).toBeUndefined();
  });

  it('stops refreshing when disposed', async () => {
    const { manager, service } = start({ j: tasks(1) }, { deltaIntervalMs: 10 });
    await manager.window({ accountId: 'acc', jobId: 'j', offset: 0, limit: 1 });
    manager.dispose();
    const calls = service.calls.length;
    await sleep(50);
    expect(service.calls.length).toBe(calls);
    expect(manager.indexOf('acc', 'j')).toBeUndefined();
  });
});
