import { randomBytes } from 'node:crypto';
import { op } from '../model/persistence.js';
import { COLLECTIONS } from '../model/records.js';
import type { Account } from './account.js';
import { NodeEntry, type NodeState, type PoolEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { nodeRoot, removeTree } from './nodeFs.js';

/** How running tasks are treated when their node leaves the pool (ComputeNodeDeallocationOption). */
export type DeallocationOption = 'requeue' | 'terminate' | 'taskCompletion' | 'retainedData';

function newNodeId(dedicated: boolean): string {
  return `tvmps_${randomBytes(16).toString('hex')}_${dedicated ? 'd' : 'p'}`;
}

function nextIp(pool: PoolEntry): string {
  const n = pool.rec.nextIp++;
  return `10.0.${(n >> 8) & 255}.${n & 255}`;
}

/** True while the pool the node belongs to still exists and the node has not been told to leave. */
function current(account: Account, node: NodeEntry): boolean {
  return !node.leaving && account.nodes.get(node.rec.id) === node && account.poolsByUid.has(node.pool.rec.uid);
}

function setState(node: NodeEntry, state: NodeState, now = Date.now()): void {
  node.state = state;
  node.stateTime = now;
  node.changed = now;
  node.pool.slots.update(node);
}

/** Registers a node entry with its pool and the account. */
export function attachNode(account: Account, node: NodeEntry): void {
  node.pool.nodes.set(node.rec.id, node);
  account.nodes.set(node.rec.id, node);
}

/**
 * Boots nodes through `starting` to `idle` on timers: one timer per batch rather than per node,
 * so a 20,000-node pool costs two timers. Nodes that left meanwhile are skipped.
 */
export function bootNodes(account: Account, nodes: NodeEntry[], from: 'creating' | 'starting'): void {
  const { create, start } = account.config.delays;
  const toIdle = () => {
    const now = Date.now();
    for (const node of nodes) {
      if (!current(account, node)) continue;
      node.lastBootTime = now;
      setState(node, 'idle', now);
    }
    account.schedule();
  };
  const toStarting = () => {
    const now = Date.now();
    for (const node of nodes) if (current(account, node)) setState(node, 'starting', now);
    account.after(start, toIdle);
  };
  if (from === 'creating') account.after(create, toStarting);
  else account.after(start, toIdle);
}

/** Adds new nodes in `creating`, journals them and starts their boot timers. */
export function allocateNodes(account: Account, pool: PoolEntry, dedicated: number, lowPriority: number): NodeEntry[] {
  const now = Date.now();
  const nodes: NodeEntry[] = [];
  for (let i = 0; i < dedicated + lowPriority; i++) {
    const isDedicated = i < dedicated;
    const node = new NodeEntry(
      {
        id: newNodeId(isDedicated),
        poolUid: pool.rec.uid,
        isDedicated,
        ipAddress: nextIp(pool),
        allocationTime: now,
        totalTasksRun: 0,
        totalTasksSucceeded: 0,
      },
      pool,
      now,
    );
    attachNode(account, node);
    nodes.push(node);
  }
  if (nodes.length > 0) {
    account.store.commitLater([...nodes.map((n) => account.nodeOp(n.rec)), account.poolOp(pool.rec)]);
    bootNodes(account, nodes, 'creating');
  }
  return nodes;
}

/**
 * Takes a node out of its pool: running tasks are requeued or terminated at once, or (taskCompletion,
 * retainedData) allowed to finish while the node shows `leavingPool`; then its record and directory go.
 */
export async function removeNode(account: Account, node: NodeEntry, option: DeallocationOption): Promise<void> {
  if (node.leaving) return;
  node.leaving = true;
  setState(node, 'leavingPool');
  const runs = [...node.runs.values()];
  if (option === 'requeue' || option === 'terminate') await stopRuns(runs, option);
  else await Promise.all(runs.map((run) => run.ended));
  node.pool.slots.remove(node);
  node.pool.nodes.delete(node.rec.id);
  if (account.nodes.get(node.rec.id) === node) account.nodes.delete(node.rec.id);
  if (account.closing) return;
  account.store.commitLater([op.del(COLLECTIONS.node, `${node.rec.poolUid}/${node.rec.id}`)]);
  await node.dirsReady?.catch(() => undefined);
  await removeTree(nodeRoot(account.config.dataDir, node.rec.id)).catch((error: unknown) => {
    account.config.log(`could not remove node directory of ${node.rec.id}: ${String(error)}`);
  });
}

/** Node counts of a pool by kind, as currentDedicatedNodes / currentLowPriorityNodes report them. */
export function nodeCounts(pool: PoolEntry): { dedicated: number; lowPriority: number } {
  let dedicated = 0;
  let lowPriority = 0;
  for (const node of pool.nodes.values()) {
    if (node.rec.isDedicated) dedicated++;
    else lowPriority++;
  }
  return { dedicated, lowPriority };
}

// Nodes cheapest to lose come first: not yet booted, then idle, then those running the fewest tasks.
function removalOrder(a: NodeEntry, b: NodeEntry): number {
  const rank = (n: NodeEntry) => (n.state === 'creating' || n.state === 'starting' ? 0 : n.runs.size === 0 ? 1 : 2);
  return rank(a) - rank(b) || a.runs.size - b.runs.size;
}

/** Picks which nodes of a kind to remove so that `keep` of them stay. */
export function nodesToRemove(pool: PoolEntry, dedicated: boolean, keep: number): NodeEntry[] {
  const candidates = [...pool.nodes.values()].filter((n) => n.rec.isDedicated === dedicated && !n.leaving);
  if (candidates.length <= keep) return [];
  return candidates.sort(removalOrder).slice(0, candidates.length - keep);
}
