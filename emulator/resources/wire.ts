// Entities in the form the service sends them: defaults filled in, enums camelCase, times ISO-8601.
import { iso } from '../model/clock.js';
import type { TaskExec, TaskRecord } from '../model/records.js';
import { MAX_DURATION } from '../schema/duration.js';
import type { JobEntry, NodeEntry, PoolEntry, RecentTask } from '../engine/entries.js';
import { taskDirName } from '../engine/nodeFs.js';
import { displayState, nodeCounts } from '../engine/nodes.js';
import { maxRetries } from '../engine/taskState.js';
import { nodeExtrasToWire, poolExtrasToWire } from './nodeWire.js';

type Wire = Record<string, unknown>;

// Properties left undefined are simply not sent: JSON.stringify skips them.

const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : iso(ms));

/** A pool's URL. */
export function poolUrl(base: string, poolId: string): string {
  return `${base}/pools/${encodeURIComponent(poolId)}`;
}

/** A job's URL. */
export function jobUrl(base: string, jobId: string): string {
  return `${base}/jobs/${encodeURIComponent(jobId)}`;
}

/** A task's URL. */
export function taskUrl(base: string, jobId: string, taskId: string): string {
  return `${jobUrl(base, jobId)}/tasks/${encodeURIComponent(taskId)}`;
}

/** A node's URL. */
export function nodeUrl(base: string, poolId: string, nodeId: string): string {
  return `${poolUrl(base, poolId)}/nodes/${encodeURIComponent(nodeId)}`;
}

/** CloudPool. */
export function poolToWire(pool: PoolEntry, base: string): Wire {
  const { rec } = pool;
  const p = rec.props;
  const counts = nodeCounts(pool);
  return {
    id: rec.id,
    displayName: p.displayName,
    url: poolUrl(base, rec.id),
    eTag: rec.eTag,
    lastModified: iso(rec.lastModified),
    creationTime: iso(rec.creationTime),
    state: rec.state,
    stateTransitionTime: iso(rec.stateTime),
    allocationState: rec.allocationState,
    allocationStateTransitionTime: iso(rec.allocationStateTime),
    vmSize: typeof p.vmSize === 'string' ? p.vmSize.toLowerCase() : p.vmSize,
    cloudServiceConfiguration: p.cloudServiceConfiguration,
    virtualMachineConfiguration: p.virtualMachineConfiguration,
    resizeTimeout: p.enableAutoScale === true ? undefined : (p.resizeTimeout ?? 'PT15M'),
    currentDedicatedNodes: counts.dedicated,
    currentLowPriorityNodes: counts.lowPriority,
    targetDedicatedNodes: rec.targetDedicatedNodes,
    targetLowPriorityNodes: rec.targetLowPriorityNodes,
    enableAutoScale: p.enableAutoScale ?? false,
    autoScaleFormula: p.autoScaleFormula,
    autoScaleEvaluationInterval: p.autoScaleEvaluationInterval,
    enableInterNodeCommunication: p.enableInterNodeCommunication ?? false,
    networkConfiguration: p.networkConfiguration,
    startTask: p.startTask,
    certificateReferences: p.certificateReferences,
    applicationPackageReferences: p.applicationPackageReferences,
    applicationLicenses: p.applicationLicenses,
    taskSlotsPerNode: pool.taskSlotsPerNode,
    taskSchedulingPolicy: { nodeFillType: pool.fillType },
    userAccounts: p.userAccounts,
    metadata: p.metadata,
    mountConfiguration: p.mountConfiguration,
    targetNodeCommunicationMode: p.targetNodeCommunicationMode,
    currentNodeCommunicationMode: 'default',
    ...poolExtrasToWire(rec),
  };
}

/** TaskExecutionInformation. */
export function execToWire(exec: TaskExec): Wire {
  return {
    startTime: isoOf(exec.startTime),
    endTime: isoOf(exec.endTime),
    exitCode: exec.exitCode,
    failureInfo: exec.failureInfo,
    retryCount: exec.retryCount,
    lastRetryTime: isoOf(exec.lastRetryTime),
    requeueCount: exec.requeueCount,
    lastRequeueTime: isoOf(exec.lastRequeueTime),
    result: exec.result,
  };
}

function recentToWire(recent: RecentTask, base: string): Wire {
  return {
    taskUrl: taskUrl(base, recent.jobId, recent.taskId),
    jobId: recent.jobId,
    taskId: recent.taskId,
    taskState: recent.taskState,
    executionInfo: execToWire(recent.exec),
  };
}

/** ComputeNode. */
export function nodeToWire(node: NodeEntry, base: string): Wire {
  const { rec, pool } = node;
  const p = pool.rec.props;
  const vm = p.virtualMachineConfiguration as { imageReference?: unknown } | undefined;
  return {
    id: rec.id,
    url: nodeUrl(base, pool.rec.id, rec.id),
    state: displayState(node),
    schedulingState: node.schedulingState,
    stateTransitionTime: iso(node.stateTime),
    lastBootTime: isoOf(node.lastBootTime),
    allocationTime: iso(rec.allocationTime),
    ipAddress: rec.ipAddress,
    affinityId: `TVM:${rec.id}`,
    vmSize: typeof p.vmSize === 'string' ? p.vmSize.toLowerCase() : p.vmSize,
    totalTasksRun: rec.totalTasksRun,
    runningTasksCount: node.runs.size,
    runningTaskSlotsCount: node.runningSlots,
    totalTasksSucceeded: rec.totalTasksSucceeded,
    recentTasks: node.recent.length > 0 ? node.recent.map((r) => recentToWire(r, base)) : undefined,
    ...nodeExtrasToWire(node),
    certificateReferences: p.certificateReferences,
    isDedicated: rec.isDedicated,
    nodeAgentInfo: { version: '1.9.27', lastUpdateTime: iso(rec.allocationTime) },
    virtualMachineInfo: vm?.imageReference ? { imageReference: vm.imageReference } : undefined,
  };
}

/** CloudJob. */
export function jobToWire(job: JobEntry, base: string): Wire {
  const { rec } = job;
  const p = rec.props;
  const constraints = (p.constraints ?? {}) as Wire;
  return {
    id: rec.id,
    displayName: p.displayName,
    usesTaskDependencies: p.usesTaskDependencies ?? false,
    url: jobUrl(base, rec.id),
    eTag: rec.eTag,
    lastModified: iso(rec.lastModified),
    creationTime: iso(rec.creationTime),
    state: rec.state,
    stateTransitionTime: iso(rec.stateTime),
    previousState: rec.previousState,
    previousStateTransitionTime: isoOf(rec.previousStateTime),
    priority: p.priority ?? 0,
    allowTaskPreemption: p.allowTaskPreemption ?? false,
    maxParallelTasks: p.maxParallelTasks ?? -1,
    constraints: { maxWallClockTime: MAX_DURATION, maxTaskRetryCount: 0, ...constraints },
    jobManagerTask: p.jobManagerTask,
    jobPreparationTask: p.jobPreparationTask,
    jobReleaseTask: p.jobReleaseTask,
    commonEnvironmentSettings: p.commonEnvironmentSettings,
    poolInfo: p.poolInfo,
    onAllTasksComplete: p.onAllTasksComplete ?? 'noAction',
    onTaskFailure: p.onTaskFailure ?? 'noAction',
    networkConfiguration: p.networkConfiguration,
    metadata: p.metadata,
    executionInfo: {
      startTime: iso(rec.startTime),
      endTime: isoOf(rec.endTime),
      poolId: job.poolId,
      terminateReason: rec.terminateReason,
    },
  };
}

/** CloudTask. */
export function taskToWire(job: JobEntry, task: TaskRecord, base: string): Wire {
  const p = task.props;
  const constraints = (p.constraints ?? {}) as Wire;
  const nodeInfo = task.node
    ? {
        affinityId: `TVM:${task.node.nodeId}`,
        nodeUrl: nodeUrl(base, task.node.poolId, task.node.nodeId),
        poolId: task.node.poolId,
        nodeId: task.node.nodeId,
        taskRootDirectory: taskDirName(job.rec.id, task.id),
        taskRootDirectoryUrl: `${nodeUrl(base, task.node.poolId, task.node.nodeId)}/files/${taskDirName(job.rec.id, task.id)}`,
      }
    : undefined;
  return {
    id: task.id,
    displayName: p.displayName,
    url: taskUrl(base, job.rec.id, task.id),
    eTag: task.eTag,
    creationTime: iso(task.creationTime),
    lastModified: iso(task.lastModified),
    exitConditions: p.exitConditions,
    state: task.state,
    stateTransitionTime: iso(task.stateTime),
    previousState: task.previousState,
    previousStateTransitionTime: isoOf(task.previousStateTime),
    commandLine: p.commandLine,
    containerSettings: p.containerSettings,
    resourceFiles: p.resourceFiles,
    outputFiles: p.outputFiles,
    environmentSettings: p.environmentSettings,
    affinityInfo: p.affinityInfo,
    constraints: { maxWallClockTime: MAX_DURATION, retentionTime: 'P7D', ...constraints, maxTaskRetryCount: maxRetries(job, task) },
    requiredSlots: p.requiredSlots ?? 1,
    userIdentity: p.userIdentity ?? { autoUser: { scope: 'pool', elevationLevel: 'nonAdmin' } },
    executionInfo: execToWire(task.exec),
    nodeInfo,
    multiInstanceSettings: p.multiInstanceSettings,
    dependsOn: p.dependsOn,
    applicationPackageReferences: p.applicationPackageReferences,
    authenticationTokenSettings: p.authenticationTokenSettings,
  };
}
