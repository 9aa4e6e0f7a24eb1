// The persistent records: what the journal stores for each entity (plain JSON, times in epoch ms).
// Runtime-only state (queues, running processes, counters) lives beside them in engine/ objects.
import type { AutoScaleRunRecord, NodePhase, ServiceError, StartTaskInfo } from './nodeRecords.js';

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
  /** Errors of the last resize, reported once the pool is steady again. */
  resizeErrors?: ServiceError[];
  /** The last autoscale evaluation (AutoScaleRun). */
  autoScaleRun?: AutoScaleRunRecord;
  /** When autoscale was last enabled, for the service's 30-second spacing of enable requests. */
  autoScaleEnabledAt?: number;
}

/** A compute node as journaled; its state is runtime and, unless `phase` says otherwise, restarts at `starting`. */
export interface NodeRecord {
  id: string;
  poolUid: string;
  isDedicated: boolean;
  ipAddress: string;
  allocationTime: number;
  totalTasksRun: number;
  totalTasksSucceeded: number;
  /** A state to resume after a restart, or a reboot/reimage to finish. */
  phase?: NodePhase;
  schedulingState?: 'disabled';
  /** The start task the node last booted with (the pool's may have changed since). */
  startTask?: Record<string, unknown>;
  startTaskInfo?: StartTaskInfo;
  /** The start task's process id while it runs, so a restart can stop a process left behind. */
  startTaskPid?: number;
  errors?: ServiceError[];
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

/** Job schedule states. */
export type JobScheduleState = 'active' | 'disabled' | 'terminating' | 'completed' | 'deleting';

/** A job schedule as journaled. `props` holds schedule, jobSpecification, displayName and metadata. */
export interface JobScheduleRecord {
  uid: string;
  id: string;
  props: Record<string, unknown>;
  creationTime: number;
  state: JobScheduleState;
  stateTime: number;
  previousState?: JobScheduleState;
  previousStateTime?: number;
  eTag: string;
  lastModified: number;
  /** When the next job is due; absent once no further job will be created. */
  nextRunTime?: number;
  /** Jobs created so far: the next one is `<id>:job-<jobCount + 1>`. */
  jobCount: number;
  /** When the most recent job was due, for the next recurrence. */
  lastRunTime?: number;
  recentJobId?: string;
  endTime?: number;
}

/** One run of a job preparation or release task on a node. */
export interface SideTaskExec {
  state: 'running' | 'completed';
  startTime: number;
  endTime?: number;
  exitCode?: number;
  failureInfo?: FailureInfo;
  retryCount: number;
  lastRetryTime?: number;
  result?: 'success' | 'failure';
  /** Process id while running, so a restart can stop a process left behind. */
  pid?: number;
}

/** A job's preparation and release tasks on one node, as journaled under `<jobUid>/<nodeId>`. */
export interface PrepReleaseRecord {
  nodeId: string;
  poolId: string;
  prep?: SideTaskExec;
  release?: SideTaskExec;
}

/** Journal collection names. */
export const COLLECTIONS = { pool: 'pool', node: 'node', job: 'job', task: 'task', jobSchedule: 'jobschedule', prepRelease: 'prep' } as const;
