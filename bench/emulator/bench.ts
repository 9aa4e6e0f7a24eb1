// Measures the emulator against the speed targets:
//   npx tsx bench/emulator/bench.ts [--tasks 100000] [--completions 2000] [--concurrency 4]
// It adds tasks through addtaskcollection (raw HTTP and the SDK), lists them page by page,
// completes /bin/true tasks on 8 nodes x 4 slots, and reads the emulator's resident memory.
import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import { startBenchEmulator, type BenchEmulator } from './harness.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const TASKS = arg('tasks', 100_000);
const COMPLETIONS = arg('completions', 2000);
const CONCURRENCY = arg('concurrency', 4);
// Tasks go in collections of 100, so other counts would leave the wait for completions hanging.
for (const [name, value] of [['tasks', TASKS], ['completions', COMPLETIONS]] as const) {
  if (!Number.isInteger(value) || value <= 0 || value % 100 !== 0) {
    console.error(`--${name} must be a positive multiple of 100 (got ${value})`);
    process.exit(2);
  }
}
const VM = { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' };

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

async function inParallel(count: number, worker: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) await worker(i);
    }),
  );
}

function collection(prefix: string, batch: number): { value: { id: string; commandLine: string }[] } {
  return { value: Array.from({ length: 100 }, (_, i) => ({ id: `${prefix}-${String(batch * 100 + i).padStart(7, '0')}`, commandLine: '/bin/true' })) };
}

async function expectOk(emu: BenchEmulator, method: string, path: string, body?: unknown): Promise<string> {
  const res = await emu.call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.text;
}

async function addRaw(emu: BenchEmulator): Promise<void> {
  // A job on a pool with no nodes, so adding is measured without any task running.
  await expectOk(emu, 'POST', '/jobs', { id: 'adds', poolInfo: { poolId: 'no-nodes' } });
  const start = performance.now();
  await inParallel(TASKS / 100, (batch) => expectOk(emu, 'POST', '/jobs/adds/addtaskcollection', collection('t', batch)).then(() => undefined));
  const ms = performance.now() - start;
  console.log(`add (raw HTTP, ${CONCURRENCY} in flight): ${TASKS.toLocaleString('en-US')} tasks in ${(ms / 1000).toFixed(1)} s = ${rate(TASKS, ms)}`);
  console.log(`emulator RSS with ${TASKS.toLocaleString('en-US')} tasks: ${mb(emu.rss())}`);
}

async function addSdk(emu: BenchEmulator, client: BatchServiceClient): Promise<void> {
  const count = Math.min(TASKS, 20_000);
  await client.job.add({ id: 'sdk-adds', poolInfo: { poolId: 'no-nodes' } });
  const start = performance.now();
  await inParallel(count / 100, async (batch) => {
    await client.task.addCollection('sdk-adds', collection('s', batch).value);
  });
  const ms = performance.now() - start;
  console.log(`add (SDK, ${CONCURRENCY} in flight): ${count.toLocaleString('en-US')} tasks = ${rate(count, ms)}`);
}

async function list(emu: BenchEmulator, client: BatchServiceClient): Promise<void> {
  let start = performance.now();
  let seen = 0;
  let next: string | undefined = '/jobs/adds/tasks?maxresults=1000';
  while (next) {
    const body = JSON.parse(await expectOk(emu, 'GET', next)) as { value: unknown[]; 'odata.nextLink'?: string };
    seen += body.value.length;
    const link = body['odata.nextLink'];
    next = link ? link.slice(emu.url.length).replace(/&api-version=[^&]*/, '') : undefined;
  }
  let ms = performance.now() - start;
  console.log(`list (raw HTTP, pages of 1000): ${seen.toLocaleString('en-US')} tasks = ${rate(seen, ms)}`);
  start = performance.now();
  seen = 0;
  let page = await client.task.list('adds');
  seen += page.length;
  while (page.odatanextLink) {
    page = await client.task.listNext(page.odatanextLink);
    seen += page.length;
  }
  ms = performance.now() - start;
  console.log(`list (SDK, pages of 1000): ${seen.toLocaleString('en-US')} tasks = ${rate(seen, ms)}`);
  console.log(`emulator RSS after listing: ${mb(emu.rss())}`);
}

async function complete(emu: BenchEmulator): Promise<void> {
  await expectOk(emu, 'POST', '/pools', { id: 'runners', vmSize: 'standard_d4', virtualMachineConfiguration: VM, targetDedicatedNodes: 8, taskSlotsPerNode: 4 });
  for (;;) {
    const nodes = JSON.parse(await expectOk(emu, 'GET', '/pools/runners/nodes')) as { value: { state: string }[] };
    if (nodes.value.length === 8 && nodes.value.every((n) => n.state === 'idle')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await expectOk(emu, 'POST', '/jobs', { id: 'runs', poolInfo: { poolId: 'runners' } });
  const start = performance.now();
  await inParallel(COMPLETIONS / 100, (batch) => expectOk(emu, 'POST', '/jobs/runs/addtaskcollection', collection('r', batch)).then(() => undefined));
  for (;;) {
    const counts = JSON.parse(await expectOk(emu, 'GET', '/jobs/runs/taskcounts')) as { taskCounts: { completed: number; failed: number } };
    if (counts.taskCounts.completed === COMPLETIONS) {
      if (counts.taskCounts.failed > 0) throw new Error(`${counts.taskCounts.failed} tasks failed`);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - start;
  console.log(`complete /bin/true on 8 nodes x 4 slots: ${COMPLETIONS.toLocaleString('en-US')} tasks = ${rate(COMPLETIONS, ms)}`);
}

const emu = await startBenchEmulator();
try {
  const client = new BatchServiceClient(new BatchSharedKeyCredentials(emu.account, emu.key), emu.url);
  console.log(`emulator pid ${emu.pid}, RSS at start ${mb(emu.rss())}`);
  await addRaw(emu);
  await addSdk(emu, client);
  await list(emu, client);
  await complete(emu);
} finally {
  await emu.stop();
}
