import { randomBytes } from 'node:crypto';
import { op } from '../model/persistence.js';
import { COLLECTIONS } from '../model/records.js';
import type { Account } from './account.js';
import { NodeEntry, type NodeState, type PoolEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { nodeRoot, removeTree } from './nodeFs.js';
import { nodeStarted, stopStartTask } from './startTask.js';

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
export function isCurrent(account: Account, node: NodeEntry): boolean {
  return !node.leaving && account.nodes.get(node.rec.id) === node && account.poolsByUid.has(node.pool.rec.uid);
}

/** Moves a node to a state, stamping the transition and refiling it for placement. */
export function setNodeState(node: NodeEntry, state: NodeState, now = Date.now()): void {
  node.state = state;
  node.stateTime = now;
  node.changed = now;
  node.pool.slots.update(node);
}

/** Puts a node that is up into the state its work says: running or idle. */
export function settleNode(account: Account, node: NodeEntry, now = Date.now()): void {
  const want: NodeState = node.runs.size > 0 ? 'running' : 'idle';
  if (node.state !== want) setNodeState(node, want, now);
  else node.pool.slots.update(node);
  account.schedule();
}

/**
 * The state clients see. An idle node whose scheduling is disabled is `offline`; the engine keeps it
 * `idle`, so the task runner's idle/running bookkeeping needs no knowledge of scheduling.
 */
export function displayState(node: NodeEntry): NodeState {
  return node.state === 'idle' && node.schedulingState === 'disabled' ? 'offline' : node.state;
}

/** True for the states in which a node runs tasks or could: a booted, healthy node. */
export function isUp(node: NodeEntry): boolean {
  return node.state === 'idle' || node.state === 'running' || node.state === 'waitingForStartTask';
}

/** Queues node records for the journal. */
export function persistNodes(account: Account, nodes: Iterable<NodeEntry>): void {
  const ops = [...nodes].map((node) => account.nodeOp(node.rec));
  if (ops.length > 0) account.store.commitLater(ops);
}

/** Registers a node entry with its pool and the account. */
export function attachNode(account: Account, node: NodeEntry): void {
  node.pool.nodes.set(node.rec.id, node);
  account.nodes.set(node.rec.id, node);
}

/** How a batch of nodes boots. */
export interface BootOptions {
  /** Run the start task even when the node already completed it (false only when resuming after a restart). */
  rerunStartTask?: boolean;
}

/**
 * Boots nodes from `creating` (or `rebooting`/`reimaging`) through `starting` and their start task to
 * `idle` on timers: one timer per batch rather than per node, so a 20,000-node pool costs two timers.
 * Nodes that left or changed state meanwhile are skipped.
 */
export function bootNodes(account: Account, nodes: NodeEntry[], from: 'creating' | 'rebooting' | 'reimaging' | 'starting', options: BootOptions = {}): void {
  const { create, start } = account.config.delays;
  const started = () => {
    const now = Date.now();
    const changed: NodeEntry[] = [];
    for (const node of nodes) {
      if (!isCurrent(account, node) || node.state !== 'starting') continue;
      if (nodeStarted(account, node, options.rerunStartTask ?? true, now)) changed.push(node);
    }
    persistNodes(account, changed);
    account.schedule();
  };
  const toStarting = () => {
    const now = Date.now();
    for (const node of nodes) if (isCurrent(account, node) && node.state === from) setNodeState(node, 'starting', now);
    account.after(start, started);
  };
  if (from === 'starting') account.after(start, started);
  else account.after(create, toStarting);
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
  setNodeState(node, 'leavingPool');
  const runs = [...node.runs.values()];
  const startTask = stopStartTask(node);
  if (option === 'requeue' || option === 'terminate') await stopRuns(runs, option);
  else await Promise.all(runs.map((run) => run.ended));
  await startTask;
  node.pool.slots.remove(node);
  node.pool.nodes.delete(node.rec.id);
  if (account.nodes.get(node.rec.id) === node) account.nodes.delete(node.rec.id);
  if (account.closing) return;
  account.store.commitLater([op.del(COLLECTIONS.node, `${node.rec.poolUid}/${node.rec.id}`)]);
  await wipeNodeDirs(account, node);
}

/** Deletes a node's directory tree (after any creation of it in flight); the next use creates it afresh. */
export async function wipeNodeDirs(account: Account, node: NodeEntry): Promise<void> {
  await node.dirsReady?.catch(() => undefined);
  node.dirsReady = undefined;
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

// What losing a node costs: nothing when it is not working (not booted, preempted, broken), a little
// when it is idle, most when it runs tasks.
function removalRank(node: NodeEntry): number {
  switch (node.state) {
    case 'creating':
    case 'starting':
    case 'preempted':
    case 'unusable':
    case 'startTaskFailed':
      return 0;
    case 'rebooting':
    case 'reimaging':
    case 'waitingForStartTask':
      return 1;
    default:
      return node.runs.size === 0 ? 2 : 3;
  }
}

function removalOrder(a: NodeEntry, b: NodeEntry): number {
  return removalRank(a) - removalRank(b) || a.runs.size - b.runs.size;
}

/** Picks which nodes of a kind to remove so that `keep` of them stay. */
export function nodesToRemove(pool: PoolEntry, dedicated: boolean, keep: number): NodeEntry[] {
  const candidates = [...pool.nodes.values()].filter((n) => n.rec.isDedicated === dedicated && !n.leaving);
  if (candidates.length <= keep) return [];
  return candidates.sort(removalOrder).slice(0, candidates.length - keep);
}
