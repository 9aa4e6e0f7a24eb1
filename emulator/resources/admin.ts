// The emulator's own admin endpoints, on the same port and behind the same SharedKey as the Batch API:
// fault injection at run time. They live under /emulator/, a path the Batch API never uses.
import type { Account } from '../engine/account.js';
import type { NodeEntry } from '../engine/entries.js';
import { markUnusable, preemptNode, type PreemptionTicker } from '../engine/nodeActions.js';
import { isUp } from '../engine/nodes.js';
import { failStartTask } from '../engine/startTask.js';
import type { RequestContext } from '../http/context.js';
import { conflict, invalidBody, invalidProperty } from '../http/errors.js';
import type { RequestFaults } from '../http/faults.js';
import type { Route } from '../http/router.js';
import { isJsonObject } from '../schema/validate.js';
import { requireNode, requirePool } from './common.js';

/** What the admin endpoints change besides the account: request faults and the preemption timer. */
export interface AdminTargets {
  faults: RequestFaults;
  preemption: PreemptionTicker;
}

type Json = Record<string, unknown>;

function jsonBody(ctx: RequestContext): Json {
  const value = ctx.body ?? {};
  if (!isJsonObject(value)) throw invalidBody('The request body must be a JSON object.');
  return value;
}

function number(value: unknown, path: string, min: number, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidProperty(path, value, `Expected a number from ${min}${max === Infinity ? '' : ` to ${max}`}.`);
  }
  return value;
}

function faultSettings(account: Account, targets: AdminTargets): Json {
  const { behaviour } = account.config;
  return {
    requests: { ...targets.faults.settings },
    startTaskFailureRate: behaviour.startTaskFailureRate,
    startTaskFailureExitCode: behaviour.startTaskFailureExitCode,
    preemption: { ...behaviour.preemption },
  };
}

function unknownKeys(value: Json, allowed: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw invalidProperty(`${prefix}${key}`, value[key], 'Unknown setting.');
}

// Applies a partial update of the fault settings; everything is checked before anything changes.
function updateFaults(account: Account, targets: AdminTargets, change: Json): void {
  unknownKeys(change, ['requests', 'startTaskFailureRate', 'startTaskFailureExitCode', 'preemption'], '');
  const requests = (change.requests ?? {}) as Json;
  const preemption = (change.preemption ?? {}) as Json;
  if (!isJsonObject(requests)) throw invalidProperty('requests', requests, 'Expected an object.');
  if (!isJsonObject(preemption)) throw invalidProperty('preemption', preemption, 'Expected an object.');
  unknownKeys(requests, ['errorRate', 'errorStatus', 'retryAfterSeconds', 'latencyMs', 'latencyJitterMs'], 'requests.');
  unknownKeys(preemption, ['fraction', 'intervalMs', 'downMs'], 'preemption.');
  const status = requests.errorStatus;
  if (status !== undefined && status !== 429 && status !== 503) throw invalidProperty('requests.errorStatus', status, 'Expected 429 or 503.');
  const next = { ...targets.faults.settings };
  next.errorRate = number(requests.errorRate, 'requests.errorRate', 0, 1) ?? next.errorRate;
  next.errorStatus = (status as 429 | 503 | undefined) ?? next.errorStatus;
  next.retryAfterSeconds = number(requests.retryAfterSeconds, 'requests.retryAfterSeconds', 0) ?? next.retryAfterSeconds;
  next.latencyMs = number(requests.latencyMs, 'requests.latencyMs', 0) ?? next.latencyMs;
  next.latencyJitterMs = number(requests.latencyJitterMs, 'requests.latencyJitterMs', 0) ?? next.latencyJitterMs;
  const behaviour = account.config.behaviour;
  const rate = number(change.startTaskFailureRate, 'startTaskFailureRate', 0, 1);
  const exitCode = number(change.startTaskFailureExitCode, 'startTaskFailureExitCode', 1);
  const fraction = number(preemption.fraction, 'preemption.fraction', 0, 1);
  const intervalMs = number(preemption.intervalMs, 'preemption.intervalMs', 1);
  const downMs = number(preemption.downMs, 'preemption.downMs', 0);
  targets.faults.configure(next);
  if (rate !== undefined) behaviour.startTaskFailureRate = rate;
  if (exitCode !== undefined) behaviour.startTaskFailureExitCode = Math.trunc(exitCode);
  behaviour.preemption = {
    fraction: fraction ?? behaviour.preemption.fraction,
    intervalMs: intervalMs ?? behaviour.preemption.intervalMs,
    downMs: downMs ?? behaviour.preemption.downMs,
  };
  if (change.preemption !== undefined) targets.preemption.reconfigure();
}

function nodeOf(account: Account, ctx: RequestContext): NodeEntry {
  const node = requireNode(requirePool(account, ctx), ctx);
  if (node.leaving) throw conflict('OperationInvalidForCurrentState', 'The node is leaving the pool.');
  return node;
}

async function unusable(account: Account, ctx: RequestContext): Promise<void> {
  const change = jsonBody(ctx);
  unknownKeys(change, ['code', 'message', 'details'], '');
  const node = nodeOf(account, ctx);
  const code = change.code ?? 'DiskFull';
  const message = change.message ?? 'There is not enough disk space on the node.';
  if (typeof code !== 'string' || code === '') throw invalidProperty('code', code, 'Expected a non-empty string.');
  if (typeof message !== 'string') throw invalidProperty('message', message, 'Expected a string.');
  const details = change.details;
  const valid = (d: unknown) => isJsonObject(d) && typeof d.name === 'string' && typeof d.value === 'string';
  if (details !== undefined && !(Array.isArray(details) && details.every(valid))) {
    throw invalidProperty('details', details, 'Expected a list of { name, value } strings.');
  }
  await markUnusable(account, node, { code, message, values: details as { name: string; value: string }[] | undefined });
  ctx.json(200, { nodeId: node.rec.id, state: node.state });
}

function failStart(account: Account, ctx: RequestContext): void {
  const node = nodeOf(account, ctx);
  const applied = failStartTask(node);
  if (!applied) throw conflict('OperationInvalidForCurrentState', 'The pool has no start task.');
  ctx.json(200, { nodeId: node.rec.id, state: node.state, applied });
}

async function preempt(account: Account, ctx: RequestContext): Promise<void> {
  const change = jsonBody(ctx);
  unknownKeys(change, ['downMs'], '');
  const downMs = number(change.downMs, 'downMs', 0);
  const node = nodeOf(account, ctx);
  if (node.rec.isDedicated) throw conflict('OperationNotValidOnNode', 'Only spot (low-priority) nodes can be preempted.');
  if (!isUp(node)) throw conflict('OperationInvalidForCurrentState', `The node is ${node.state}.`);
  await preemptNode(account, node, downMs);
  ctx.json(200, { nodeId: node.rec.id, state: node.state });
}

/** The admin routes: GET/PATCH /emulator/faults and the node fault actions. */
export function adminRoutes(account: Account, targets: AdminTargets): Route[] {
  const node = '/emulator/pools/:poolId/nodes/:nodeId';
  return [
    { method: 'GET', pattern: '/emulator/faults', body: 'none', handler: (ctx) => ctx.json(200, faultSettings(account, targets)) },
    {
      method: 'PATCH',
      pattern: '/emulator/faults',
      body: 'required',
      handler: (ctx) => {
        updateFaults(account, targets, jsonBody(ctx));
        ctx.json(200, faultSettings(account, targets));
      },
    },
    { method: 'POST', pattern: `${node}/markunusable`, body: 'optional', handler: (ctx) => unusable(account, ctx) },
    { method: 'POST', pattern: `${node}/failstarttask`, body: 'none', handler: (ctx) => failStart(account, ctx) },
    { method: 'POST', pattern: `${node}/preempt`, body: 'optional', handler: (ctx) => preempt(account, ctx) },
  ];
}
