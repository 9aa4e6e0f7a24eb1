import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { keyOf } from '../model/ids.js';
import type { Account } from './account.js';
import type { PoolEntry } from './entries.js';
import { isUp } from './nodes.js';

/** One recorded value of a metric. */
export interface Sample {
  time: number;
  value: number;
}

/** The metrics the emulator measures, by their formula names. */
export const MEASURED = [
  '$CPUPercent',
  '$SampleNodeCount',
  '$ActiveTasks',
  '$RunningTasks',
  '$PendingTasks',
  '$SucceededTasks',
  '$FailedTasks',
  '$CurrentDedicatedNodes',
  '$CurrentLowPriorityNodes',
  '$PreemptedNodeCount',
  '$UsableNodeCount',
  '$TaskSlotsPerNode',
] as const;

/** A metric name the emulator measures. */
export type MetricName = (typeof MEASURED)[number];

// Enough for a day of 30-second samples; a test sampling every few milliseconds stays bounded too.
const MAX_SAMPLES = 2880;
const HISTORY_MS = 24 * 3_600_000;
// Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture.
const TICKS_PER_SECOND = 100;

interface PoolHistory {
  series: Map<MetricName, Sample[]>;
  /** CPU ticks last read per process id, so each sample counts only the time used since the one before. */
  cpu: Map<number, number>;
  lastTime?: number;
  lastSucceeded?: number;
  lastFailed?: number;
}

const histories = new WeakMap<PoolEntry, PoolHistory>();

function historyOf(pool: PoolEntry): PoolHistory {
  let history = histories.get(pool);
  if (!history) {
    history = { series: new Map(), cpu: new Map() };
    histories.set(pool, history);
  }
  return history;
}

/** The recorded samples of a pool's metrics, oldest first. */
export function samplesOf(pool: PoolEntry): Record<string, { samples: Sample[] }> {
  const out: Record<string, { samples: Sample[] }> = {};
  for (const name of MEASURED) out[name] = { samples: [...(historyOf(pool).series.get(name) ?? [])] };
  return out;
}

/**
 * Starts a pool's history if it has none: task completions count from now on, so the first sample of
 * $SucceededTasks and $FailedTasks covers the time since autoscale was enabled.
 */
export function startHistory(account: Account, pool: PoolEntry, now = Date.now()): void {
  if (histories.has(pool)) return;
  const history = historyOf(pool);
  const tasks = taskCounts(account, pool);
  history.lastSucceeded = tasks.succeeded;
  history.lastFailed = tasks.failed;
  history.lastTime = now;
}

/** Forgets a pool's history (autoscale disabled: the service keeps no metrics for such a pool). */
export function forgetSamples(pool: PoolEntry): void {
  histories.delete(pool);
}

/** Task counts of the jobs that run on a pool. */
function taskCounts(account: Account, pool: PoolEntry): { active: number; running: number; succeeded: number; failed: number } {
  const counts = { active: 0, running: 0, succeeded: 0, failed: 0 };
  const key = keyOf(pool.rec.id);
  for (const job of account.jobsByUid.values()) {
    const poolId = job.poolId;
    if (poolId === undefined || keyOf(poolId) !== key) continue;
    // Tasks of a disabled or ending job cannot be scheduled, so they do not count as waiting.
    if (job.rec.state === 'active') counts.active += job.counts.tasks.active;
    counts.running += job.counts.tasks.running;
    counts.succeeded += job.counts.tasks.succeeded;
    counts.failed += job.counts.tasks.failed;
  }
  return counts;
}

/** Node figures of a pool: kinds, preempted, reporting (booted) and usable nodes. */
function nodeFigures(pool: PoolEntry): { dedicated: number; lowPriority: number; preempted: number; reporting: number; usable: number } {
  const figures = { dedicated: 0, lowPriority: 0, preempted: 0, reporting: 0, usable: 0 };
  for (const node of pool.nodes.values()) {
    if (node.rec.isDedicated) figures.dedicated++;
    else figures.lowPriority++;
    if (node.state === 'preempted') figures.preempted++;
    if (node.schedulable) figures.usable++;
    if (isUp(node)) figures.reporting++;
  }
  return figures;
}

/** The current value of every measured metric except the per-interval ones ($CPUPercent, $Succeeded/FailedTasks). */
export function currentValues(account: Account, pool: PoolEntry): Record<string, number> {
  const tasks = taskCounts(account, pool);
  const nodes = nodeFigures(pool);
  const history = histories.get(pool);
  const last = (name: MetricName) => history?.series.get(name)?.at(-1)?.value ?? 0;
  return {
    $CPUPercent: last('$CPUPercent'),
    $SampleNodeCount: nodes.reporting,
    $ActiveTasks: tasks.active,
    $RunningTasks: tasks.running,
    $PendingTasks: tasks.active + tasks.running,
    $SucceededTasks: last('$SucceededTasks'),
    $FailedTasks: last('$FailedTasks'),
    $CurrentDedicatedNodes: nodes.dedicated,
    $CurrentLowPriorityNodes: nodes.lowPriority,
    $PreemptedNodeCount: nodes.preempted,
    $UsableNodeCount: nodes.usable,
    $TaskSlotsPerNode: pool.taskSlotsPerNode,
  };
}

/** CPU ticks a process and its reaped children have used, or undefined when it is gone (or not on Linux). */
export async function processTicks(pid: number): Promise<number | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is the first, utime/stime/cutime/cstime the 12th–15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  } catch {
    return undefined;
  }
}

// The processes running on a pool's nodes: its tasks and its start tasks.
function poolPids(account: Account, pool: PoolEntry): number[] {
  const pids: number[] = [];
  for (const job of account.jobsByUid.values()) {
    for (const run of job.runs) if (run.node.pool === pool && run.task.pid !== undefined) pids.push(run.task.pid);
  }
  for (const node of pool.nodes.values()) if (node.rec.startTaskPid !== undefined) pids.push(node.rec.startTaskPid);
  return pids;
}

/**
 * The pool's average CPU use since the previous sample, in percent: the CPU time its processes used,
 * over the interval times the cores each node has (every node is the whole host), over its nodes.
 */
async function cpuPercent(account: Account, pool: PoolEntry, history: PoolHistory, now: number, reporting: number): Promise<number> {
  const pids = poolPids(account, pool);
  const ticks = await Promise.all(pids.map(processTicks));
  let used = 0;
  const seen = new Map<number, number>();
  pids.forEach((pid, i) => {
    const value = ticks[i];
    if (value === undefined) return;
    used += Math.max(0, value - (history.cpu.get(pid) ?? 0));
    seen.set(pid, value);
  });
  history.cpu = seen;
  const elapsed = history.lastTime === undefined ? account.config.behaviour.samplePeriodMs : now - history.lastTime;
  if (reporting === 0 || elapsed <= 0) return 0;
  const percent = ((used / TICKS_PER_SECOND) * 1000 * 100) / (elapsed * availableParallelism() * reporting);
  return Math.min(100, percent);
}

function record(history: PoolHistory, name: MetricName, sample: Sample): void {
  let series = history.series.get(name);
  if (!series) {
    series = [];
    history.series.set(name, series);
  }
  series.push(sample);
  let drop = 0;
  while (drop < series.length && (series.length - drop > MAX_SAMPLES || (series[drop] as Sample).time < sample.time - HISTORY_MS)) drop++;
  if (drop > 0) series.splice(0, drop);
}

/** Takes one sample of every measured metric of a pool. */
export async function samplePool(account: Account, pool: PoolEntry, now = Date.now()): Promise<void> {
  const history = historyOf(pool);
  const values = currentValues(account, pool);
  const tasks = taskCounts(account, pool);
  values.$CPUPercent = await cpuPercent(account, pool, history, now, values.$SampleNodeCount ?? 0);
  // Completions within the interval; a job deleted meanwhile makes the running total drop, never below 0.
  values.$SucceededTasks = history.lastSucceeded === undefined ? 0 : Math.max(0, tasks.succeeded - history.lastSucceeded);
  values.$FailedTasks = history.lastFailed === undefined ? 0 : Math.max(0, tasks.failed - history.lastFailed);
  history.lastSucceeded = tasks.succeeded;
  history.lastFailed = tasks.failed;
  history.lastTime = now;
  for (const name of MEASURED) record(history, name, { time: now, value: values[name] ?? 0 });
}

/** Samples every autoscale-enabled pool on one account-wide timer. */
export class Sampler {
  private cancel: () => void = () => undefined;
  private busy = false;

  /** Binds the sampler to an account. */
  constructor(private readonly account: Account) {}

  /** Starts (or restarts) sampling at the account's sample period. */
  start(): void {
    this.cancel();
    const tick = () => {
      this.cancel = this.account.after(this.account.config.behaviour.samplePeriodMs, tick);
      // A slow /proc read never lets passes pile up.
      if (this.busy) return;
      this.busy = true;
      void this.pass().finally(() => (this.busy = false));
    };
    this.cancel = this.account.after(this.account.config.behaviour.samplePeriodMs, tick);
  }

  private async pass(): Promise<void> {
    const now = Date.now();
    const pools = [...this.account.poolsByUid.values()].filter((pool) => pool.rec.props.enableAutoScale === true && pool.rec.state === 'active');
    await Promise.all(pools.map((pool) => samplePool(this.account, pool, now)));
  }
}
