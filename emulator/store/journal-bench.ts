// Throughput benchmark (information only, not a test):
//   node --expose-gc --import tsx emulator/store/journal-bench.ts [tasks=1000000]
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Journal, stateEntries } from './index.js';
import { fileName } from './files.js';
import { taskPuts, tempDir } from './test-support.js';

const TASKS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 100;
const IN_FLIGHT = 8;
const SMALL_PUTS = 1_000_000;

function report(label: string, records: number, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label}: ${records} records in ${seconds.toFixed(2)} s = ${Math.round(records / seconds)} records/s`);
}

function memory(): string {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${(rss / 2 ** 20).toFixed(0)} MiB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MiB`;
}

async function tasksBench(): Promise<void> {
  const { dir, remove } = await tempDir('bench-tasks');
  try {
    const journal = await Journal.open({ dir, compactThresholdBytes: 2 ** 40 });
    let nextBatch = 0;
    let started = process.hrtime.bigint();
    const writer = async (): Promise<void> => {
      for (let b = nextBatch++; b * BATCH < TASKS; b = nextBatch++) {
        await journal.commit(taskPuts('big', b * BATCH, BATCH));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
    report(`commit (fsync, batches of ${BATCH}, ${IN_FLIGHT} in flight)`, TASKS, started);
    const stats = journal.writeStats;
    console.log(`  ${stats.commits} commits in ${stats.frames} frames / ${stats.syncs} fdatasyncs, ${(stats.bytes / 2 ** 20).toFixed(0)} MiB log`);
    await journal.close();

    await replayAndCompact(dir);

    started = process.hrtime.bigint();
    const fromSnapshot = await Journal.open({ dir });
    report('load snapshot', fromSnapshot.recovered.get('tasks/big')?.size ?? 0, started);
    await fromSnapshot.close();
  } finally {
    await remove();
  }
}

// A function of its own so the replayed state is garbage before the snapshot is loaded.
async function replayAndCompact(dir: string): Promise<void> {
  let started = process.hrtime.bigint();
  const reopened = await Journal.open({ dir, compactThresholdBytes: 2 ** 40 });
  report('replay log', TASKS, started);
  console.log(`  after replay: ${memory()}`);
  started = process.hrtime.bigint();
  await reopened.compact(() => stateEntries(reopened.recovered));
  report('compact (snapshot write)', TASKS, started);
  console.log(`  snapshot ${((await stat(join(dir, fileName('snapshot', 2)))).size / 2 ** 20).toFixed(0)} MiB`);
  await reopened.close();
}

async function smallPutsBench(): Promise<void> {
  const { dir, remove } = await tempDir('bench-small');
  try {
    const journal = await Journal.open({ dir });
    const started = process.hrtime.bigint();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < SMALL_PUTS; i++) {
      pending.push(journal.commit([{ op: 'put', c: 'small', k: `k${i}`, v: { n: i, s: 'running' } }]));
      if (pending.length === 10_000) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    report('commit (fsync, single-put commits, 10000 in flight)', SMALL_PUTS, started);
    await journal.close();
    const replayStart = process.hrtime.bigint();
    const reopened = await Journal.open({ dir });
    report('replay small puts', reopened.recovered.get('small')?.size ?? 0, replayStart);
    await reopened.close();
  } finally {
    await remove();
  }
}

await tasksBench();
await smallPutsBench();
