// Which of a pool's nodes need attention, and how a reboot or reimage of many of them is split into calls.
import type { NodeSummary } from '../../../shared/models';

/** Node states that mean the node cannot run tasks until someone acts. */
export const PROBLEM_STATES: ReadonlySet<string> = new Set(['starttaskfailed', 'unusable']);

/** `nodes.action` takes at most this many node ids per call. */
export const MAX_NODES_PER_ACTION = 100;

/** The pool's nodes whose start task failed or that are unusable, start-task failures first, then by id. */
export function problemNodes(nodes: readonly NodeSummary[]): NodeSummary[] {
  return nodes
    .filter((n) => PROBLEM_STATES.has((n.state ?? '').toLowerCase()))
    .sort((a, b) => (a.state ?? '').toLowerCase().localeCompare((b.state ?? '').toLowerCase()) || a.id.localeCompare(b.id));
}

/** Splits node ids into `nodes.action` calls. */
export function actionChunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_NODES_PER_ACTION) out.push(ids.slice(i, i + MAX_NODES_PER_ACTION));
  return out;
}

/** Keeps only selected ids that are still problem nodes, so an action never targets a node that recovered. */
export function liveSelection(selected: ReadonlySet<string>, problems: readonly NodeSummary[]): string[] {
  return problems.filter((n) => selected.has(n.id)).map((n) => n.id);
}
