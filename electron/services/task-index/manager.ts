// The task indexes main keeps: one per (account, job) in view, refreshed while someone looks at it,
// evicted when nobody has for a while, a few at most.
import type { TaskWindow } from '../../../shared/models';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../events';
import { TaskQuery, type TaskFilter, type TaskSort } from './query';
import { TaskStore } from './store';
import { TaskSync, type RunWithClient } from './sync';

/** How often a watched job's index asks for changes. */
export const DELTA_INTERVAL_MS = 5_000;
/** A job counts as watched this long after its last window call; after that its index stops refreshing. */
export const WATCHED_FOR_MS = 60_000;
/** An index nobody queried for this long is dropped. */
export const EVICT_AFTER_MS = 5 * 60_000;
/** How often a watched index lists ids only whatever the counts say, since counts may lag or hide a delete behind an add. */
export const ID_PASS_INTERVAL_MS = 15 * 60_000;
/**
 * How often the index's row count is compared with the service's task counts. A deletion is the only change deltas
 * cannot see, and it shows as a count the index exceeds; two such checks in a row (counts may lag adds) start an id pass.
 */
export const COUNT_CHECK_INTERVAL_MS = 30_000;
/** Id passes started by count checks are at least this far apart, so lagging counts during big adds cost little. */
export const MIN_ID_PASS_GAP_MS = 2 * 60_000;
/** At most this many jobs are indexed at once; the least recently queried goes first. */
export const MAX_INDEXES = 4;
/** A first window call waits this long for the first page, so the view opens with rows rather than empty. */
const FIRST_PAGE_WAIT_MS = 5_000;
/** At most one `taskIndex.changed` event per index per this interval. */
const EVENT_INTERVAL_MS = 1_000;

/** What the manager needs from the app; intervals are options so tests and benchmarks can shorten them. */
export interface TaskIndexOptions {
  /** Runs one SDK call for an account (AccountsService.withClient). */
  run: (accountId: string) => RunWithClient;
  /** The ids of the accounts that still exist, checked when accounts change. */
  accountIds: () => Promise<string[]>;
  events: EventBus;
  deltaIntervalMs?: number;
  idPassIntervalMs?: number;
  countCheckIntervalMs?: number;
  minIdPassGapMs?: number;
  watchedForMs?: number;
  evictAfterMs?: number;
  maxIndexes?: number;
}

/** The arguments of a window call. */
export interface WindowArgs {
  accountId: string;
  jobId: string;
  offset: number;
  limit: number;
  sort?: TaskSort;
  filter?: TaskFilter;
}

interface Entry {
  key: string;
  accountId: string;
  jobId: string;
  store: TaskStore;
  sync: TaskSync;
  query: TaskQuery;
  lastQueried: number;
  lastIdPass: number;
  lastCountCheck: number;
  /** Consecutive count checks that found more rows in the index than the service counts. */
  excessChecks: number;
  firstPage: Promise<void>;
  /** Why the index was dropped (the job is gone); window calls then fail with it. */
  fatal?: AppError;
  timer?: NodeJS.Timeout;
  lastEmit: number;
  emitTimer?: NodeJS.Timeout;
  /** True while idle-time preparation of orders is under way. */
  preparing: boolean;
  dropped: boolean;
}

/** Owns every task index and answers window calls from them. */
export class TaskIndexManager {
  private readonly entries = new Map<string, Entry>();
  private readonly stopListening: () => void;

  constructor(private readonly options: TaskIndexOptions) {
    this.stopListening = options.events.listen((event) => {
      if (event.name === 'accounts.changed') void this.dropRemovedAccounts();
    });
  }

  /** A window of a job's tasks, from what the index holds now; the first call starts the index. */
  async window(args: WindowArgs): Promise<TaskWindow> {
    const entry = this.entryFor(args.accountId, args.jobId);
    entry.lastQueried = Date.now();
    await Promise.race([entry.firstPage, new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS).unref())]);
    if (entry.fatal) throw entry.fatal;
    const { total, rows } = entry.query.window(args.offset, args.limit, args.filter, args.sort);
    return { total, offset: args.offset, rows, status: entry.sync.status() };
  }

  /** A job's index, if one exists (benchmarks and tests drive its passes and read its store). */
  indexOf(accountId: string, jobId: string): { store: TaskStore; sync: TaskSync; query: TaskQuery } | undefined {
    const entry = this.entries.get(keyOf(accountId, jobId));
    return entry && { store: entry.store, sync: entry.sync, query: entry.query };
  }

  /** Drops every index of an account (it was removed). */
  dropAccount(accountId: string): void {
    for (const entry of [...this.entries.values()]) if (entry.accountId === accountId) this.drop(entry);
  }

  /** Stops every sync and frees the indexes. */
  dispose(): void {
    this.stopListening();
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }

  private entryFor(accountId: string, jobId: string): Entry {
    const key = keyOf(accountId, jobId);
    const existing = this.entries.get(key);
    if (existing) {
      this.entries.delete(key);
      this.entries.set(key, existing);
      return existing;
    }
    const max = this.options.maxIndexes ?? MAX_INDEXES;
    for (const old of this.entries.values()) if (this.entries.size >= max) this.drop(old);
    const store = new TaskStore();
    let resolveFirst: () => void = () => undefined;
    const entry: Entry = {
      key,
      accountId,
      jobId,
      store,
      sync: new TaskSync(store, jobId, this.options.run(accountId), () => this.changed(entry)),
      query: new TaskQuery(store),
      lastQueried: Date.now(),
      lastIdPass: Date.now(),
      lastCountCheck: Date.now(),
      excessChecks: 0,
      firstPage: new Promise<void>((resolve) => (resolveFirst = resolve)),
      lastEmit: 0,
      preparing: false,
      dropped: false,
    };
    this.entries.set(key, entry);
    void entry.sync
      .fullPass(resolveFirst)
      .then(() => this.prepare(entry))
      .catch((error: unknown) => this.failed(entry, error))
      .finally(() => {
        resolveFirst();
        this.schedule(entry);
      });
    return entry;
  }

  private schedule(entry: Entry): void {
    if (entry.dropped) return;
    entry.timer = setTimeout(() => void this.tick(entry), this.options.deltaIntervalMs ?? DELTA_INTERVAL_MS);
    entry.timer.unref();
  }

  private async tick(entry: Entry): Promise<void> {
    const idle = Date.now() - entry.lastQueried;
    if (idle > (this.options.evictAfterMs ?? EVICT_AFTER_MS)) return this.drop(entry);
    if (idle <= (this.options.watchedForMs ?? WATCHED_FOR_MS)) {
      try {
        await entry.sync.delta();
        if (entry.sync.ready && (await this.idPassDue(entry))) {
          entry.lastIdPass = Date.now();
          entry.excessChecks = 0;
          await entry.sync.idPass();
        }
      } catch (error) {
        this.failed(entry, error);
      }
    }
    this.schedule(entry);
  }

  /**
   * Builds, while nobody waits, what a first sort or "contains" would otherwise pay for: one slice per turn of the
   * event loop, so window calls and other IPC are never held up by more than one slice.
   */
  private prepare(entry: Entry): void {
    if (entry.preparing || entry.dropped) return;
    entry.preparing = true;
    const step = () => {
      if (!entry.dropped && entry.query.prepareStep()) setImmediate(step);
      else entry.preparing = false;
    };
    setImmediate(step);
  }

  /** An id pass is due on its long interval, or when count checks keep finding rows the service no longer counts. */
  private async idPassDue(entry: Entry): Promise<boolean> {
    const now = Date.now();
    if (now - entry.lastIdPass >= (this.options.idPassIntervalMs ?? ID_PASS_INTERVAL_MS)) return true;
    if (now - entry.lastCountCheck < (this.options.countCheckIntervalMs ?? COUNT_CHECK_INTERVAL_MS)) return false;
    entry.lastCountCheck = now;
    const total = await entry.sync.serviceTotal();
    entry.excessChecks = entry.store.count > total ? entry.excessChecks + 1 : 0;
    return entry.excessChecks >= 2 && now - entry.lastIdPass >= (this.options.minIdPassGapMs ?? MIN_ID_PASS_GAP_MS);
  }

  private failed(entry: Entry, error: unknown): void {
    if (error instanceof AppError && error.code === 'JobNotFound') {
      entry.fatal = new AppError({ code: 'JobNotFound', message: `The job ${entry.jobId} no longer exists; its task index was dropped`, status: 404 });
      this.drop(entry);
    } else if (error instanceof AppError && error.code === 'AccountNotFound') {
      entry.fatal = new AppError({ code: 'AccountNotFound', message: `The account ${entry.accountId} was removed; its task indexes were dropped`, status: 404 });
      this.drop(entry);
    }
    // Other failures are in the sync's status (phase `error`, the service's code and message); the next tick retries.
  }

  private changed(entry: Entry): void {
    if (entry.sync.ready) this.prepare(entry);
    if (entry.dropped || entry.emitTimer) return;
    const wait = entry.lastEmit + EVENT_INTERVAL_MS - Date.now();
    const emit = () => {
      entry.emitTimer = undefined;
      if (entry.dropped) return;
      entry.lastEmit = Date.now();
      this.options.events.emit('taskIndex.changed', { accountId: entry.accountId, jobId: entry.jobId, status: entry.sync.status() });
    };
    if (wait <= 0) emit();
    else {
      entry.emitTimer = setTimeout(emit, wait);
      entry.emitTimer.unref();
    }
  }

  private drop(entry: Entry): void {
    entry.dropped = true;
    entry.sync.stop();
    clearTimeout(entry.timer);
    clearTimeout(entry.emitTimer);
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
  }

  private async dropRemovedAccounts(): Promise<void> {
    const ids = new Set(await this.options.accountIds());
    for (const entry of [...this.entries.values()]) if (!ids.has(entry.accountId)) this.drop(entry);
  }
}

function keyOf(accountId: string, jobId: string): string {
  return JSON.stringify([accountId, jobId]);
}
