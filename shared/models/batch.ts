// Plain-JSON views of Batch entities as main hands them to the renderer: dates are ISO strings, never SDK objects.
import type { NodeCountsByState } from './accounts';

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface ServiceErrorView {
  code?: string;
  message?: string;
  values?: { name?: string; value?: string }[];
}

export interface PoolSummary {
  id: string;
  displayName?: string;
  state?: string;
  allocationState?: string;
  vmSize?: string;
  currentDedicatedNodes?: number;
  targetDedicatedNodes?: number;
  currentLowPriorityNodes?: number;
  targetLowPriorityNodes?: number;
  enableAutoScale?: boolean;
  taskSlotsPerNode?: number;
  creationTime?: string;
  resizeErrors?: ServiceErrorView[];
  nodeCounts?: { dedicated: NodeCountsByState; lowPriority: NodeCountsByState };
}

export interface AutoScaleRunView {
  timestamp?: string;
  results?: string;
  error?: ServiceErrorView;
}

export interface PoolDetail extends PoolSummary {
  autoScaleFormula?: string;
  autoScaleEvaluationInterval?: string;
  autoScaleRun?: AutoScaleRunView;
  /** The whole pool as the service returned it, for the JSON view. */
  raw: JsonObject;
}

export interface NodeSummary {
  id: string;
  state?: string;
  schedulingState?: string;
  ipAddress?: string;
  vmSize?: string;
  isDedicated?: boolean;
  runningTasksCount?: number;
  runningTaskSlotsCount?: number;
  totalTasksRun?: number;
  totalTasksSucceeded?: number;
  stateTransitionTime?: string;
}

export interface NodeDetail extends NodeSummary {
  raw: JsonObject;
}

export interface JobSummary {
  id: string;
  displayName?: string;
  state?: string;
  poolId?: string;
  priority?: number;
  creationTime?: string;
  stateTransitionTime?: string;
}

export interface JobDetail extends JobSummary {
  raw: JsonObject;
}

export interface TaskCountsView {
  active: number;
  running: number;
  completed: number;
  succeeded: number;
  failed: number;
}

export interface JobTaskCounts {
  counts?: TaskCountsView;
  slots?: TaskCountsView;
  error?: ServiceErrorView;
}

export interface TaskSummary {
  id: string;
  displayName?: string;
  state?: string;
  exitCode?: number;
  result?: string;
  nodeId?: string;
  poolId?: string;
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  retryCount?: number;
  requeueCount?: number;
}

export interface TaskDetail extends TaskSummary {
  raw: JsonObject;
}

export interface TaskPage {
  items: TaskSummary[];
  /** Pass back to get the next page; absent on the last page. */
  continuation?: string;
}

/** The outcome of one item of a bulk action, so a partial failure is never silent. */
export interface BulkItemResult {
  id: string;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface BulkProgress {
  operationId: string;
  done: number;
  total: number;
  failed: number;
}

/** One sampled chart: points oldest first, each a timestamp (ms) and named values. */
export interface ChartSeries {
  key: string;
  resolutionMs: number;
  points: { t: number; values: Record<string, number> }[];
}

/** A job in use completed, or its first task failed. */
export interface MonitorNotification {
  accountId: string;
  jobId: string;
  kind: 'jobCompleted' | 'firstTaskFailed';
  title: string;
  body: string;
  /** An app route to open about the job (the sample workload's outputs), shown as "Open outputs". */
  link?: string;
}
