import { AutoscaleFormulaError, evaluateFormula, type AutoscaleResult } from '../autoscale/index.js';
import type { AutoScaleRunRecord } from '../model/nodeRecords.js';
import { parseDuration } from '../schema/duration.js';
import type { Account } from './account.js';
import type { PoolEntry } from './entries.js';
import type { DeallocationOption } from './nodes.js';
import { resizePool } from './pools.js';
import { currentValues, forgetSamples, samplesOf, startHistory } from './samples.js';

/** The service's default evaluation interval. */
export const DEFAULT_EVALUATION_INTERVAL = 'PT15M';

const timers = new WeakMap<PoolEntry, () => void>();

const DEALLOCATION: Record<string, DeallocationOption> = {
  requeue: 'requeue',
  terminate: 'terminate',
  taskcompletion: 'taskCompletion',
  retaineddata: 'retainedData',
};

/** The pool's evaluation interval in milliseconds. */
export function evaluationIntervalMs(pool: PoolEntry): number {
  const text = pool.rec.props.autoScaleEvaluationInterval;
  return (typeof text === 'string' ? parseDuration(text) : undefined) ?? (parseDuration(DEFAULT_EVALUATION_INTERVAL) as number);
}

/** An evaluation: the AutoScaleRun to report, and the result when there was one. */
export interface Evaluation {
  run: AutoScaleRunRecord;
  result?: AutoscaleResult;
}

/** Evaluates a formula against what the emulator measures of the pool; formula errors become the run's error. */
export function evaluatePool(account: Account, pool: PoolEntry, formula: string, now = Date.now()): Evaluation {
  try {
    const result = evaluateFormula(formula, {
      now,
      variables: currentValues(account, pool),
      samples: samplesOf(pool),
      initial: {
        targetDedicated: pool.rec.targetDedicatedNodes,
        targetLowPriority: pool.rec.targetLowPriorityNodes,
        nodeDeallocationOption: 'requeue',
      },
    });
    return { run: { timestamp: now, results: result.results }, result };
  } catch (error) {
    if (!(error instanceof AutoscaleFormulaError)) throw error;
    const values = error.values.map(({ key, value }) => ({ name: key, value }));
    return { run: { timestamp: now, error: { code: error.code, message: error.message, values } } };
  }
}

function target(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0;
}

/**
 * Runs the pool's formula now: records autoScaleRun and, when the targets changed and the pool is
 * steady, resizes it with the formula's deallocation option. The caller journals the pool.
 */
export function applyAutoscale(account: Account, pool: PoolEntry, now = Date.now()): void {
  const formula = pool.rec.props.autoScaleFormula;
  if (typeof formula !== 'string') return;
  const { run, result } = evaluatePool(account, pool, formula, now);
  pool.rec.autoScaleRun = run;
  account.touch(pool.rec, now);
  if (!result || pool.rec.allocationState !== 'steady' || pool.rec.state !== 'active') return;
  const dedicated = target(result.targetDedicatedNodes);
  const lowPriority = target(result.targetLowPriorityNodes);
  if (dedicated === pool.rec.targetDedicatedNodes && lowPriority === pool.rec.targetLowPriorityNodes) return;
  resizePool(account, pool, dedicated, lowPriority, DEALLOCATION[result.nodeDeallocationOption.toLowerCase()] ?? 'requeue');
}

/** (Re)starts a pool's periodic evaluation: the first after `delayMs`, then every interval. */
export function scheduleAutoscale(account: Account, pool: PoolEntry, delayMs = evaluationIntervalMs(pool)): void {
  timers.get(pool)?.();
  startHistory(account, pool);
  const cancel = account.after(Math.max(0, delayMs), () => {
    timers.delete(pool);
    if (!account.poolsByUid.has(pool.rec.uid) || pool.rec.props.enableAutoScale !== true || pool.rec.state !== 'active') return;
    applyAutoscale(account, pool);
    account.store.commitLater([account.poolOp(pool.rec)]);
    scheduleAutoscale(account, pool);
  });
  timers.set(pool, cancel);
}

/** Stops a pool's periodic evaluation and drops its samples. */
export function stopAutoscale(pool: PoolEntry): void {
  timers.get(pool)?.();
  timers.delete(pool);
  forgetSamples(pool);
}

/** After a restart: every autoscale pool evaluates again when its next run falls due (at once if overdue). */
export function resumeAutoscale(account: Account, now = Date.now()): void {
  for (const pool of account.poolsByUid.values()) {
    if (pool.rec.props.enableAutoScale !== true || pool.rec.state !== 'active') continue;
    const last = pool.rec.autoScaleRun?.timestamp;
    scheduleAutoscale(account, pool, last === undefined ? 0 : last + evaluationIntervalMs(pool) - now);
  }
}
