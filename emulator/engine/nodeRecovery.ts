import type { Account } from './account.js';
import type { NodeEntry } from './entries.js';
import { continueRestart, scheduleReturn } from './nodeActions.js';
import { bootNodes, removeNode, setNodeState } from './nodes.js';
import { killOrphanStartTask } from './startTask.js';

/**
 * Brings a pool's journaled nodes back after a restart. Broken, failed and preempted nodes keep their
 * state; a reboot, reimage or removal in progress carries on; the others boot again from `starting`,
 * keeping a start task that had completed and rerunning one that had not (its old process stopped first).
 */
export function resumeNodes(account: Account, nodes: readonly NodeEntry[]): void {
  const booting: NodeEntry[] = [];
  for (const node of nodes) {
    node.schedulingState = node.rec.schedulingState ?? 'enabled';
    const phase = node.rec.phase;
    switch (phase) {
      case 'unusable':
      case 'startTaskFailed':
        setNodeState(node, phase);
        void killOrphanStartTask(account, node);
        break;
      case 'preempted':
        setNodeState(node, phase);
        void killOrphanStartTask(account, node);
        scheduleReturn(account, node, account.config.behaviour.preemption.downMs);
        break;
      case 'leavingPool':
        // Marked leaving at once, so a resize resumed next does not count the node.
        void Promise.all([killOrphanStartTask(account, node), removeNode(account, node, 'requeue')]);
        break;
      case 'rebooting':
      case 'reimaging':
        setNodeState(node, phase);
        void killOrphanStartTask(account, node).then(() => continueRestart(account, node, phase));
        break;
      default:
        setNodeState(node, 'starting');
        booting.push(node);
    }
  }
  if (booting.length === 0) return;
  void Promise.all(booting.map((node) => killOrphanStartTask(account, node))).then(() =>
    bootNodes(account, booting, 'starting', { rerunStartTask: false }),
  );
}
