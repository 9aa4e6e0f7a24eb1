import { keyOf } from '../model/ids.js';
import { op } from '../model/persistence.js';
import { COLLECTIONS, type PoolRecord } from '../model/records.js';
import { newUid, type Account } from './account.js';
import { PoolEntry } from './entries.js';
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

/**
 * Moves a pool to `resizing` toward new targets; after the allocation delay it adds nodes or removes
 * the cheapest ones (by the deallocation option) and returns to `steady` once removals are done.
 */
export function resizePool(account: Account, pool: PoolEntry, dedicated: number, lowPriority: number, option: DeallocationOption): void {
  pool.rec.targetDedicatedNodes = dedicated;
  pool.rec.targetLowPriorityNodes = lowPriority;
  setAllocationState(account, pool, 'resizing');
  account.after(account.config.delays.allocate, () => {
    if (pool.rec.allocationState !== 'resizing' || !account.poolsByUid.has(pool.rec.uid)) return;
    const present = [...pool.nodes.values()].filter((n) => !n.leaving);
    const haveDedicated = present.filter((n) => n.rec.isDedicated).length;
    const haveLow = present.length - haveDedicated;
    allocateNodes(account, pool, Math.max(0, dedicated - haveDedicated), Math.max(0, lowPriority - haveLow));
    const leaving = [...nodesToRemove(pool, true, dedicated), ...nodesToRemove(pool, false, lowPriority)];
    void Promise.all(leaving.map((node) => removeNode(account, node, option))).then(() => {
      if (pool.rec.allocationState === 'steady' || account.closing || !account.poolsByUid.has(pool.rec.uid)) return;
      setAllocationState(account, pool, 'steady');
      account.store.commitLater([account.poolOp(pool.rec)]);
    });
  });
}

/** Stops a resize: pending allocation is abandoned, the pool goes through `stopping` to `steady`. */
export function stopResize(account: Account, pool: PoolEntry): void {
  if (pool.rec.allocationState !== 'resizing') return;
  setAllocationState(account, pool, 'stopping');
  account.after(Math.min(account.config.delays.allocate, 100), () => {
    if (pool.rec.allocationState !== 'stopping') return;
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
