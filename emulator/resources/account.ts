import type { Account } from '../engine/account.js';
import type { PoolEntry } from '../engine/entries.js';
import { displayState } from '../engine/nodes.js';
import { BatchError } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { iso } from '../model/clock.js';
import type { FilterFields } from '../odata/index.js';
import { sendList } from './listing.js';

/** The images the emulator reports as supported; pools may name any image, these are what the account lists. */
export const SUPPORTED_IMAGES = [
  { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', agent: 'batch.node.ubuntu 22.04', os: 'linux' },
  { publisher: 'canonical', offer: '0001-com-ubuntu-server-focal', sku: '20_04-lts', agent: 'batch.node.ubuntu 20.04', os: 'linux' },
  { publisher: 'microsoftwindowsserver', offer: 'windowsserver', sku: '2022-datacenter', agent: 'batch.node.windows amd64', os: 'windows' },
  { publisher: 'microsoftwindowsserver', offer: 'windowsserver', sku: '2019-datacenter', agent: 'batch.node.windows amd64', os: 'windows' },
].map((i) => ({
  nodeAgentSKUId: i.agent,
  imageReference: { publisher: i.publisher, offer: i.offer, sku: i.sku, version: 'latest' },
  osType: i.os,
  capabilities: [] as string[],
  verificationType: 'verified',
}));

const IMAGE_FIELDS: FilterFields = { nodeAgentSKUId: 'string', osType: 'enum', verificationType: 'enum' };
const COUNT_FIELDS: FilterFields = { poolId: 'string' };

const NODE_STATES = [
  'creating', 'idle', 'offline', 'preempted', 'rebooting', 'reimaging', 'running', 'starting', 'startTaskFailed',
  'leavingPool', 'unknown', 'unusable', 'waitingForStartTask',
] as const;

function poolNodeCounts(pool: PoolEntry): Record<string, unknown> {
  const zero = () => Object.fromEntries([...NODE_STATES, 'total'].map((s) => [s, 0])) as Record<string, number>;
  const dedicated = zero();
  const lowPriority = zero();
  for (const node of pool.nodes.values()) {
    const counts = node.rec.isDedicated ? dedicated : lowPriority;
    const state = displayState(node);
    counts[state] = (counts[state] ?? 0) + 1;
    counts.total = (counts.total ?? 0) + 1;
  }
  return { poolId: pool.rec.id, dedicated, lowPriority };
}

function lifetimeJobStats(account: Account, base: string): Record<string, unknown> {
  let succeeded = 0;
  let failed = 0;
  let retries = 0;
  let wallMs = 0;
  let start = Date.now();
  for (const job of account.jobsByUid.values()) {
    succeeded += job.counts.tasks.succeeded;
    failed += job.counts.tasks.failed;
    retries += job.retries;
    wallMs += job.wallClockMs;
    start = Math.min(start, job.rec.creationTime);
  }
  const now = Date.now();
  return {
    url: `${base}/lifetimejobstats`,
    startTime: iso(start),
    lastUpdateTime: iso(now),
    userCPUTime: 'PT0S',
    kernelCPUTime: 'PT0S',
    wallClockTime: `PT${(wallMs / 1000).toFixed(3)}S`,
    readIOps: 0,
    writeIOps: 0,
    readIOGiB: 0,
    writeIOGiB: 0,
    numSucceededTasks: succeeded,
    numFailedTasks: failed,
    numTaskRetries: retries,
    waitTime: 'PT0S',
  };
}

function lifetimePoolStats(account: Account, base: string): Record<string, unknown> {
  let start = Date.now();
  for (const pool of account.poolsByUid.values()) start = Math.min(start, pool.rec.creationTime);
  return { url: `${base}/lifetimepoolstats`, startTime: iso(start), lastUpdateTime: iso(Date.now()) };
}

/** Account-level operations: supported images, node counts, lifetime statistics. */
export function accountRoutes(account: Account): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/supportedimages',
      body: 'none',
      handler: (ctx) =>
        sendList(ctx, {
          entries: (after) => SUPPORTED_IMAGES.map((img, i): [string, typeof img] => [String(i).padStart(4, '0'), img]).filter(([k]) => after === undefined || k > after),
          fields: IMAGE_FIELDS,
          toWire: (img) => ({ ...img }),
          entitySet: 'supportedimages',
        }),
    },
    {
      method: 'GET',
      pattern: '/nodecounts',
      body: 'none',
      handler: (ctx) =>
        sendList(ctx, {
          entries: (after) => account.pools.entriesAfter(after),
          fields: COUNT_FIELDS,
          toWire: poolNodeCounts,
          entitySet: 'poolnodecounts',
        }),
    },
    { method: 'GET', pattern: '/lifetimejobstats', body: 'none', handler: (ctx) => ctx.json(200, lifetimeJobStats(account, ctx.base)) },
    { method: 'GET', pattern: '/lifetimepoolstats', body: 'none', handler: (ctx) => ctx.json(200, lifetimePoolStats(account, ctx.base)) },
  ];
}

// Operations of the spec the emulator does not implement: they answer 501 rather than a misleading 404.
const UNSUPPORTED: [string, string][] = [
  ['GET', '/poolusagemetrics'],
  ['POST', '/certificates'], ['GET', '/certificates'],
  ['POST', '/pools/:poolId/nodes/:nodeId/users'], ['PUT', '/pools/:poolId/nodes/:nodeId/users/:user'], ['DELETE', '/pools/:poolId/nodes/:nodeId/users/:user'],
  ['POST', '/pools/:poolId/nodes/:nodeId/uploadbatchservicelogs'],
  ['GET', '/pools/:poolId/nodes/:nodeId/extensions'], ['GET', '/pools/:poolId/nodes/:nodeId/extensions/:name'],
];

/** Routes that answer 501 NotImplemented for the spec's operations the emulator lacks. */
export function unsupportedRoutes(): Route[] {
  return UNSUPPORTED.map(([method, pattern]) => ({
    method,
    pattern,
    body: 'optional' as const,
    handler: () => {
      throw new BatchError(501, 'NotImplemented', `The Batch emulator does not implement ${method} ${pattern.replace(/:[A-Za-z]+/g, '{id}')}.`);
    },
  }));
}
