// The node actions the node page offers, with what each confirmation says.
import type { CallArgs } from '../../../shared/contract';

/** One node action of `nodes.action`. */
export type NodeActionName = CallArgs<'nodes.action'>['action'];

/** What happens to running tasks when a node goes (the service's ComputeNode*Option values). */
export type TaskFate = NonNullable<CallArgs<'nodes.action'>['option']>;

/** How each action is presented and confirmed. */
export interface NodeActionSpec {
  action: NodeActionName;
  label: string;
  confirm: string;
  /** Actions that cut running tasks short ask what to do with them. */
  asksTaskFate: boolean;
  destructive: boolean;
}

/** The actions in toolbar order. */
export const NODE_ACTIONS: readonly NodeActionSpec[] = [
  { action: 'reboot', label: 'Reboot', confirm: 'Reboot this node? Its running tasks stop.', asksTaskFate: true, destructive: false },
  { action: 'reimage', label: 'Reimage', confirm: 'Reimage this node? Its disk is wiped and running tasks stop.', asksTaskFate: true, destructive: true },
  { action: 'remove', label: 'Remove from pool', confirm: 'Remove this node from the pool? The pool shrinks by one node.', asksTaskFate: true, destructive: true },
  { action: 'disableScheduling', label: 'Disable scheduling', confirm: 'Stop scheduling new tasks on this node?', asksTaskFate: false, destructive: false },
  { action: 'enableScheduling', label: 'Enable scheduling', confirm: 'Allow new tasks on this node again?', asksTaskFate: false, destructive: false },
];

/** The task-fate choices, the service's default first. */
export const TASK_FATES: { value: TaskFate; label: string }[] = [
  { value: 'requeue', label: 'Requeue running tasks' },
  { value: 'terminate', label: 'Terminate running tasks' },
  { value: 'taskcompletion', label: 'Wait for running tasks to finish' },
  { value: 'retaineddata', label: 'Wait for tasks and their retained data' },
];

/** The actions that make sense for a node right now: only one of disable/enable scheduling. */
export function availableNodeActions(schedulingState: string | undefined): NodeActionSpec[] {
  return NODE_ACTIONS.filter((a) =>
    a.action === 'enableScheduling' ? schedulingState === 'disabled' : a.action === 'disableScheduling' ? schedulingState !== 'disabled' : true,
  );
}

/** The `nodes.action` arguments for one node; the task fate is sent only for actions that take one. */
export function nodeActionArgs(accountId: string, poolId: string, nodeId: string, spec: NodeActionSpec, fate: TaskFate): CallArgs<'nodes.action'> {
  const args: CallArgs<'nodes.action'> = { accountId, poolId, nodeIds: [nodeId], action: spec.action };
  if (spec.asksTaskFate) args.option = fate;
  return args;
}
