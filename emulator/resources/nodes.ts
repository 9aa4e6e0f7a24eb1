import type { Account } from '../engine/account.js';
import type { NodeEntry } from '../engine/entries.js';
import {
  disableScheduling,
  enableScheduling,
  remoteLogin,
  restartNode,
  type DisableSchedulingOption,
  type NodeRestartOption,
} from '../engine/nodeActions.js';
import { eTagAt } from '../model/clock.js';
import type { RequestContext } from '../http/context.js';
import { conflict } from '../http/errors.js';
import type { Route } from '../http/router.js';
import type { FilterFields } from '../odata/index.js';
import { body, refuseDeletingPool, requireNode, requirePool, sendEntity, sendUpdated } from './common.js';
import { sendList } from './listing.js';
import { isWindowsPool } from './nodeWire.js';
import { nodeToWire, nodeUrl } from './wire.js';

const NODE_FIELDS: FilterFields = {
  id: 'string',
  state: 'enum',
  schedulingState: 'enum',
  stateTransitionTime: 'datetime',
  lastBootTime: 'datetime',
  allocationTime: 'datetime',
  ipAddress: 'string',
  affinityId: 'string',
  vmSize: 'string',
  isDedicated: 'boolean',
  totalTasksRun: 'number',
  totalTasksSucceeded: 'number',
  runningTasksCount: 'number',
  runningTaskSlotsCount: 'number',
};

/** A node's version for ETag and Last-Modified: nodes have no stored ETag, so it derives from their last change. */
function versionOf(node: NodeEntry): { eTag: string; lastModified: number } {
  return { eTag: eTagAt(node.changed), lastModified: node.changed };
}

function nodeOf(account: Account, ctx: RequestContext): NodeEntry {
  const pool = requirePool(account, ctx);
  refuseDeletingPool(pool);
  return requireNode(pool, ctx);
}

// The service reboots and reimages nodes that are up (or failed); nodes in transition are refused.
function checkRestartable(node: NodeEntry): void {
  if (node.rec.phase === 'rebooting') throw conflict('NodeBeingRebooted');
  if (node.rec.phase === 'reimaging') throw conflict('NodeBeingReimaged');
  switch (node.state) {
    case 'creating':
      throw conflict('NodeBeingCreated');
    case 'starting':
      throw conflict('NodeBeingStarted');
    case 'rebooting':
      throw conflict('NodeBeingRebooted');
    case 'reimaging':
      throw conflict('NodeBeingReimaged');
    case 'leavingPool':
    case 'preempted':
      throw conflict('OperationInvalidForCurrentState', `The node is ${node.state}.`);
    default:
      if (node.leaving) throw conflict('OperationInvalidForCurrentState', 'The node is leaving the pool.');
  }
}

async function restart(account: Account, ctx: RequestContext, kind: 'reboot' | 'reimage'): Promise<void> {
  const params = body(ctx, kind === 'reboot' ? 'NodeRebootParameter' : 'NodeReimageParameter');
  const node = nodeOf(account, ctx);
  checkRestartable(node);
  const option = (kind === 'reboot' ? params.nodeRebootOption : params.nodeReimageOption) as NodeRestartOption | undefined;
  await restartNode(account, node, kind, option ?? 'requeue');
  sendUpdated(ctx, 202, versionOf(node), nodeUrl(ctx.base, node.pool.rec.id, node.rec.id));
}

async function setScheduling(account: Account, ctx: RequestContext, enabled: boolean): Promise<void> {
  const params = enabled ? {} : body(ctx, 'NodeDisableSchedulingParameter');
  const node = nodeOf(account, ctx);
  if (node.leaving) throw conflict('OperationInvalidForCurrentState', 'The node is leaving the pool.');
  if ((node.schedulingState === 'enabled') === enabled) throw conflict('NodeAlreadyInTargetSchedulingState');
  if (enabled) await enableScheduling(account, node);
  else await disableScheduling(account, node, (params.nodeDisableSchedulingOption as DisableSchedulingOption | undefined) ?? 'requeue');
  sendUpdated(ctx, 200, versionOf(node), nodeUrl(ctx.base, node.pool.rec.id, node.rec.id));
}

function remoteLoginSettings(account: Account, ctx: RequestContext): void {
  const node = nodeOf(account, ctx);
  if (node.pool.rec.props.virtualMachineConfiguration === undefined) {
    throw conflict('OperationNotValidOnPool', 'Remote login settings are available only for pools with a virtual machine configuration; use rdp.');
  }
  const { address, port } = remoteLogin(node);
  ctx.json(200, {
    'odata.metadata': `${ctx.base}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.ComputeNodeGetRemoteLoginSettingsResult`,
    remoteLoginIPAddress: address,
    remoteLoginPort: port,
  });
}

function remoteDesktop(account: Account, ctx: RequestContext): void {
  const node = nodeOf(account, ctx);
  if (!isWindowsPool(node.pool.rec.props) || node.pool.rec.props.cloudServiceConfiguration === undefined) {
    throw conflict('OperationNotValidOnPool', 'An RDP file is available only for pools with a cloud service configuration; use remoteloginsettings.');
  }
  const { address, port } = remoteLogin(node);
  const rdp = `full address:s:${address}:${port}\r\nprompt for credentials:i:1\r\nusername:s:\r\n`;
  ctx.send(200, { 'Content-Type': 'application/octet-stream' }, rdp);
}

/** The compute node operations: list, get, reboot, reimage, scheduling and remote login. */
export function nodeRoutes(account: Account): Route[] {
  const node = '/pools/:poolId/nodes/:nodeId';
  return [
    {
      method: 'GET',
      pattern: '/pools/:poolId/nodes',
      body: 'none',
      handler: (ctx) => {
        const pool = requirePool(account, ctx);
        sendList(ctx, {
          entries: (after) => pool.nodes.entriesAfter(after),
          fields: NODE_FIELDS,
          toWire: (n) => nodeToWire(n, ctx.base),
          entitySet: 'nodes',
        });
      },
    },
    {
      method: 'GET',
      pattern: node,
      body: 'none',
      handler: (ctx) => {
        const found = requireNode(requirePool(account, ctx), ctx);
        sendEntity(ctx, versionOf(found), () => nodeToWire(found, ctx.base), 'nodes');
      },
    },
    { method: 'POST', pattern: `${node}/reboot`, body: 'optional', handler: (ctx) => restart(account, ctx, 'reboot') },
    { method: 'POST', pattern: `${node}/reimage`, body: 'optional', handler: (ctx) => restart(account, ctx, 'reimage') },
    { method: 'POST', pattern: `${node}/disablescheduling`, body: 'optional', handler: (ctx) => setScheduling(account, ctx, false) },
    { method: 'POST', pattern: `${node}/enablescheduling`, body: 'none', handler: (ctx) => setScheduling(account, ctx, true) },
    { method: 'GET', pattern: `${node}/remoteloginsettings`, body: 'none', handler: (ctx) => remoteLoginSettings(account, ctx) },
    { method: 'GET', pattern: `${node}/rdp`, body: 'none', handler: (ctx) => remoteDesktop(account, ctx) },
  ];
}
