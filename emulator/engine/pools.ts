import { keyOf } from '../model/ids.js';
import type { ServiceError } from '../model/nodeRecords.js';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type PoolRecord } from '../model/records.js';
import { newUid, type Account } from './account.js';
import { PoolEntry, type NodeEntry } from './entries.js';
import { allocateNodes, nodesToRemove, removeNode, type DeallocationOption } from './nodes.js';

/** Creates a pool and starts allocating its target nodes; resolves once it is durable. */
export async function addPool(account: Account, id: string, props: Record<string, unknown>, now = Date.now()): Promise<PoolEntry> {
  const targetDedicatedNodes = typeof props.targetDedicatedNodes === 'number' ? props.targetDedicatedNodes : 0;
  const targetLowPriorityNodes = typeof props.targetLowPriorityNodes === 'number' ? props.targetLowPriorityNodes : 0;
  const rest = { ...props };
  delete rest.targetDedicatedNodes;
  delete rest.targetLowPriorityNodes;
  const rec: PoolRecord = {
    uid: newUid(),
    id,
    props: rest,
    creationTime: now,
    state: 'active',
    stateTime: now,
    allocationState: 'steady',
    allocationStateTime: now,
    targetDedicatedNodes: 0,
    targetLowPriorityNodes: 0,
    eTag: '',
    lastModified: now,
    nextIp: 4,
  };
  account.touch(rec, now);
  const pool = new PoolEntry(rec);
  account.pools.set(keyOf(id), pool);
  account.poolsByUid.set(rec.uid, pool);
  await account.store.commit([account.poolOp(rec)]);
  if (targetDedicatedNodes + targetLowPriorityNodes > 0) resizePool(account, pool, targetDedicatedNodes, targetLowPriorityNodes, 'requeue');
  return pool;
}

function setAllocationState(account: Account, pool: PoolEntry, state: PoolRecord['allocationState']): void {
  const now = Date.now();
  pool.rec.allocationState = state;
  pool.rec.allocationStateTime = now;
  account.touch(pool.rec, now);
}

// Nodes of a kind the whole account holds (leaving ones no longer count), for the quota.
function accountNodes(account: Account, dedicated: boolean): number {
  let count = 0;
  for (const node of account.nodes.values()) if (node.rec.isDedicated === dedicated && !node.leaving) count++;
  return count;
}

function quotaError(dedicated: boolean, quota: number): ServiceError {
  return dedicated
    ? {
        code: 'AccountCoreQuotaReached',
        message: `The dedicated node quota of the account (${quota}) has been reached; the pool could not reach its target size.`,
      }
    : {
        code: 'AccountLowPriorityCoreQuotaReached',
        message: `The low-priority node quota of the account (${quota}) has been reached; the pool could not reach its target size.`,
      };
}

// How many new nodes of a kind the quota still allows, recording a resize error when it falls short.
function withinQuota(account: Account, dedicated: boolean, wanted: number, errors: ServiceError[]): number {
  if (wanted <= 0) return 0;
  const quota = dedicated ? account.config.behaviour.quota.dedicated : account.config.behaviour.quota.lowPriority;
  const allowed = Math.max(0, quota - accountNodes(account, dedicated));
  if (allowed >= wanted) return wanted;
  errors.push(quotaError(dedicated, quota));
  return allowed;
}

// Back to `steady` once the nodes leaving have gone, unless the resize was stopped or superseded meanwhile.
function settleWhenRemoved(account: Account, pool: PoolEntry, leaving: Promise<unknown>, errors: ServiceError[]): void {
  void leaving.then(() => {
    if (pool.rec.allocationState !== 'resizing' || account.closing || !account.poolsByUid.has(pool.rec.uid)) return;
    if (errors.length > 0) pool.rec.resizeErrors = errors;
    setAllocationState(account, pool, 'steady');
    account.store.commitLater([account.poolOp(pool.rec)]);
  });
}

/**
 * Moves a pool to `resizing` toward new targets; after the allocation delay it adds nodes (as far as
 * the account's quota allows, else reporting resizeErrors) or removes the cheapest ones by the
 * deallocation option, and returns to `steady` once removals are done.
 */
export function resizePool(account: Account, pool: PoolEntry, dedicated: number, lowPriority: number, option: DeallocationOption): void {
  pool.rec.targetDedicatedNodes = dedicated;
  pool.rec.targetLowPriorityNodes = lowPriority;
  delete pool.rec.resizeErrors;
  setAllocationState(account, pool, 'resizing');
  account.after(account.config.delays.allocate, () => {
    if (pool.rec.allocationState !== 'resizing' || !account.poolsByUid.has(pool.rec.uid)) return;
    const present = [...pool.nodes.values()].filter((n) => !n.leaving);
    const haveDedicated = present.filter((n) => n.rec.isDedicated).length;
    const haveLow = present.length - haveDedicated;
    const errors: ServiceError[] = [];
    const addDedicated = withinQuota(account, true, dedicated - haveDedicated, errors);
    const addLow = withinQuota(account, false, lowPriority - haveLow, errors);
    allocateNodes(account, pool, addDedicated, addLow);
    const leaving = [...nodesToRemove(pool, true, dedicated), ...nodesToRemove(pool, false, lowPriority)];
    settleWhenRemoved(account, pool, Promise.all(leaving.map((node) => removeNode(account, node, option))), errors);
  });
}

/**
 * Removes chosen nodes (removenodes): the targets drop by as many nodes of each kind, the pool shows
 * `resizing` until they are gone. Resolves once the request is durable.
 */
export async function removeNodes(account: Account, pool: PoolEntry, nodes: NodeEntry[], option: DeallocationOption): Promise<void> {
  const dedicated = nodes.filter((n) => n.rec.isDedicated).length;
  pool.rec.targetDedicatedNodes = Math.max(0, pool.rec.targetDedicatedNodes - dedicated);
  pool.rec.targetLowPriorityNodes = Math.max(0, pool.rec.targetLowPriorityNodes - (nodes.length - dedicated));
  delete pool.rec.resizeErrors;
  setAllocationState(account, pool, 'resizing');
  // Journaled as leaving, so a restart finishes removing these very nodes.
  for (const node of nodes) node.rec.phase = 'leavingPool';
  await account.store.commit([account.poolOp(pool.rec), ...nodes.map((n) => account.nodeOp(n.rec))]);
  settleWhenRemoved(account, pool, Promise.all(nodes.map((node) => removeNode(account, node, option))), []);
}

/**
 * Stops a resize: pending allocation is abandoned, the pool goes through `stopping` to `steady`, and
 * reports ResizeStopped when it had not reached its targets.
 */
export function stopResize(account: Account, pool: PoolEntry): void {
  if (pool.rec.allocationState !== 'resizing') return;
  setAllocationState(account, pool, 'stopping');
  account.after(Math.min(account.config.delays.allocate, 100), () => {
    if (pool.rec.allocationState !== 'stopping') return;
    const present = [...pool.nodes.values()].filter((n) => !n.leaving);
    const dedicated = present.filter((n) => n.rec.isDedicated).length;
    if (dedicated !== pool.rec.targetDedicatedNodes || present.length - dedicated !== pool.rec.targetLowPriorityNodes) {
      pool.rec.resizeErrors = [{ code: 'ResizeStopped', message: 'The resize operation was stopped by the user before the pool reached its target size.' }];
    }
    setAllocationState(account, pool, 'steady');
    account.store.commitLater([account.poolOp(pool.rec)]);
  });
}

/** Marks a pool `deleting`, requeues its running tasks, then removes its nodes and the pool itself. */
export async function deletePool(account: Account, pool: PoolEntry): Promise<void> {
  const now = Date.now();
  pool.rec.state = 'deleting';
  pool.rec.stateTime = now;
  account.touch(pool.rec, now);
  await account.store.commit([account.poolOp(pool.rec)]);
  void finishPoolDeletion(account, pool);
}

/** Removes a `deleting` pool's nodes, then the pool; also used after a restart. */
export async function finishPoolDeletion(account: Account, pool: PoolEntry): Promise<void> {
  await Promise.all([...pool.nodes.values()].map((node) => removeNode(account, node, 'requeue')));
  if (account.closing) return;
  account.poolsByUid.delete(pool.rec.uid);
  if (account.pools.get(keyOf(pool.rec.id)) === pool) account.pools.delete(keyOf(pool.rec.id));
  account.store.commitLater([op.del(COLLECTIONS.pool, keyOf(pool.rec.id))]);
  account.schedule();
}
