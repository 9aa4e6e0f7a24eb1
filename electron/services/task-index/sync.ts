// Keeps one job's task index in step with the service: one full pass, then deltas by state
// transition time, and now and then a cheap id-only pass to find deleted tasks.
//
// Filter support: the spec's Task_List `$filter` points at "OData filters in Batch"
// (learn.microsoft.com/rest/api/batchservice/odata-filters-in-batch#list-tasks). That page documents, per list
// API, which properties filter; the sections read (certificates, nodes, jobs in a schedule) give
// `stateTransitionTime` as a DateTime property with eq, ne, ge, gt, le, lt; the task section's table was not in
// what could be read here, so that the task list takes it too is inferred from the pattern, not seen.
// The deltas use only `ge datetime'…'`, which the emulator also compiles (emulator/odata), so the tests
// exercise the real request. If a service ever refused the filter, the delta fails with the service's code and
// the status shows it; the rows stay.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { TaskIndexStatus } from '../../../shared/models';
import { AppError } from '../../../shared/errors';
import { timeOf, type TaskFacts, type TaskStore } from './store';

/** The columns the index keeps; nothing else crosses the wire. */
export const TASK_SELECT = 'id,displayName,state,creationTime,stateTransitionTime,executionInfo,nodeInfo';
/** How far a delta reaches back before the watermark, for clock skew between the service's front ends. */
export const DELTA_OVERLAP_MS = 10_000;
const PAGE_SIZE = 1000;

/** Runs one SDK call with the account's client and a deadline (AccountsService.withClient for one account). */
export type RunWithClient = <T>(work: (client: BatchServiceClient, signal: AbortSignal) => Promise<T>) => Promise<T>;

type TaskPage = BatchServiceModels.CloudTaskListResult & { _response?: { headers?: { get(name: string): string | undefined } } };

/** What one pass read from the service. */
export interface PassStats {
  pages: number;
  rows: number;
  changed: number;
}

/** One job's index synchroniser: every pass runs through `run`, one at a time. */
export class TaskSync {
  /**
   * Where the next delta starts (ms), always in the service's time, never our clock: the largest
   * stateTransitionTime the service returned, or the service's Date header (whole seconds, so never late)
   * when a pass began, whichever is later. Without the second, a quiet job would re-read the whole
   * overlap before its last change on every delta.
   */
  watermark = NaN;
  private phase: TaskIndexStatus['phase'] = 'syncing';
  private fullDone = false;
  private syncedAt: string | undefined;
  private error: { code: string; message: string } | undefined;
  private statusVersion = 0;
  private stopped = false;
  /** The pass in flight: passes run one at a time, since an id pass moves rows that another pass may be reading. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: TaskStore,
    private readonly jobId: string,
    private readonly run: RunWithClient,
    /** Called after every page that changed the index or the status. */
    private readonly onChange: () => void = () => undefined,
    /** How far deltas reach back before the watermark (tests shorten it to see exactly what a delta fetched). */
    private readonly overlapMs = DELTA_OVERLAP_MS,
  ) {}

  /** How fresh the index is. */
  status(): TaskIndexStatus {
    const out: TaskIndexStatus = { phase: this.phase, loaded: this.store.count, version: this.store.version + this.statusVersion };
    if (this.syncedAt) out.syncedAt = this.syncedAt;
    if (this.error) out.error = this.error;
    return out;
  }

  /** Stops any pass in flight at its next page; the index is being dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** Whether the first full pass has read every page. */
  get ready(): boolean {
    return this.fullDone;
  }

  /** Pages the whole job; rows are queryable as each page lands. */
  fullPass(onPage?: () => void): Promise<PassStats> {
    return this.exclusive(() => this.full(onPage));
  }

  /** Fetches only tasks whose state changed since the watermark (less the overlap); a full pass if there is none yet. */
  delta(): Promise<PassStats> {
    return this.exclusive(() => (!this.fullDone || Number.isNaN(this.watermark) ? this.full() : this.changes()));
  }

  /** How many tasks the service counts for the job (`getTaskCounts`: one small call, however big the job). */
  async serviceTotal(): Promise<number> {
    const result = await this.run((client, signal) => client.job.getTaskCounts(this.jobId, { abortSignal: signal as unknown as AbortSignalLike }));
    const counts = result.taskCounts;
    return counts.active + counts.running + counts.completed;
  }

  /** Lists only ids and removes the tasks the service no longer has. */
  idPass(): Promise<PassStats> {
    return this.exclusive(() => this.ids());
  }

  private full(onPage?: () => void): Promise<PassStats> {
    return this.guard(async () => {
      const stats = await this.pages({ select: TASK_SELECT }, (page) => this.upsertPage(page, onPage));
      this.fullDone = true;
      return this.succeeded(stats);
    });
  }

  private changes(): Promise<PassStats> {
    return this.guard(async () => {
      const since = new Date(this.watermark - this.overlapMs).toISOString();
      const stats = await this.pages({ select: TASK_SELECT, filter: `stateTransitionTime ge datetime'${since}'` }, (page) => this.upsertPage(page));
      return this.succeeded(stats);
    });
  }

  private ids(): Promise<PassStats> {
    return this.guard(async () => {
      const seen = new Uint8Array(this.store.count);
      const stats = await this.pages({ select: 'id' }, (page) => {
        for (const task of page) {
          const row = task.id === undefined ? undefined : this.store.rowOf(task.id);
          if (row !== undefined && row < seen.length) seen[row] = 1;
        }
        return 0;
      });
      const gone: string[] = [];
      for (let row = 0; row < seen.length; row++) if (!seen[row]) gone.push(this.store.ids[row] ?? '');
      for (const id of gone) this.store.delete(id);
      return this.succeeded({ ...stats, changed: gone.length });
    });
  }

  private upsertPage(page: TaskPage, onPage?: () => void): number {
    let changed = 0;
    for (const task of page) {
      if (this.store.upsert(task as TaskFacts)) changed++;
      const time = timeOf(task.stateTransitionTime);
      if (time > this.watermark || Number.isNaN(this.watermark)) this.watermark = time;
    }
    if (changed) this.onChange();
    onPage?.();
    return changed;
  }

  private async pages(options: BatchServiceModels.TaskListOptions, onPage: (page: TaskPage) => number): Promise<PassStats> {
    const stats: PassStats = { pages: 0, rows: 0, changed: 0 };
    let page: TaskPage = await this.run((client, signal) =>
      client.task.list(this.jobId, { taskListOptions: { ...options, maxResults: PAGE_SIZE }, abortSignal: signal as unknown as AbortSignalLike }),
    );
    // Anything that changes after the first page was served is stamped at or after the service's time now.
    const serviceNow = Date.parse(page._response?.headers?.get('date') ?? '');
    for (;;) {
      stats.pages++;
      stats.rows += page.length;
      stats.changed += onPage(page);
      const link = page.odatanextLink;
      if (!link) {
        if (options.select !== 'id' && !Number.isNaN(serviceNow) && !(serviceNow <= this.watermark)) this.watermark = serviceNow;
        return stats;
      }
      if (this.stopped) throw new AppError({ code: 'TaskIndexDropped', message: `The task index of job ${this.jobId} was dropped` });
      page = await this.run((client, signal) => client.task.listNext(link, { abortSignal: signal as unknown as AbortSignalLike }));
    }
  }

  private succeeded(stats: PassStats): PassStats {
    this.phase = this.fullDone ? 'ready' : 'syncing';
    this.syncedAt = new Date().toISOString();
    this.error = undefined;
    this.statusVersion++;
    this.onChange();
    return stats;
  }

  private exclusive(pass: () => Promise<PassStats>): Promise<PassStats> {
    const next = this.queue.then(pass, pass);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async guard(pass: () => Promise<PassStats>): Promise<PassStats> {
    try {
      return await pass();
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError({ code: 'TaskIndexFailed', message: (error as Error).message ?? String(error) });
      this.phase = 'error';
      this.error = { code: e.code, message: e.message };
      this.statusVersion++;
      this.onChange();
      throw e;
    }
  }
}
