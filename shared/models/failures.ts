// A job's failed tasks grouped for debugging: by cause (exit code and failureInfo) and by the node they ran on.

/** Failed tasks that share an exit code and failureInfo code and category. */
export interface FailureCauseGroup {
  /** Stable key of the group within one summary. */
  key: string;
  exitCode?: number;
  code?: string;
  category?: string;
  /** The failureInfo message of the sample task. */
  message?: string;
  count: number;
  taskIds: string[];
  sampleTaskId: string;
}

/** Failed tasks that ran on one node, with whether the node fails far more than its pool's mean. */
export interface FailureNodeGroup {
  poolId?: string;
  nodeId: string;
  count: number;
  taskIds: string[];
  sampleTaskId: string;
  /** Mean failures per node across the pool's nodes (nodes with none count as zero). */
  poolMean: number;
  suspect: boolean;
}

/** A job's failures, grouped. `truncated` means only the first `scanned` failed tasks were read. */
export interface FailureSummary {
  jobId: string;
  failedTasks: number;
  truncated: boolean;
  byCause: FailureCauseGroup[];
  byNode: FailureNodeGroup[];
}
