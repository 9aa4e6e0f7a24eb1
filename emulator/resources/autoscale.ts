import { AutoscaleFormulaError, MAX_FORMULA_BYTES, parseFormula } from '../autoscale/index.js';
import type { Account } from '../engine/account.js';
import { applyAutoscale, DEFAULT_EVALUATION_INTERVAL, evaluatePool, scheduleAutoscale, stopAutoscale } from '../engine/autoscaleRunner.js';
import type { PoolEntry } from '../engine/entries.js';
import type { RequestContext } from '../http/context.js';
import { BatchError, conflict, invalidProperty, missingProperty } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { parseDuration } from '../schema/duration.js';
import { body, checkWrite, refuseDeletingPool, requirePool, sendUpdated } from './common.js';
import { autoScaleRunToWire } from './nodeWire.js';
import { poolUrl } from './wire.js';

const MAX_INTERVAL_MS = 168 * 3_600_000;

/** Refuses a formula the service would: too long (400 AutoScalingFormulaTooLong) or not parseable (400 AutoScalingFormulaSyntaxError). */
export function checkFormula(text: string): void {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) throw new BatchError(400, error.code, error.message, error.values);
    throw error;
  }
}

/** Refuses an evaluation interval outside 5 minutes (or the emulator's shorter minimum) to 168 hours. */
export function checkInterval(account: Account, value: unknown, property = 'autoScaleEvaluationInterval'): void {
  if (typeof value !== 'string') return;
  const ms = parseDuration(value) ?? 0;
  const min = account.config.behaviour.minAutoScaleIntervalMs;
  if (ms < min || ms > MAX_INTERVAL_MS) {
    throw invalidProperty(property, value, `The evaluation interval must be between ${min / 60_000} minutes and 168 hours.`);
  }
}

/** Validates a new pool's autoscale settings (the formula is required when autoscale is on). */
export function checkPoolAutoscale(account: Account, props: Record<string, unknown>): void {
  if (props.enableAutoScale !== true) {
    if (props.autoScaleFormula !== undefined) {
      throw invalidProperty('autoScaleFormula', props.autoScaleFormula, 'autoScaleFormula must not be specified when enableAutoScale is false.');
    }
    return;
  }
  if (typeof props.autoScaleFormula !== 'string') throw missingProperty('autoScaleFormula');
  checkFormula(props.autoScaleFormula);
  checkInterval(account, props.autoScaleEvaluationInterval);
  props.autoScaleEvaluationInterval ??= DEFAULT_EVALUATION_INTERVAL;
}

/** A new autoscale pool evaluates its formula at once, then every interval. */
export async function startPoolAutoscale(account: Account, pool: PoolEntry): Promise<void> {
  if (pool.rec.props.enableAutoScale !== true) return;
  const now = Date.now();
  pool.rec.autoScaleEnabledAt = now;
  applyAutoscale(account, pool, now);
  await account.store.commit([account.poolOp(pool.rec)]);
  scheduleAutoscale(account, pool);
}

function writable(account: Account, ctx: RequestContext): PoolEntry {
  const pool = requirePool(account, ctx);
  checkWrite(ctx, pool.rec);
  refuseDeletingPool(pool);
  return pool;
}

function invalidSettings(reason: string): BatchError {
  return new BatchError(400, 'InvalidAutoScalingSettings', 'The specified auto-scaling settings are not valid.', [{ key: 'Reason', value: reason }]);
}

async function enable(account: Account, ctx: RequestContext): Promise<void> {
  const params = body(ctx, 'PoolEnableAutoScaleParameter');
  const pool = writable(account, ctx);
  const props = pool.rec.props;
  const now = Date.now();
  if (props.enableAutoScale !== true) {
    if (params.autoScaleFormula === undefined) throw missingProperty('autoScaleFormula');
    if (pool.rec.allocationState !== 'steady') throw conflict('PoolBeingResized');
  } else if (params.autoScaleFormula === undefined && params.autoScaleEvaluationInterval === undefined) {
    throw invalidSettings('Specify a new autoScaleFormula, a new autoScaleEvaluationInterval, or both.');
  }
  const last = pool.rec.autoScaleEnabledAt;
  if (last !== undefined && now - last < account.config.behaviour.enableAutoScaleSpacingMs) {
    throw new BatchError(503, 'TooManyEnableAutoScaleRequests', 'Too many Enable Pool AutoScale requests are issued on the pool.');
  }
  if (typeof params.autoScaleFormula === 'string') checkFormula(params.autoScaleFormula);
  checkInterval(account, params.autoScaleEvaluationInterval);
  props.enableAutoScale = true;
  if (params.autoScaleFormula !== undefined) props.autoScaleFormula = params.autoScaleFormula;
  props.autoScaleEvaluationInterval = params.autoScaleEvaluationInterval ?? props.autoScaleEvaluationInterval ?? DEFAULT_EVALUATION_INTERVAL;
  pool.rec.autoScaleEnabledAt = now;
  // The new schedule starts with the request: the formula is evaluated now, then every interval.
  applyAutoscale(account, pool, now);
  await account.store.commit([account.poolOp(pool.rec)]);
  scheduleAutoscale(account, pool);
  sendUpdated(ctx, 200, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

async function disable(account: Account, ctx: RequestContext): Promise<void> {
  const pool = writable(account, ctx);
  const props = pool.rec.props;
  props.enableAutoScale = false;
  delete props.autoScaleFormula;
  delete props.autoScaleEvaluationInterval;
  delete pool.rec.autoScaleRun;
  stopAutoscale(pool);
  account.touch(pool.rec);
  await account.store.commit([account.poolOp(pool.rec)]);
  sendUpdated(ctx, 200, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

function evaluate(account: Account, ctx: RequestContext): void {
  const params = body(ctx, 'PoolEvaluateAutoScaleParameter');
  const pool = requirePool(account, ctx);
  refuseDeletingPool(pool);
  if (pool.rec.props.enableAutoScale !== true) {
    throw conflict('OperationNotValidOnPool', 'Automatic scaling must be enabled on the pool to evaluate a formula.');
  }
  const formula = String(params.autoScaleFormula);
  // Only a formula over the size limit is refused; syntax and evaluation errors are the run's error.
  if (Buffer.byteLength(formula, 'utf8') > MAX_FORMULA_BYTES) checkFormula(formula);
  const { run } = evaluatePool(account, pool, formula);
  ctx.json(200, {
    'odata.metadata': `${ctx.base}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun`,
    ...autoScaleRunToWire(run),
  }, { DataServiceId: `${poolUrl(ctx.base, pool.rec.id)}/evaluateautoscale` });
}

/** enableautoscale, disableautoscale and evaluateautoscale. */
export function autoscaleRoutes(account: Account): Route[] {
  return [
    { method: 'POST', pattern: '/pools/:poolId/enableautoscale', body: 'required', handler: (ctx) => enable(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/disableautoscale', body: 'none', handler: (ctx) => disable(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/evaluateautoscale', body: 'required', handler: (ctx) => evaluate(account, ctx) },
  ];
}
