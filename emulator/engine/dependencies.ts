// Task dependencies (dependsOn): which active tasks still wait for others, and which a completion frees.
import { keyOf } from '../model/ids.js';
import type { TaskRecord } from '../model/records.js';
import type { JobEntry } from './entries.js';
import { taskExitOptions } from './exitConditions.js';

/** TaskDependencies as a task gives them. */
interface TaskDependencies {
  taskIds?: string[];
  taskIdRanges?: { start: number; end: number }[];
}

const INTEGER_ID = /^\d+$/;

// Range dependencies select tasks whose ids are integers; leading zeros do not count ('04' is 4).
function numericId(id: string): number | undefined {
  if (!INTEGER_ID.test(id)) return undefined;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** True when a completed task lets the tasks that depend on it go ahead (its dependencyAction is satisfy). */
export function satisfiesDependents(task: TaskRecord): boolean {
  return taskExitOptions(task)?.dependencyAction === 'satisfy';
}

/**
 * The dependency state of one job that uses task dependencies. A waiting task keeps the set of
 * dependencies it still waits for, each one either a task id (`id:<key>`) or an integer of one of its
 * ranges (`n:<number>`); completions remove them, so freeing dependents costs O(dependents), never a
 * rescan of the job. A range covers the tasks with integer ids in it that exist while the dependent
 * waits; a task id that does not exist yet is waited for until it is added and succeeds.
 */
export class DependencyIndex {
  private readonly byNumber = new Map<number, Set<string>>();
  private readonly unmet = new Map<string, Set<string>>();
  private readonly waiters = new Map<string, Set<string>>();
  private readonly ranges = new Map<string, { start: number; end: number }[]>();

  /** Indexes the tasks a job already has. */
  constructor(private readonly job: JobEntry) {
    for (const [key, task] of job.tasks.entriesAfter()) this.indexNumber(key, task.id);
  }

  private indexNumber(key: string, id: string): number | undefined {
    const n = numericId(id);
    if (n === undefined) return undefined;
    let keys = this.byNumber.get(n);
    if (!keys) {
      keys = new Set();
      this.byNumber.set(n, keys);
    }
    keys.add(key);
    return n;
  }

  private met(unit: string): boolean {
    if (unit.startsWith('id:')) {
      const task = this.job.tasks.get(unit.slice(3));
      return task !== undefined && satisfiesDependents(task);
    }
    for (const key of this.byNumber.get(Number(unit.slice(2))) ?? []) {
      const task = this.job.tasks.get(key);
      if (task && satisfiesDependents(task)) return true;
    }
    return false;
  }

  private wait(key: string, unit: string): void {
    let units = this.unmet.get(key);
    if (!units) {
      units = new Set();
      this.unmet.set(key, units);
    }
    units.add(unit);
    let keys = this.waiters.get(unit);
    if (!keys) {
      keys = new Set();
      this.waiters.set(unit, keys);
    }
    keys.add(key);
  }

  private numbersIn(range: { start: number; end: number }): number[] {
    if (range.end < range.start) return [];
    if (range.end - range.start < this.byNumber.size) {
      const found: number[] = [];
      for (let n = range.start; n <= range.end; n++) if (this.byNumber.has(n)) found.push(n);
      return found;
    }
    return [...this.byNumber.keys()].filter((n) => n >= range.start && n <= range.end);
  }

  /** Notes a task added to the job; it joins the ranges of tasks waiting on them. */
  added(key: string, task: TaskRecord): void {
    const n = this.indexNumber(key, task.id);
    if (n === undefined) return;
    for (const [waiting, ranges] of this.ranges) {
      if (waiting !== key && ranges.some((r) => r.start <= n && n <= r.end) && !this.met(`n:${n}`)) this.wait(waiting, `n:${n}`);
    }
  }

  /** Registers an active task's dependencies; true when none is left to wait for. */
  register(key: string, task: TaskRecord): boolean {
    const deps = task.props.dependsOn as TaskDependencies | undefined;
    if (!deps) return true;
    const own = numericId(task.id);
    const units = new Set<string>();
    for (const id of deps.taskIds ?? []) if (keyOf(id) !== key) units.add(`id:${keyOf(id)}`);
    for (const range of deps.taskIdRanges ?? []) for (const n of this.numbersIn(range)) if (n !== own) units.add(`n:${n}`);
    for (const unit of units) if (!this.met(unit)) this.wait(key, unit);
    if (!this.unmet.has(key)) return true;
    if (deps.taskIdRanges && deps.taskIdRanges.length > 0) this.ranges.set(key, deps.taskIdRanges);
    return false;
  }

  /** True while a task waits for dependencies. */
  isWaiting(key: string): boolean {
    return this.unmet.has(key);
  }

  /** Takes note of a completed task; returns the keys of the dependents it freed. */
  completed(key: string, task: TaskRecord): string[] {
    if (!satisfiesDependents(task)) return [];
    const n = numericId(task.id);
    const freed: string[] = [];
    for (const unit of n === undefined ? [`id:${key}`] : [`id:${key}`, `n:${n}`]) {
      for (const waiting of this.waiters.get(unit) ?? []) {
        const units = this.unmet.get(waiting);
        units?.delete(unit);
        if (units && units.size === 0) {
          this.unmet.delete(waiting);
          this.ranges.delete(waiting);
          freed.push(waiting);
        }
      }
      this.waiters.delete(unit);
    }
    return freed;
  }

  /** Stops a task waiting for its dependencies (it completed or was deleted while it waited). */
  forget(key: string): void {
    for (const unit of this.unmet.get(key) ?? []) this.waiters.get(unit)?.delete(key);
    this.unmet.delete(key);
    this.ranges.delete(key);
  }

  /** Forgets a deleted task: as a dependent, and as a member of ranges. */
  removed(key: string, task: TaskRecord): void {
    this.forget(key);
    const n = numericId(task.id);
    if (n !== undefined) this.byNumber.get(n)?.delete(key);
  }
}

const INDEXES = new WeakMap<JobEntry, DependencyIndex>();

/** The dependency index of a job that uses task dependencies (created on first use), else undefined. */
export function dependencyIndex(job: JobEntry): DependencyIndex | undefined {
  if (job.rec.props.usesTaskDependencies !== true) return undefined;
  let index = INDEXES.get(job);
  if (!index) {
    index = new DependencyIndex(job);
    INDEXES.set(job, index);
  }
  return index;
}
