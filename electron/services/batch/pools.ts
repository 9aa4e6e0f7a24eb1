import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { AutoScaleRunView, BulkItemResult, NodeDetail, NodeSummary, PoolDetail, PoolSummary } from '../../../shared/models';
import { forEachBounded } from './bulk';
import { collectAll, odataString } from './paging';
import { plainObject } from './plain';
import { NODE_DETAIL_FIELDS, NODE_LIST_FIELDS, POOL_LIST_FIELDS, autoScaleRunView, nodeSummary, poolSummary } from './views';

type Signal = AbortSignalLike;

/** Every pool with the list columns, joined with node counts by state (one extra call for all pools, not one per pool). */
export async function listPools(client: BatchServiceClient, abortSignal: Signal): Promise<PoolSummary[]> {
  const [pools, counts] = await Promise.all([
    collectAll(
      client.pool.list({ poolListOptions: { select: POOL_LIST_FIELDS.join(',') }, abortSignal }),
      (link) => client.pool.listNext(link, { abortSignal }),
    ),
    collectAll(client.account.listPoolNodeCounts({ abortSignal }), (link) => client.account.listPoolNodeCountsNext(link, { abortSignal })),
  ]);
  const byPool = new Map(counts.map((c) => [c.poolId, c]));
  return pools.map((pool) => {
    const summary = poolSummary(pool);
    const count = byPool.get(pool.id ?? '');
    if (count) {
      summary.nodeCounts = {
        dedicated: plainObject(count.dedicated ?? {}) as unknown as NonNullable<PoolSummary['nodeCounts']>['dedicated'],
        lowPriority: plainObject(count.lowPriority ?? {}) as unknown as NonNullable<PoolSummary['nodeCounts']>['lowPriority'],
      };
    }
    return summary;
  });
}

/** One pool in full, with its autoscale state and the raw JSON for the JSON view. */
export async function getPool(client: BatchServiceClient, poolId: string, abortSignal: Signal): Promise<PoolDetail> {
  const pool = await client.pool.get(poolId, { abortSignal });
  const detail: PoolDetail = { ...poolSummary(pool), raw: plainObject(pool) };
  if (pool.autoScaleFormula) detail.autoScaleFormula = pool.autoScaleFormula;
  if (pool.autoScaleEvaluationInterval) detail.autoScaleEvaluationInterval = pool.autoScaleEvaluationInterval;
  const run = autoScaleRunView(pool.autoScaleRun);
  if (run) detail.autoScaleRun = run;
  return detail;
}

/** Creates a pool from a form or the JSON editor; the service validates the body and names any bad property. */
export async function addPool(client: BatchServiceClient, pool: Record<string, unknown>, abortSignal: Signal): Promise<{ id: string }> {
  await client.pool.add(pool as unknown as BatchServiceModels.PoolAddParameter, { abortSignal });
  return { id: String(pool.id) };
}

/** Resizes to fixed targets, with what happens to tasks on removed nodes. */
export async function resizePool(
  client: BatchServiceClient,
  args: { poolId: string; targetDedicatedNodes: number; targetLowPriorityNodes: number; nodeDeallocationOption?: string },
  abortSignal: Signal,
): Promise<PoolDetail> {
  const body: BatchServiceModels.PoolResizeParameter = {
    targetDedicatedNodes: args.targetDedicatedNodes,
    targetLowPriorityNodes: args.targetLowPriorityNodes,
  };
  if (args.nodeDeallocationOption) body.nodeDeallocationOption = args.nodeDeallocationOption as BatchServiceModels.ComputeNodeDeallocationOption;
  await client.pool.resize(args.poolId, body, { abortSignal });
  return getPool(client, args.poolId, abortSignal);
}

/** Turns autoscale on with a formula (and optional interval, in minutes). */
export async function enableAutoScale(
  client: BatchServiceClient,
  args: { poolId: string; formula: string; intervalMinutes?: number },
  abortSignal: Signal,
): Promise<PoolDetail> {
  const body: BatchServiceModels.PoolEnableAutoScaleParameter = { autoScaleFormula: args.formula };
  if (args.intervalMinutes) body.autoScaleEvaluationInterval = `PT${args.intervalMinutes}M`;
  await client.pool.enableAutoScale(args.poolId, body, { abortSignal });
  return getPool(client, args.poolId, abortSignal);
}

/** Evaluates a formula without applying it: the service's results or its error, as AutoScaleRun. */
export async function evaluateAutoScale(client: BatchServiceClient, poolId: string, formula: string, abortSignal: Signal): Promise<AutoScaleRunView> {
  const run = await client.pool.evaluateAutoScale(poolId, formula, { abortSignal });
  return autoScaleRunView(run) ?? {};
}

/** Nodes of a pool with only the columns the list and heatmap use; a state filter runs server-side. */
export async function listNodes(client: BatchServiceClient, poolId: string, state: string | undefined, abortSignal: Signal): Promise<NodeSummary[]> {
  const options: BatchServiceModels.ComputeNodeListOptions = { select: NODE_LIST_FIELDS.join(','), maxResults: 1000 };
  if (state) options.filter = `state eq ${odataString(state)}`;
  const nodes = await collectAll(client.computeNode.list(poolId, { computeNodeListOptions: options, abortSignal }), (link) =>
    client.computeNode.listNext(link, { abortSignal }),
  );
  return nodes.map((node) => nodeSummary(node));
}

/** One node in full (recent tasks, start task info, errors) for the node page. */
export async function getNode(client: BatchServiceClient, poolId: string, nodeId: string, abortSignal: Signal): Promise<NodeDetail> {
  const node = await client.computeNode.get(poolId, nodeId, { abortSignal });
  return { ...nodeSummary(node, NODE_DETAIL_FIELDS), raw: plainObject(node) };
}

/** Reboot, reimage, remove or (dis)able scheduling on up to 100 nodes; removal is one batch call. */
export async function nodeAction(
  client: BatchServiceClient,
  args: { poolId: string; nodeIds: string[]; action: 'reboot' | 'reimage' | 'remove' | 'disableScheduling' | 'enableScheduling'; option?: string },
  abortSignal: Signal,
  onResult: (result: BulkItemResult) => void,
): Promise<BulkItemResult[]> {
  const { poolId, nodeIds, option } = args;
  if (args.action === 'remove') {
    const body: BatchServiceModels.NodeRemoveParameter = { nodeList: nodeIds };
    if (option) body.nodeDeallocationOption = option as BatchServiceModels.ComputeNodeDeallocationOption;
    await client.pool.removeNodes(poolId, body, { abortSignal });
    const results = nodeIds.map((id) => ({ id, ok: true }));
    results.forEach(onResult);
    return results;
  }
  const run: Record<Exclude<typeof args.action, 'remove'>, (id: string) => Promise<unknown>> = {
    reboot: (id) => client.computeNode.reboot(poolId, id, { nodeRebootOption: option as BatchServiceModels.ComputeNodeRebootOption, abortSignal }),
    reimage: (id) => client.computeNode.reimage(poolId, id, { nodeReimageOption: option as BatchServiceModels.ComputeNodeReimageOption, abortSignal }),
    disableScheduling: (id) => client.computeNode.disableScheduling(poolId, id, { abortSignal }),
    enableScheduling: (id) => client.computeNode.enableScheduling(poolId, id, { abortSignal }),
  };
  const action = run[args.action];
  return forEachBounded(nodeIds, async (id) => void (await action(id)), onResult);
}
