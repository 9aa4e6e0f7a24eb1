import type { ServiceError } from '../model/nodeRecords.js';
import type { Account } from './account.js';
import type { NodeEntry } from './entries.js';
import { stopRuns } from './execution.js';
import { bootNodes, isCurrent, isUp, setNodeState, wipeNodeDirs } from './nodes.js';
import { stopStartTask } from './startTask.js';

/** What a reboot or reimage does to running tasks (ComputeNodeRebootOption / ComputeNodeReimageOption). */
export type NodeRestartOption = 'requeue' | 'terminate' | 'taskCompletion' | 'retainedData';

/** What disabling scheduling does to running tasks (DisableComputeNodeSchedulingOption). */
export type DisableSchedulingOption = 'requeue' | 'terminate' | 'taskCompletion';

// Running tasks are stopped (requeue, terminate) or waited for (taskCompletion, retainedData).
async function drain(node: NodeEntry, option: NodeRestartOption): Promise<void> {
  const runs = [...node.runs.values()];
  if (option === 'requeue' || option === 'terminate') await stopRuns(runs, option);
  else await Promise.all(runs.map((run) => run.ended));
}

/**
 * Reboots or reimages a node; resolves once the request is durable. The node takes no new tasks, its
 * running tasks go as `option` says, then it shows `rebooting` (or `reimaging`, which also wipes its
 * directories), `starting`, runs its start task again and comes back `idle`.
 */
export async function restartNode(account: Account, node: NodeEntry, kind: 'reboot' | 'reimage', option: NodeRestartOption): Promise<void> {
  const phase = kind === 'reboot' ? 'rebooting' : 'reimaging';
  node.rec.phase = phase;
  node.draining = true;
  node.changed = Date.now();
  node.pool.slots.update(node);
  await account.store.commit([account.nodeOp(node.rec)]);
  void continueRestart(account, node, phase, option);
}

/** The part of a reboot or reimage after it was acknowledged; also resumes one after a restart. */
export async function continueRestart(
  account: Account,
  node: NodeEntry,
  phase: 'rebooting' | 'reimaging',
  option: NodeRestartOption = 'requeue',
): Promise<void> {
  await drain(node, option);
  await stopStartTask(node);
  node.draining = false;
  // Something else (the node made unusable, say) took over while the tasks drained.
  if (!isCurrent(account, node) || account.closing || node.rec.phase !== phase) return;
  delete node.rec.errors;
  setNodeState(node, phase);
  if (phase === 'reimaging') await wipeNodeDirs(account, node);
  if (!isCurrent(account, node) || node.state !== phase) return;
  bootNodes(account, [node], phase);
}

/** Stops placing tasks on a node; running tasks are requeued, terminated or left to finish. An idle node shows `offline`. */
export async function disableScheduling(account: Account, node: NodeEntry, option: DisableSchedulingOption): Promise<void> {
  node.schedulingState = 'disabled';
  node.rec.schedulingState = 'disabled';
  // An idle node turns `offline` now (see displayState).
  if (node.state === 'idle') setNodeState(node, 'idle');
  else {
    node.changed = Date.now();
    node.pool.slots.update(node);
  }
  await account.store.commit([account.nodeOp(node.rec)]);
  if (option !== 'taskCompletion') void stopRuns([...node.runs.values()], option);
}

/** Lets the scheduler place tasks on a node again. */
export async function enableScheduling(account: Account, node: NodeEntry): Promise<void> {
  node.schedulingState = 'enabled';
  delete node.rec.schedulingState;
  if (node.state === 'idle') setNodeState(node, 'idle');
  else {
    node.changed = Date.now();
    node.pool.slots.update(node);
  }
  account.schedule();
  await account.store.commit([account.nodeOp(node.rec)]);
}

// Takes a node out of service at once: its start task stops and its running tasks go back to the queue.
async function takeDown(account: Account, node: NodeEntry, state: 'unusable' | 'preempted'): Promise<void> {
  node.rec.phase = state;
  setNodeState(node, state);
  const runs = [...node.runs.values()];
  await account.store.commit([account.nodeOp(node.rec)]);
  await Promise.all([stopStartTask(node), stopRuns(runs, 'requeue')]);
  // The runs ending moved a running node back to idle; it is still out of service.
  if (isCurrent(account, node) && node.rec.phase === state && node.state !== state) setNodeState(node, state);
}

/** Fault injection: the node becomes `unusable` with a node error, and its running tasks are requeued. */
export async function markUnusable(account: Account, node: NodeEntry, error: ServiceError): Promise<void> {
  node.rec.errors = [error];
  await takeDown(account, node, 'unusable');
}

/**
 * Simulated preemption of a spot node: it shows `preempted` and its tasks are requeued; after `downMs`
 * it comes back as a fresh VM (empty directories) through `creating` and `starting`.
 */
export async function preemptNode(account: Account, node: NodeEntry, downMs = account.config.behaviour.preemption.downMs): Promise<void> {
  await takeDown(account, node, 'preempted');
  scheduleReturn(account, node, downMs);
}

/** Brings a preempted node back after a delay, unless it left or changed state meanwhile. */
export function scheduleReturn(account: Account, node: NodeEntry, downMs: number): void {
  account.after(downMs, () => {
    if (!isCurrent(account, node) || node.state !== 'preempted') return;
    void wipeNodeDirs(account, node).then(() => {
      if (!isCurrent(account, node) || node.state !== 'preempted') return;
      setNodeState(node, 'creating');
      bootNodes(account, [node], 'creating');
    });
  });
}

/** Spot nodes that preemption may hit now. */
function preemptible(node: NodeEntry): boolean {
  return !node.rec.isDedicated && !node.leaving && isUp(node);
}

/**
 * Simulated spot preemption: one account-wide timer that, every interval, preempts each running spot
 * node with the configured probability. Off while the fraction is 0; `reconfigure` applies new settings.
 */
export class PreemptionTicker {
  private cancel: () => void = () => undefined;

  /** Binds the ticker to an account; call `reconfigure` to start it. */
  constructor(private readonly account: Account) {}

  /** Restarts the timer with the account's current preemption settings. */
  reconfigure(): void {
    this.cancel();
    const { fraction, intervalMs } = this.account.config.behaviour.preemption;
    if (fraction <= 0 || intervalMs <= 0) return;
    const tick = () => {
      for (const node of this.account.nodes.values()) {
        if (preemptible(node) && Math.random() < fraction) void preemptNode(this.account, node);
      }
      this.cancel = this.account.after(intervalMs, tick);
    };
    this.cancel = this.account.after(intervalMs, tick);
  }
}

/** Where a node takes remote logins: the emulator's loopback address and a port unique in the pool. */
export function remoteLogin(node: NodeEntry): { address: string; port: number } {
  const [, , a = '0', b = '0'] = node.rec.ipAddress.split('.');
  const index = Number(a) * 256 + Number(b) - 4;
  return { address: '127.0.0.1', port: 50000 + (((index % 15536) + 15536) % 15536) };
}
