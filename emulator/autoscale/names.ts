import type { SampleMethod, TimestampMember } from './ast.js';

/** Read-write: the pool's target number of dedicated nodes. */
export const TARGET_DEDICATED = '$TargetDedicatedNodes';
/** Read-write: the pool's target number of Spot (low-priority) nodes. */
export const TARGET_LOW_PRIORITY = '$TargetLowPriorityNodes';
/** Read-write: what happens to running tasks when nodes are removed. */
export const NODE_DEALLOCATION_OPTION = '$NodeDeallocationOption';

/** Documented aliases of the read-write variables; the full name wins when a formula sets both. */
export const READ_WRITE_ALIASES: Readonly<Record<string, string>> = {
  $TargetDedicated: TARGET_DEDICATED,
  $TargetLowPriority: TARGET_LOW_PRIORITY,
};

/** Every name a formula may assign to that belongs to the service. */
export const READ_WRITE_VARIABLES: ReadonlySet<string> = new Set([
  TARGET_DEDICATED,
  TARGET_LOW_PRIORITY,
  NODE_DEALLOCATION_OPTION,
  ...Object.keys(READ_WRITE_ALIASES),
]);

/** The documented read-only service variables; all of them offer the sample methods. */
export const READ_ONLY_VARIABLES: ReadonlySet<string> = new Set([
  '$CPUPercent',
  '$WallClockSeconds',
  '$MemoryBytes',
  '$DiskBytes',
  '$DiskReadBytes',
  '$DiskWriteBytes',
  '$DiskReadOps',
  '$DiskWriteOps',
  '$NetworkInBytes',
  '$NetworkOutBytes',
  '$SampleNodeCount',
  '$ActiveTasks',
  '$RunningTasks',
  '$PendingTasks',
  '$SucceededTasks',
  '$FailedTasks',
  '$TaskSlotsPerNode',
  '$CurrentDedicatedNodes',
  '$CurrentLowPriorityNodes',
  '$PreemptedNodeCount',
  '$UsableNodeCount',
]);

/** The older spelling the service's own REST and PowerShell examples still use. */
export const READ_ONLY_ALIASES: Readonly<Record<string, string>> = {
  $CurrentDedicated: '$CurrentDedicatedNodes',
};

/** The values `$NodeDeallocationOption` accepts; a formula writes them as bare words. */
export const NODE_DEALLOCATION_OPTIONS: ReadonlySet<string> = new Set(['requeue', 'terminate', 'taskcompletion', 'retaineddata']);

const MILLISECOND = 1;
const SECOND = 1000 * MILLISECOND;
const DAY = 86_400 * SECOND;

/** The timeinterval constants, in milliseconds. */
export const TIME_INTERVALS: Readonly<Record<string, number>> = {
  TimeInterval_Zero: 0,
  TimeInterval_100ns: MILLISECOND / 10_000,
  TimeInterval_Microsecond: MILLISECOND / 1000,
  TimeInterval_Millisecond: MILLISECOND,
  TimeInterval_Second: SECOND,
  TimeInterval_Minute: 60 * SECOND,
  TimeInterval_Hour: 3600 * SECOND,
  TimeInterval_Day: DAY,
  TimeInterval_Week: 7 * DAY,
  TimeInterval_Year: 365 * DAY,
};

/** The documented interval between two samples of a metric. */
export const SAMPLE_PERIOD_MS = 30 * SECOND;

/** Argument-count limits of each built-in function: [minimum, maximum]. */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  avg: [1, Infinity],
  len: [1, Infinity],
  lg: [1, Infinity],
  ln: [1, Infinity],
  log: [1, Infinity],
  max: [1, Infinity],
  min: [1, Infinity],
  norm: [1, Infinity],
  percentile: [2, 2],
  rand: [0, 0],
  range: [1, Infinity],
  std: [1, Infinity],
  stop: [0, 0],
  sum: [1, Infinity],
  time: [0, 1],
  val: [2, 2],
};

/** Argument-count limits of each sample method. */
export const METHOD_ARITY: Readonly<Record<SampleMethod, readonly [number, number]>> = {
  GetSample: [1, 3],
  GetSamplePercent: [1, 2],
  GetSamplePeriod: [0, 0],
  Count: [0, 0],
  HistoryBeginTime: [0, 0],
};

/** Members readable on a timestamp. */
export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set<TimestampMember>(['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second']);

/** True for names a formula cannot assign to: read-only variables, constants and the deallocation words. */
export function isReservedName(name: string): boolean {
  return READ_ONLY_VARIABLES.has(name) || name in READ_ONLY_ALIASES || name in TIME_INTERVALS || NODE_DEALLOCATION_OPTIONS.has(name);
}
