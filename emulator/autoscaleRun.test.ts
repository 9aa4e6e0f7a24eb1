// Autoscale through @azure/batch: enable, disable, evaluate, periodic evaluation that resizes the pool,
// and the measured variables and samples formulas read.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { rawRequest, sdkClient, sdkStatus, SpecRecorder, startTestEmulator, waitFor } from './test/helpers.js';

type CloudPool = BatchServiceModels.CloudPool;

const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };
const NODE = JSON.stringify(process.execPath);
// Tests shorten the service's limits: evaluations every half second, samples every 100 ms.
const SPACING_MS = 300;
const OPTIONS = { minAutoScaleIntervalMs: 200, enableAutoScaleSpacingMs: SPACING_MS, samplePeriodMs: 100 };

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let client: BatchServiceClient;
const recorder = new SpecRecorder();

function poolIn(id: string, test: (p: CloudPool) => boolean, what: string): Promise<CloudPool> {
  return waitFor(async () => {
    const pool = await client.pool.get(id);
    return test(pool) ? pool : undefined;
  }, 15_000, what);
}

// The value of one variable in AutoScaleRun.results.
function resultOf(results: string | undefined, name: string): string | undefined {
  return results?.split(';').find((part) => part.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function fixedPool(id: string): Promise<void> {
  await client.pool.add({ id, vmSize: 'standard_a1', virtualMachineConfiguration: VM, targetDedicatedNodes: 1 });
  await poolIn(id, (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 1, `${id} steady`);
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator({ nodes: OPTIONS, nodeDelays: { allocate: 250, create: 20, start: 20 } }));
  client = sdkClient(emulator, recorder);
});

afterAll(async () => {
  await stop();
});

describe('creating an autoscale pool', () => {
  it('evaluates the formula at once and sizes the pool by it', async () => {
    await client.pool.add({
      id: 'auto',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      enableAutoScale: true,
      autoScaleFormula: '$TargetDedicatedNodes = 2; $NodeDeallocationOption = taskcompletion;',
      autoScaleEvaluationInterval: 'PT0.5S',
    });
    const created = await client.pool.get('auto');
    expect(created.enableAutoScale).toBe(true);
    expect(created.autoScaleEvaluationInterval).toBe('PT0.5S');
    expect(created.autoScaleRun?.timestamp).toBeInstanceOf(Date);
    expect(created.autoScaleRun?.results).toBe('$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion');
    expect(created.resizeTimeout).toBeUndefined();
    const pool = await poolIn('auto', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 2, 'two nodes');
    expect(pool.targetDedicatedNodes).toBe(2);
    expect(await sdkStatus(client.pool.resize('auto', { targetDedicatedNodes: 1 }))).toEqual({ status: 409, code: 'OperationNotValidOnPool' });
  });

  it('refuses formulas and intervals the service refuses', async () => {
    const add = (extra: Partial<BatchServiceModels.PoolAddParameter>) =>
      sdkStatus(client.pool.add({ id: 'bad', vmSize: 'standard_a1', virtualMachineConfiguration: VM, enableAutoScale: true, ...extra }));
    expect(await add({ autoScaleFormula: '$TargetDedicatedNodes = ;' })).toEqual({ status: 400, code: 'AutoScalingFormulaSyntaxError' });
    expect(await add({ autoScaleFormula: `$TargetDedicatedNodes = 1;${' '.repeat(8192)}` })).toEqual({ status: 400, code: 'AutoScalingFormulaTooLong' });
    expect(await add({ autoScaleFormula: '$TargetDedicatedNodes = 1;', autoScaleEvaluationInterval: 'PT169H' })).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    expect(await add({ autoScaleFormula: '$TargetDedicatedNodes = 1;', autoScaleEvaluationInterval: 'PT0.1S' })).toEqual({ status: 400, code: 'InvalidPropertyValue' });
    expect(await add({})).toEqual({ status: 400, code: 'MissingRequiredProperty' });
    const raw = await rawRequest(emulator, 'POST', '/pools', {
      body: JSON.stringify({ id: 'bad', vmSize: 'a1', virtualMachineConfiguration: VM, enableAutoScale: true, autoScaleFormula: '$x = 1;\n$y = (2;' }),
    });
    const error = raw.json() as { values: { key: string; value: string }[] };
    expect(error.values.find((v) => v.key === 'Message')?.value).toMatch(/^Line 2, Col \d+: /);
  });
});

describe('evaluateautoscale', () => {
  it('returns the results of a formula without applying it', async () => {
    const run = await client.pool.evaluateAutoScale('auto', '$TargetDedicatedNodes = 5; $extra = $CurrentDedicatedNodes * 10;');
    expect(resultOf(run.results, '$TargetDedicatedNodes')).toBe('5');
    expect(resultOf(run.results, '$extra')).toBe('20');
    expect(run.error).toBeUndefined();
    expect((await client.pool.get('auto')).targetDedicatedNodes).toBe(2);
  });

  it('returns a formula error as the run error, with where it is', async () => {
    const run = await client.pool.evaluateAutoScale('auto', '$TargetDedicatedNodes = max(1,;');
    expect(run.results).toBeUndefined();
    expect(run.error?.code).toBe('AutoScalingFormulaSyntaxError');
    expect(run.error?.values?.find((v) => v.name === 'Message')?.value).toMatch(/^Line 1, Col \d+: /);
  });

  it('is refused on a pool without autoscale', async () => {
    await fixedPool('fixed');
    expect(await sdkStatus(client.pool.evaluateAutoScale('fixed', '$TargetDedicatedNodes = 1;'))).toEqual({ status: 409, code: 'OperationNotValidOnPool' });
  });
});

describe('periodic evaluation', () => {
  it('follows the pending tasks it measures and records each run', async () => {
    await client.pool.add({
      id: 'follow',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      enableAutoScale: true,
      autoScaleFormula: '$TargetDedicatedNodes = min(3, $PendingTasks); $seen = $ActiveTasks.Count();',
      autoScaleEvaluationInterval: 'PT0.3S',
    });
    const first = await client.pool.get('follow');
    expect(first.targetDedicatedNodes).toBe(0);
    await client.job.add({ id: 'follow-job', poolInfo: { poolId: 'follow' } });
    await client.task.addCollection('follow-job', [
      { id: 'a', commandLine: '/bin/sleep 1' },
      { id: 'b', commandLine: '/bin/sleep 1' },
    ]);
    const grown = await poolIn('follow', (p) => p.targetDedicatedNodes === 2, 'target follows the tasks');
    expect(grown.autoScaleRun?.timestamp?.getTime()).toBeGreaterThan(first.autoScaleRun?.timestamp?.getTime() ?? Infinity);
    expect(Number(resultOf(grown.autoScaleRun?.results, '$seen'))).toBeGreaterThan(0);
    await waitFor(async () => (await client.task.list('follow-job')).every((t) => t.state === 'completed'), 15_000, 'tasks done');
    await poolIn('follow', (p) => p.targetDedicatedNodes === 0 && p.currentDedicatedNodes === 0 && p.allocationState === 'steady', 'shrunk to zero');
  });

  it('measures CPU time of the task processes', async () => {
    if (process.platform !== 'linux') return;
    await client.pool.add({
      id: 'cpu',
      vmSize: 'standard_a1',
      virtualMachineConfiguration: VM,
      enableAutoScale: true,
      autoScaleFormula: '$TargetDedicatedNodes = 1;',
      autoScaleEvaluationInterval: 'PT1H',
    });
    await poolIn('cpu', (p) => p.currentDedicatedNodes === 1, 'cpu node');
    await client.job.add({ id: 'cpu-job', poolInfo: { poolId: 'cpu' } });
    await client.task.add('cpu-job', { id: 'burn', commandLine: `${NODE} -e "const end = Date.now() + 1500; while (Date.now() < end);"` });
    await waitFor(async () => (await client.task.get('cpu-job', 'burn')).state === 'completed', 15_000, 'burn done');
    const run = await client.pool.evaluateAutoScale('cpu', '$n = $CPUPercent.Count(); $peak = max($CPUPercent.GetSample($n)); $nodes = $SampleNodeCount.GetSample(1);');
    expect(run.error).toBeUndefined();
    expect(Number(resultOf(run.results, '$n'))).toBeGreaterThan(3);
    expect(Number(resultOf(run.results, '$peak'))).toBeGreaterThan(10);
    expect(resultOf(run.results, '$nodes')).toBe('[1]');
    // The completion shows in the first sample taken after it.
    await waitFor(async () => {
      const done = await client.pool.evaluateAutoScale('cpu', '$succeeded = sum($SucceededTasks.GetSample($SucceededTasks.Count()));');
      return resultOf(done.results, '$succeeded') === '1';
    }, 15_000, 'the completion sampled');
  });
});

describe('enabling and disabling', () => {
  it('enables autoscale on a fixed pool, spacing the requests as the service does', async () => {
    expect(await sdkStatus(client.pool.enableAutoScale('fixed', {}))).toEqual({ status: 400, code: 'MissingRequiredProperty' });
    await client.pool.enableAutoScale('fixed', { autoScaleFormula: '$TargetDedicatedNodes = 2;', autoScaleEvaluationInterval: 'PT1H' });
    const pool = await client.pool.get('fixed');
    expect([pool.enableAutoScale, pool.autoScaleEvaluationInterval]).toEqual([true, 'PT1H']);
    expect(pool.autoScaleRun?.results?.startsWith('$TargetDedicatedNodes=2')).toBe(true);
    expect(await sdkStatus(client.pool.enableAutoScale('fixed', { autoScaleFormula: '$TargetDedicatedNodes = 3;' }))).toEqual({
      status: 503,
      code: 'TooManyEnableAutoScaleRequests',
    });
    await poolIn('fixed', (p) => p.currentDedicatedNodes === 2 && p.allocationState === 'steady', 'fixed grew');
    await new Promise((r) => setTimeout(r, SPACING_MS));
    await client.pool.enableAutoScale('fixed', { autoScaleEvaluationInterval: 'PT2H' });
    const updated = await client.pool.get('fixed');
    expect([updated.autoScaleFormula, updated.autoScaleEvaluationInterval]).toEqual(['$TargetDedicatedNodes = 2;', 'PT2H']);
  });

  it('refuses to enable autoscale while the pool resizes', async () => {
    await fixedPool('busy');
    await client.pool.resize('busy', { targetDedicatedNodes: 3 });
    expect(await sdkStatus(client.pool.enableAutoScale('busy', { autoScaleFormula: '$TargetDedicatedNodes = 1;' }))).toEqual({ status: 409, code: 'PoolBeingResized' });
  });

  it('disables autoscale: the formula and runs go, the targets stay and manual resizes work again', async () => {
    await client.pool.disableAutoScale('auto');
    const pool = await client.pool.get('auto');
    expect(pool.enableAutoScale).toBe(false);
    expect([pool.autoScaleFormula, pool.autoScaleEvaluationInterval, pool.autoScaleRun]).toEqual([undefined, undefined, undefined]);
    expect(pool.targetDedicatedNodes).toBe(2);
    await client.pool.resize('auto', { targetDedicatedNodes: 1 });
    await poolIn('auto', (p) => p.allocationState === 'steady' && p.currentDedicatedNodes === 1, 'manual resize');
    await new Promise((r) => setTimeout(r, 700));
    expect((await client.pool.get('auto')).targetDedicatedNodes).toBe(1);
  });

  it('sent only responses that fit the spec', () => {
    expect(recorder.problems).toEqual([]);
  });
});
