// Journaled shapes of the node and pool features beyond the core: start tasks, node errors, resize
// errors and autoscale runs. Kept apart from records.ts so each feature's types live together.
import type { FailureInfo, NameValue } from './records.js';

/** A code/message/details error as ResizeError, AutoScaleRunError and ComputeNodeError carry it. */
export interface ServiceError {
  code: string;
  message: string;
  values?: NameValue[];
}

/** AutoScaleRun as journaled. */
export interface AutoScaleRunRecord {
  timestamp: number;
  results?: string;
  error?: ServiceError;
}

/** StartTaskInformation as journaled. */
export interface StartTaskInfo {
  state: 'running' | 'completed';
  startTime: number;
  endTime?: number;
  exitCode?: number;
  result?: 'success' | 'failure';
  failureInfo?: FailureInfo;
  retryCount: number;
  lastRetryTime?: number;
}

/** Node states that outlast a restart of the emulator (anything else boots again). */
export type NodePhase = 'rebooting' | 'reimaging' | 'unusable' | 'startTaskFailed' | 'preempted' | 'leavingPool';
