import type { Account } from '../engine/account.js';
import { eTagAt } from '../model/clock.js';
import type { Route } from '../http/router.js';
import type { FilterFields } from '../odata/index.js';
import { requireNode, requirePool, sendEntity } from './common.js';
import { sendList } from './listing.js';
import { nodeToWire } from './wire.js';

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

/** The compute node operations (list and get). */
export function nodeRoutes(account: Account): Route[] {
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
          toWire: (node) => nodeToWire(node, ctx.base),
          entitySet: 'nodes',
        });
      },
    },
    {
      method: 'GET',
      pattern: '/pools/:poolId/nodes/:nodeId',
      body: 'none',
      handler: (ctx) => {
        const node = requireNode(requirePool(account, ctx), ctx);
        // Nodes have no stored ETag; theirs is derived from when they last changed.
        sendEntity(ctx, { eTag: eTagAt(node.changed), lastModified: node.changed }, () => nodeToWire(node, ctx.base), 'nodes');
      },
    },
  ];
}
