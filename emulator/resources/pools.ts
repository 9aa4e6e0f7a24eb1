import type { Account } from '../engine/account.js';
import type { PoolEntry } from '../engine/entries.js';
import type { NodeEntry } from '../engine/entries.js';
import type { DeallocationOption } from '../engine/nodes.js';
import { addPool, deletePool, removeNodes, resizePool, stopResize } from '../engine/pools.js';
import { entityHeaders, type RequestContext } from '../http/context.js';
import { evaluateConditions } from '../http/conditions.js';
import { conflict, invalidProperty, missingProperty, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { checkId } from '../model/ids.js';
import { parseDuration } from '../schema/duration.js';
import type { FilterFields } from '../odata/index.js';
import { autoscaleRoutes, checkPoolAutoscale, startPoolAutoscale } from './autoscale.js';
import { body, checkWrite, refuseDeletingPool, requirePool, sendCreated, sendEntity, sendUpdated } from './common.js';
import { sendList } from './listing.js';
import { checkPoolPackageRefs, checkResourceFiles } from './storageRules.js';
import { poolToWire, poolUrl } from './wire.js';

const POOL_FIELDS: FilterFields = {
  id: 'string',
  displayName: 'string',
  state: 'enum',
  allocationState: 'enum',
  vmSize: 'string',
  creationTime: 'datetime',
  lastModified: 'datetime',
  stateTransitionTime: 'datetime',
  allocationStateTransitionTime: 'datetime',
  enableAutoScale: 'boolean',
  enableInterNodeCommunication: 'boolean',
  currentDedicatedNodes: 'number',
  currentLowPriorityNodes: 'number',
  targetDedicatedNodes: 'number',
  targetLowPriorityNodes: 'number',
  taskSlotsPerNode: 'number',
};

const FIVE_MINUTES = 5 * 60_000;

function checkResizeTimeout(value: unknown, path: string): void {
  if (typeof value === 'string' && (parseDuration(value) ?? 0) < FIVE_MINUTES) {
    throw invalidProperty(path, value, 'The minimum resize timeout is 5 minutes.');
  }
}

function checkNodeTargets(props: Record<string, unknown>): void {
  for (const name of ['targetDedicatedNodes', 'targetLowPriorityNodes']) {
    const value = props[name];
    if (typeof value === 'number' && value < 0) throw invalidProperty(name, value, 'The value must not be negative.');
  }
}

// The semantic rules the service applies to a new pool beyond the spec's types.
function checkPoolProps(account: Account, props: Record<string, unknown>): void {
  const vm = props.virtualMachineConfiguration;
  const cloud = props.cloudServiceConfiguration;
  if (vm === undefined && cloud === undefined) throw missingProperty('virtualMachineConfiguration');
  if (vm !== undefined && cloud !== undefined) {
    throw invalidProperty('cloudServiceConfiguration', cloud, 'cloudServiceConfiguration and virtualMachineConfiguration are mutually exclusive.');
  }
  checkNodeTargets(props);
  const slots = props.taskSlotsPerNode;
  if (typeof slots === 'number' && (slots < 1 || slots > 256)) {
    throw invalidProperty('taskSlotsPerNode', slots, 'taskSlotsPerNode must be between 1 and 256.');
  }
  checkResizeTimeout(props.resizeTimeout, 'resizeTimeout');
  if (props.enableAutoScale === true) {
    for (const name of ['targetDedicatedNodes', 'targetLowPriorityNodes']) {
      if (props[name] !== undefined) throw invalidProperty(name, props[name], `${name} must not be specified when enableAutoScale is true.`);
    }
  }
  checkPoolAutoscale(account, props);
  checkResourceFiles((props.startTask as { resourceFiles?: unknown } | undefined)?.resourceFiles, 'startTask.resourceFiles');
}

async function add(account: Account, ctx: RequestContext): Promise<void> {
  const props = body(ctx, 'PoolAddParameter');
  const id = checkId(props.id);
  delete props.id;
  checkPoolProps(account, props);
  await checkPoolPackageRefs(account, props.applicationPackageReferences);
  const existing = account.pool(id);
  if (existing) throw conflict(existing.rec.state === 'deleting' ? 'PoolBeingDeleted' : 'PoolExists');
  const pool = await addPool(account, id, props);
  await startPoolAutoscale(account, pool);
  sendCreated(ctx, pool.rec, poolUrl(ctx.base, id));
}

function writable(account: Account, ctx: RequestContext): PoolEntry {
  const pool = requirePool(account, ctx);
  checkWrite(ctx, pool.rec);
  refuseDeletingPool(pool);
  return pool;
}

async function save(account: Account, pool: PoolEntry): Promise<void> {
  account.touch(pool.rec);
  await account.store.commit([account.poolOp(pool.rec)]);
}

async function patch(account: Account, ctx: RequestContext): Promise<void> {
  const changes = body(ctx, 'PoolPatchParameter');
  const pool = writable(account, ctx);
  checkResourceFiles((changes.startTask as { resourceFiles?: unknown } | undefined)?.resourceFiles, 'startTask.resourceFiles');
  await checkPoolPackageRefs(account, changes.applicationPackageReferences);
  Object.assign(pool.rec.props, changes);
  await save(account, pool);
  sendUpdated(ctx, 200, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

async function updateProperties(account: Account, ctx: RequestContext): Promise<void> {
  const replacement = body(ctx, 'PoolUpdatePropertiesParameter');
  const pool = writable(account, ctx);
  checkResourceFiles((replacement.startTask as { resourceFiles?: unknown } | undefined)?.resourceFiles, 'startTask.resourceFiles');
  await checkPoolPackageRefs(account, replacement.applicationPackageReferences);
  // A full replacement: properties left out are cleared, as the service does.
  for (const name of ['startTask', 'certificateReferences', 'applicationPackageReferences', 'metadata', 'targetNodeCommunicationMode']) {
    const value = replacement[name];
    // An empty list clears the property; the service then omits it.
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete pool.rec.props[name];
    else pool.rec.props[name] = value;
  }
  await save(account, pool);
  sendUpdated(ctx, 204, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

async function resize(account: Account, ctx: RequestContext): Promise<void> {
  const params = body(ctx, 'PoolResizeParameter');
  const pool = writable(account, ctx);
  checkNodeTargets(params);
  checkResizeTimeout(params.resizeTimeout, 'resizeTimeout');
  if (pool.rec.props.enableAutoScale === true) throw conflict('OperationNotValidOnPool', 'The pool has automatic scaling enabled.');
  if (pool.rec.allocationState !== 'steady') throw conflict('PoolBeingResized');
  const dedicated = typeof params.targetDedicatedNodes === 'number' ? params.targetDedicatedNodes : pool.rec.targetDedicatedNodes;
  const low = typeof params.targetLowPriorityNodes === 'number' ? params.targetLowPriorityNodes : pool.rec.targetLowPriorityNodes;
  if (params.resizeTimeout !== undefined) pool.rec.props.resizeTimeout = params.resizeTimeout;
  resizePool(account, pool, dedicated, low, (params.nodeDeallocationOption as DeallocationOption | undefined) ?? 'requeue');
  await save(account, pool);
  sendUpdated(ctx, 202, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

// The nodes named in a removenodes request; each must be in the pool and not already leaving it.
function namedNodes(pool: PoolEntry, ids: readonly string[]): NodeEntry[] {
  const nodes = new Set<NodeEntry>();
  for (const id of ids) {
    const node = pool.nodes.get(id);
    if (!node) throw notFound('NodeNotFound');
    if (node.leaving) throw conflict('OperationInvalidForCurrentState', `The node ${id} is already leaving the pool.`);
    nodes.add(node);
  }
  return [...nodes];
}

async function removeNodesAction(account: Account, ctx: RequestContext): Promise<void> {
  const params = body(ctx, 'NodeRemoveParameter');
  const pool = writable(account, ctx);
  checkResizeTimeout(params.resizeTimeout, 'resizeTimeout');
  if (pool.rec.allocationState !== 'steady') throw conflict('PoolBeingResized');
  const nodes = namedNodes(pool, params.nodeList as string[]);
  if (params.resizeTimeout !== undefined) pool.rec.props.resizeTimeout = params.resizeTimeout;
  account.touch(pool.rec);
  await removeNodes(account, pool, nodes, (params.nodeDeallocationOption as DeallocationOption | undefined) ?? 'requeue');
  sendUpdated(ctx, 202, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

async function stop(account: Account, ctx: RequestContext): Promise<void> {
  const pool = writable(account, ctx);
  stopResize(account, pool);
  await save(account, pool);
  sendUpdated(ctx, 202, pool.rec, poolUrl(ctx.base, pool.rec.id));
}

async function remove(account: Account, ctx: RequestContext): Promise<void> {
  const pool = writable(account, ctx);
  await deletePool(account, pool);
  ctx.send(202, { DataServiceId: poolUrl(ctx.base, pool.rec.id) });
}

function exists(account: Account, ctx: RequestContext): void {
  const pool = requirePool(account, ctx);
  const outcome = evaluateConditions(ctx.req.headers, pool.rec, 'read');
  ctx.send(outcome === 'not-modified' ? 304 : 200, entityHeaders(pool.rec));
}

/** The pool operations. */
export function poolRoutes(account: Account): Route[] {
  return [
    { method: 'POST', pattern: '/pools', body: 'required', handler: (ctx) => add(account, ctx) },
    {
      method: 'GET',
      pattern: '/pools',
      body: 'none',
      handler: (ctx) =>
        sendList(ctx, {
          entries: (after) => account.pools.entriesAfter(after),
          fields: POOL_FIELDS,
          toWire: (pool) => poolToWire(pool, ctx.base),
          entitySet: 'pools',
        }),
    },
    {
      method: 'GET',
      pattern: '/pools/:poolId',
      body: 'none',
      handler: (ctx) => {
        const pool = requirePool(account, ctx);
        sendEntity(ctx, pool.rec, () => poolToWire(pool, ctx.base), 'pools');
      },
    },
    { method: 'HEAD', pattern: '/pools/:poolId', body: 'none', handler: (ctx) => exists(account, ctx) },
    { method: 'PATCH', pattern: '/pools/:poolId', body: 'required', handler: (ctx) => patch(account, ctx) },
    { method: 'DELETE', pattern: '/pools/:poolId', body: 'none', handler: (ctx) => remove(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/updateproperties', body: 'required', handler: (ctx) => updateProperties(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/resize', body: 'required', handler: (ctx) => resize(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/stopresize', body: 'none', handler: (ctx) => stop(account, ctx) },
    { method: 'POST', pattern: '/pools/:poolId/removenodes', body: 'required', handler: (ctx) => removeNodesAction(account, ctx) },
    ...autoscaleRoutes(account),
  ];
}
