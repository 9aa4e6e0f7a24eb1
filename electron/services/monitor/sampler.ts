import type { BatchServiceClient } from '@azure/batch';
import type { ChartSeries } from '../../../shared/models';
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events';
import { collectAll } from '../batch/paging';
import { SAMPLE_INTERVAL_MS, type HistoryStore } from './history-store';

/** Pools and jobs stay "in use" (sampled, notified about) this long after the UI last asked about them. */
export const IN_USE_MS = 30 * 60_000;
const NODE_STATES = ['idle', 'running', 'starting', 'creating', 'waitingForStartTask', 'startTaskFailed', 'rebooting', 'reimaging', 'offline', 'preempted', 'unusable', 'leavingPool', 'unknown'] as const;

interface JobMemory {
  failed?: number;
  state?: string;
}

export interface MonitorDeps {
  accounts: AccountsService;
  history: HistoryStore;
  events: EventBus;
  now?: () => number;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** The chart key of a pool or job. */
export function seriesKey(accountId: string, kind: 'pool' | 'job', id: string): string {
  return `${accountId}/${kind}/${id}`;
}

/**
 * Samples the pools and jobs in use every 10 s into the history store, so charts show the last hours even after a
 * restart, and raises notifications when a job in use completes or its first task fails.
 */
export class Monitor {
  private readonly accounts = new Map<string, number>();
  private readonly pools = new Map<string, number>();
  private readonly jobs = new Map<string, number>();
  private readonly memory = new Map<string, JobMemory>();
  private readonly links = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: MonitorDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Marks an account's pools as in use. */
  touchAccount(accountId: string): void {
    this.accounts.set(accountId, this.now());
  }

  /** Marks one pool in use: its running tasks and used slots are sampled too. */
  touchPool(accountId: string, poolId: string): void {
    this.touchAccount(accountId);
    this.pools.set(`${accountId}\n${poolId}`, this.now());
  }

  /** Marks one job in use: its task counts are sampled and its completion or first failure notified. */
  touchJob(accountId: string, jobId: string): void {
    this.touchAccount(accountId);
    this.jobs.set(`${accountId}\n${jobId}`, this.now());
  }

  /**
   * Watches a job just created (the sample workload): its completion is notified even if it comes before the first
   * sample, and the notification carries `link` (an app route) when given.
   */
  watchJob(accountId: string, jobId: string, link?: string): void {
    this.touchJob(accountId, jobId);
    const key = `${accountId}\n${jobId}`;
    if (!this.memory.has(key)) this.memory.set(key, { failed: 0, state: 'active' });
    if (link) this.links.set(key, link);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.sampleOnce(), this.deps.intervalMs ?? SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private inUse(map: Map<string, number>): string[] {
    const cutoff = this.now() - IN_USE_MS;
    for (const [key, at] of map) if (at < cutoff) map.delete(key);
    return [...map.keys()];
  }

  /** Takes one sample of everything in use; an unreachable account is skipped, never fatal. */
  sampleOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const t = this.now();
        for (const accountId of this.inUse(this.accounts)) {
          try {
            await this.deps.accounts.withClient(accountId, (client) => this.sampleAccount(client, accountId, t));
          } catch (error) {
            this.deps.log?.(`sampling ${accountId} failed: ${(error as Error).message}`);
          }
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async sampleAccount(client: BatchServiceClient, accountId: string, t: number): Promise<void> {
    const counts = await collectAll(client.account.listPoolNodeCounts(), (link) => client.account.listPoolNodeCountsNext(link));
    const pools = new Set(this.inUse(this.pools).filter((k) => k.startsWith(`${accountId}\n`)).map((k) => k.split('\n')[1]!));
    for (const count of counts) {
      const values: Record<string, number> = {};
      for (const state of NODE_STATES) {
        values[state] = Number((count.dedicated as unknown as Record<string, number> | undefined)?.[state] ?? 0) + Number((count.lowPriority as unknown as Record<string, number> | undefined)?.[state] ?? 0);
      }
      values.total = (count.dedicated?.total ?? 0) + (count.lowPriority?.total ?? 0);
      if (pools.has(count.poolId)) {
        const nodes = await collectAll(
          client.computeNode.list(count.poolId, { computeNodeListOptions: { select: 'id,runningTasksCount,runningTaskSlotsCount', maxResults: 1000 } }),
          (link) => client.computeNode.listNext(link),
        );
        values.runningTasks = nodes.reduce((sum, n) => sum + (n.runningTasksCount ?? 0), 0);
        values.usedSlots = nodes.reduce((sum, n) => sum + (n.runningTaskSlotsCount ?? 0), 0);
      }
      await this.deps.history.record(seriesKey(accountId, 'pool', count.poolId), values, t);
    }
    for (const key of this.inUse(this.jobs).filter((k) => k.startsWith(`${accountId}\n`))) {
      const jobId = key.split('\n')[1]!;
      try {
        const [taskCounts, job] = await Promise.all([client.job.getTaskCounts(jobId), client.job.get(jobId, { jobGetOptions: { select: 'id,state' } })]);
        const c = taskCounts.taskCounts;
        await this.deps.history.record(seriesKey(accountId, 'job', jobId), { active: c.active, running: c.running, succeeded: c.succeeded, failed: c.failed }, t);
        this.notify(accountId, jobId, c.failed, job.state);
      } catch (error) {
        this.deps.log?.(`sampling job ${jobId} failed: ${(error as Error).message}`);
      }
    }
  }

  private notify(accountId: string, jobId: string, failed: number, state: string | undefined): void {
    const key = `${accountId}\n${jobId}`;
    const before = this.memory.get(key);
    this.memory.set(key, { failed, ...(state ? { state } : {}) });
    if (!before) return;
    if ((before.failed ?? 0) === 0 && failed > 0) {
      this.deps.events.emit('monitor.notification', { accountId, jobId, kind: 'firstTaskFailed', title: `A task of ${jobId} failed`, body: `Job ${jobId} has its first failed task.` });
    }
    if (before.state !== 'completed' && state === 'completed') {
      const link = this.links.get(key);
      this.links.delete(key);
      this.deps.events.emit('monitor.notification', {
        accountId,
        jobId,
        kind: 'jobCompleted',
        title: `${jobId} completed`,
        body: link ? `Job ${jobId} has completed; its outputs are ready.` : `Job ${jobId} has completed.`,
        ...(link ? { link } : {}),
      });
    }
  }

  /** Chart history of a pool or job over the last `rangeMs`. */
  series(accountId: string, kind: 'pool' | 'job', id: string, rangeMs: number): Promise<ChartSeries> {
    if (kind === 'pool') this.touchPool(accountId, id);
    else this.touchJob(accountId, id);
    return this.deps.history.read(seriesKey(accountId, kind, id), rangeMs);
  }
}
