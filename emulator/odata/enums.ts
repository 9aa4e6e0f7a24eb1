/**
 * Known Batch enum values by OData path, lower-cased and unioned across entity types (tasks, jobs,
 * job schedules, pools, nodes, certificates) as declared in BatchService.json. An enum path not
 * listed here only has its literal checked for shape. enums.test.ts keeps this in step with the spec.
 */
export const BATCH_ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  state: [
    'active', 'preparing', 'running', 'completed', // task
    'disabling', 'disabled', 'enabling', 'terminating', 'deleting', // job, job schedule, pool
    'idle', 'rebooting', 'reimaging', 'unusable', 'creating', 'starting', 'waitingforstarttask',
    'starttaskfailed', 'unknown', 'leavingpool', 'offline', 'preempted', // compute node
    'deletefailed', // certificate
  ],
  previousState: [
    'active', 'preparing', 'running', 'completed', 'disabling', 'disabled', 'enabling', 'terminating',
    'deleting', 'deletefailed',
  ],
  allocationState: ['steady', 'resizing', 'stopping'],
  schedulingState: ['enabled', 'disabled'],
  onAllTasksComplete: ['noaction', 'terminatejob'],
  onTaskFailure: ['noaction', 'performexitoptionsjobaction'],
  'executionInfo/result': ['success', 'failure'],
  'executionInfo/failureInfo/category': ['usererror', 'servererror'],
  'executionInfo/schedulingError/category': ['usererror', 'servererror'],
  'startTaskInfo/state': ['running', 'completed'],
  'startTaskInfo/result': ['success', 'failure'],
  'startTaskInfo/failureInfo/category': ['usererror', 'servererror'],
};

const ENUM_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(BATCH_ENUM_VALUES).map(([path, values]) => [path, new Set(values)]),
);

function isEnumToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letter && !(i > 0 && code >= 48 && code <= 57)) return false;
  }
  return true;
}

/** True when `value` (any case) is an acceptable literal for the enum property at `path`. */
export function isValidEnumLiteral(path: string, value: string): boolean {
  if (!isEnumToken(value)) return false;
  const known = ENUM_SETS.get(path);
  return known === undefined || known.has(value.toLowerCase());
}
