// The persistent records: what the journal stores for each entity (plain JSON, times in epoch ms).
// Runtime-only state (queues, running processes, counters) lives beside them in engine/ objects.

/** A key/value detail on failure information, in the service's shape. */
export interface NameValue {
  name: string;
  value: string;
}

/** TaskFailureInformation as the service reports it. */
export interface FailureInfo {
  category: 'userError' | 'serverError';
  code: string;
  message: string;
  details?: NameValue[];
}

/** Pool states. */
export type PoolState = 'active' | 'deleting';
/** Pool allocation states. */
export type AllocationState = 'steady' | 'resizing' | 'stopping';

/** A pool as journaled. `props` holds the validated add/update properties other than id. */
export interface PoolRecord {
  uid: string;
  id: string;
  props: Record<string, unknown>;
  creationTime: number;
  state: PoolState;
  stateTime: number;
  allocationState: AllocationState;
  allocationStateTime: number;
  targetDedicatedNodes: number;
  targetLowPriorityNodes: number;
  eTag: string;
  lastModified: number;
  /** Last octet source for node IP addresses, so they stay unique within the pool. */
  nextIp: number;
}

/** A compute node as journaled; its state is runtime and restarts at `starting` after a restart. */
export interface NodeRecord {
  id: string;
  poolUid: string;
  isDedicated: boolean;
  ipAddress: string;
  allocationTime: number;
  totalTasksRun: number;
  totalTasksSucceeded: number;
}

/** Job states. */
export type JobState = 'active' | 'disabling' | 'disabled' | 'enabling' | 'terminating' | 'completed' | 'deleting';

/** A job as journaled. `props` holds the validated add/update properties other than id. */
export interface JobRecord {
  uid: string;
  id: string;
  props: Record<string, unknown>;
  creationTime: number;
  state: JobState;
  stateTime: number;
  previousState?: JobState;
  previousStateTime?: number;
  eTag: string;
  lastModified: number;
  startTime: number;
  endTime?: number;
  terminateReason?: string;
}

/** Task states. */
export type TaskState = 'active' | 'preparing' | 'running' | 'completed';

/** TaskExecutionInformation as journaled. */
export interface TaskExec {
  startTime?: number;
  endTime?: number;
  exitCode?: number;
  result?: 'success' | 'failure';
  failureInfo?: FailureInfo;
  retryCount: number;
  requeueCount: number;
  lastRetryTime?: number;
  lastRequeueTime?: number;
}

/** Where a task last ran. */
export interface TaskPlacement {
  poolId: string;
  nodeId: string;
}

/** A task as journaled. `props` holds the validated add properties other than id. */
export interface TaskRecord {
  id: string;
  props: Record<string, unknown>;
  creationTime: number;
  state: TaskState;
  stateTime: number;
  previousState?: TaskState;
  previousStateTime?: number;
  eTag: string;
  lastModified: number;
  exec: TaskExec;
  node?: TaskPlacement;
  /** Process id while running, so a restart can stop a process the previous run left behind. */
  pid?: number;
}

/** Journal collection names. */
export const COLLECTIONS = { pool: 'pool', node: 'node', job: 'job', task: 'task' } as const;
