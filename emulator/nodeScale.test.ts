// A 20,000-node pool stays cheap: its nodes boot on a handful of timers, not one per node, and
// autoscale sampling, scheduling changes and removal work at that size.
import type { BatchServiceClient } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { sdkClient, startTestEmulator, waitFor } from './test/helpers.js';

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const NODES = 20_000;

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;

function timers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

async function idleCount(poolId: string): Promise<number> {
  const [counts] = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: `poolId eq '${poolId}'` } });
  return counts?.dedicated?.idle ?? 0;
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ nodes: { minAutoScaleIntervalMs: 100, samplePeriodMs: 100 } }));
  client = sdkClient(emulator);
});

afterAll(async () => {
  await stop();
});

describe('a 20,000-node pool', () => {
  it('boots on a few timers and autoscales', async () => {
    const before = timers();
    await client.pool.add({
      id: 'huge',
      vmSize: 'a1',
      virtualMachineConfiguration: VM,
      enableAutoScale: true,
      autoScaleFormula: `$TargetDedicatedNodes = ${NODES}; $seen = $SampleNodeCount.Count();`,
      autoScaleEvaluationInterval: 'PT0.2S',
    });
    // While the nodes boot, the timers are per batch of nodes, never per node.
    await waitFor(async () => (await client.pool.get('huge')).currentDedicatedNodes === NODES, 60_000, 'nodes allocated');
    expect(timers() - before).toBeLessThan(20);
    await waitFor(async () => (await idleCount('huge')) === NODES, 60_000, 'all idle');
    const pool = await waitFor(async () => {
      const p = await client.pool.get('huge');
      return Number(/\$seen=(\d+)/.exec(p.autoScaleRun?.results ?? '')?.[1] ?? 0) > 0 ? p : undefined;
    }, 60_000, 'sampled while large');
    expect(pool.targetDedicatedNodes).toBe(NODES);
    expect(timers() - before).toBeLessThan(20);
    const [first] = await client.computeNode.list('huge', { computeNodeListOptions: { maxResults: 1 } });
    await client.computeNode.disableScheduling('huge', first?.id ?? '');
    expect((await client.computeNode.get('huge', first?.id ?? '')).state).toBe('offline');
  }, 120_000);

  it('shrinks to nothing', async () => {
    await client.pool.disableAutoScale('huge');
    await client.pool.resize('huge', { targetDedicatedNodes: 0 });
    await waitFor(async () => {
      const p = await client.pool.get('huge');
      return p.allocationState === 'steady' && p.currentDedicatedNodes === 0;
    }, 60_000, 'empty');
  }, 120_000);
});
