// Wire forms of the node and pool features beyond the core: start task information, node errors,
// endpoints, resize errors and autoscale runs.
import type { NodeEntry } from '../engine/entries.js';
import { remoteLogin } from '../engine/nodeActions.js';
import { iso } from '../model/clock.js';
import type { ServiceError, StartTaskInfo } from '../model/nodeRecords.js';
import type { PoolRecord } from '../model/records.js';

type Wire = Record<string, unknown>;

const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : iso(ms));

/** StartTaskInformation. */
export function startTaskInfoToWire(info: StartTaskInfo): Wire {
  return {
    state: info.state,
    startTime: iso(info.startTime),
    endTime: isoOf(info.endTime),
    exitCode: info.exitCode,
    failureInfo: info.failureInfo,
    retryCount: info.retryCount,
    lastRetryTime: isoOf(info.lastRetryTime),
    result: info.result,
  };
}

/** True when the pool's nodes run Windows, so they take RDP rather than SSH logins. */
export function isWindowsPool(props: Record<string, unknown>): boolean {
  if (props.cloudServiceConfiguration !== undefined) return true;
  const vm = props.virtualMachineConfiguration as { nodeAgentSKUId?: string } | undefined;
  return vm?.nodeAgentSKUId?.toLowerCase().includes('windows') ?? false;
}

/** The node's remote login endpoint (ComputeNodeEndpointConfiguration). */
function endpointsToWire(node: NodeEntry): Wire {
  const { address, port } = remoteLogin(node);
  const windows = isWindowsPool(node.pool.rec.props);
  return {
    inboundEndpoints: [
      {
        name: windows ? 'RDPRule.0' : 'SSHRule.0',
        protocol: 'tcp',
        publicIPAddress: address,
        publicFQDN: 'localhost',
        frontendPort: port,
        backendPort: windows ? 3389 : 22,
      },
    ],
  };
}

/** ComputeNodeError. */
function nodeErrorToWire(error: ServiceError): Wire {
  return { code: error.code, message: error.message, errorDetails: error.values };
}

/** The ComputeNode properties of start tasks, errors and endpoints. */
export function nodeExtrasToWire(node: NodeEntry): Wire {
  const { rec } = node;
  return {
    startTask: rec.startTask,
    startTaskInfo: rec.startTaskInfo ? startTaskInfoToWire(rec.startTaskInfo) : undefined,
    errors: rec.errors && rec.errors.length > 0 ? rec.errors.map(nodeErrorToWire) : undefined,
    endpointConfiguration: endpointsToWire(node),
  };
}

/** AutoScaleRun. */
export function autoScaleRunToWire(run: NonNullable<PoolRecord['autoScaleRun']>): Wire {
  return { timestamp: iso(run.timestamp), results: run.results, error: run.error };
}

/** The CloudPool properties of resize errors and the last autoscale run. */
export function poolExtrasToWire(rec: PoolRecord): Wire {
  const autoScale = rec.props.enableAutoScale === true;
  return {
    resizeErrors: rec.resizeErrors && rec.resizeErrors.length > 0 && rec.allocationState === 'steady' ? rec.resizeErrors : undefined,
    autoScaleRun: autoScale && rec.autoScaleRun ? autoScaleRunToWire(rec.autoScaleRun) : undefined,
  };
}
