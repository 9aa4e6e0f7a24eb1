// Node states as the Batch service names them, in the order legends and charts list them, with their colours.
import type { ActiveTheme } from '../../theme/theme-resolution';

/** Every ComputeNodeState of api-version 2022-10-01, busiest first. */
export const NODE_STATES = [
  'running',
  'idle',
  'starting',
  'creating',
  'waitingForStartTask',
  'startTaskFailed',
  'rebooting',
  'reimaging',
  'offline',
  'preempted',
  'unusable',
  'leavingPool',
  'unknown',
] as const;

/** One node state the app knows. */
export type NodeState = (typeof NODE_STATES)[number];

/** Human labels of the node states. */
export const NODE_STATE_LABELS: Readonly<Record<NodeState, string>> = {
  running: 'Running',
  idle: 'Idle',
  starting: 'Starting',
  creating: 'Creating',
  waitingForStartTask: 'Waiting for start task',
  startTaskFailed: 'Start task failed',
  rebooting: 'Rebooting',
  reimaging: 'Reimaging',
  offline: 'Offline',
  preempted: 'Preempted',
  unusable: 'Unusable',
  leavingPool: 'Leaving pool',
  unknown: 'Unknown',
};

const LIGHT: Readonly<Record<NodeState, string>> = {
  running: '#0f6cbd',
  idle: '#4da64d',
  starting: '#7fc4f5',
  creating: '#b4d6f2',
  waitingForStartTask: '#8764b8',
  startTaskFailed: '#c50f1f',
  rebooting: '#e8a500',
  reimaging: '#ca5010',
  offline: '#8a8886',
  preempted: '#e3008c',
  unusable: '#750b1c',
  leavingPool: '#5c5a58',
  unknown: '#c8c6c4',
};

const DARK: Readonly<Record<NodeState, string>> = {
  running: '#479ef5',
  idle: '#54b054',
  starting: '#2f6f9f',
  creating: '#1f4e75',
  waitingForStartTask: '#a48ad4',
  startTaskFailed: '#f1707b',
  rebooting: '#f2c661',
  reimaging: '#f7894a',
  offline: '#8a8886',
  preempted: '#ee5fb7',
  unusable: '#dc626d',
  leavingPool: '#a19f9d',
  unknown: '#484644',
};

/** The canvas background each theme draws empty space with (heatmap shading mixes towards it). */
export const HEATMAP_BACKGROUND: Readonly<Record<ActiveTheme, string>> = {
  light: '#ffffff',
  dark: '#292929',
  'high-contrast': '#000000',
};

/** The colour of each node state in a theme; high contrast uses the dark palette on black. */
export function nodeStateColors(theme: ActiveTheme): Readonly<Record<NodeState, string>> {
  return theme === 'light' ? LIGHT : DARK;
}

/** The index of a state in NODE_STATES; anything the app does not know counts as `unknown`. */
export function nodeStateIndex(state: string | undefined): number {
  const index = state === undefined ? -1 : NODE_STATES.indexOf(state as NodeState);
  return index >= 0 ? index : NODE_STATES.indexOf('unknown');
}

/** A state label for display; an unrecognised state shows as the service sent it. */
export function nodeStateLabel(state: string | undefined): string {
  if (state === undefined) return 'Unknown';
  return (NODE_STATE_LABELS as Record<string, string>)[state] ?? state;
}
