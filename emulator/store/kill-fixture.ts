// Child process for the kill -9 test: commits forever from several concurrent writers, compacting as it goes,
// and prints "ack <id>" only after each commit has resolved (i.e. is durable).
import { Journal, stateEntries, type JournalOp } from './index.js';
import { applyOps, taskValue } from './test-support.js';

const [dir, round] = process.argv.slice(2);
if (dir === undefined || round === undefined) throw new Error('usage: kill-fixture.ts <dir> <round>');

const journal = await Journal.open({ dir, compactThresholdBytes: 256 * 1024 });
const live = journal.recovered;
let next = 0;

async function writer(): Promise<never> {
  for (;;) {
    const seq = next++;
    const id = `${round}-${seq}`;
    const ops: JournalOp[] = [
      { op: 'put', c: 'acked', k: id, v: { id, task: taskValue(`round-${round}`, seq) } },
      { op: 'put', c: 'acked', k: `${id}-tmp`, v: seq },
      { op: 'del', c: 'acked', k: `${id}-tmp` },
    ];
    applyOps(live, ops);
    await journal.commit(ops);
    process.stdout.write(`ack ${id}\n`);
    if (journal.shouldCompact()) void journal.compact(() => stateEntries(live));
  }
}

process.stdout.write(`ready ${live.get('acked')?.size ?? 0}\n`);
await Promise.all(Array.from({ length: 8 }, writer));
