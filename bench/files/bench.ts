// Opens a 200 MB stdout.txt in the real viewer (built web host + Chromium) and times the first and last screens.
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../../e2e/support/browsers';
import { poolSpec } from '../../e2e/support/api';
import { startBenchHost, type BenchHost } from './host';

const ACCOUNT = 'local';
const JOB = 'bench-files';
const TASK = 'big-stdout';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const MEGABYTES = arg('mb', 200);
const RUNS = arg('runs', 5);
// Each line is 100 bytes, numbered from 1, so the first and last lines are known exactly.
const LINES = Math.round((MEGABYTES * 1_000_000) / 100);
const lineText = (n: number) => `${String(n).padStart(10, '0')} INFO worker`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function writeBigStdout(bench: BenchHost): Promise<number> {
  // The emulator splits command lines like a POSIX node without a shell, so awk gets its program as one quoted word.
  const commandLine = `awk 'BEGIN { for (i = 1; i <= ${LINES}; i++) printf "%010d INFO worker processed item with a payload of fixed width so lines are 100 bytes long....\\n", i }'`;
  await bench.call('pools.add', { accountId: ACCOUNT, pool: poolSpec('bench-files-pool', 1) });
  await bench.call('jobs.add', { accountId: ACCOUNT, job: { id: JOB, poolInfo: { poolId: 'bench-files-pool' } } });
  await bench.call('tasks.add', { accountId: ACCOUNT, jobId: JOB, operationId: 'bench-files-1', tasks: [{ id: TASK, commandLine }] });
  for (;;) {
    const task = await bench.call('tasks.get', { accountId: ACCOUNT, jobId: JOB, taskId: TASK });
    if (task.state === 'completed') {
      if (task.exitCode !== 0) throw new Error(`the writer task failed with exit code ${task.exitCode}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const props = await bench.call('files.properties', { accountId: ACCOUNT, source: { kind: 'task', jobId: JOB, taskId: TASK }, path: 'stdout.txt' });
  return props.size;
}

/** An in-app route change, as a click on a link would make it. */
async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((value) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = value;
  }, hash);
}

/** Types a position into the viewer's Go to box and submits it. */
async function goTo(page: Page, position: string): Promise<void> {
  await page.getByTestId('viewer-goto').fill(position);
  await page.keyboard.press('Enter');
}

/** Time from a route change until `text` is on screen in the viewer. */
async function timeUntilVisible(page: Page, act: () => Promise<void>, text: string): Promise<number> {
  const start = performance.now();
  await act();
  await page.getByTestId('viewer-lines').getByText(text).first().waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - start;
}

async function serviceFigures(bench: BenchHost) {
  const source = { kind: 'task', jobId: JOB, taskId: TASK } as const;
  const first: number[] = [];
  const tail: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await bench.call('files.read', { accountId: ACCOUNT, source, path: 'stdout.txt', offset: 0, length: 256 * 1024 });
    first.push(performance.now() - t);
    t = performance.now();
    await bench.call('files.tail', { accountId: ACCOUNT, source, path: 'stdout.txt', lines: 200 });
    tail.push(performance.now() - t);
  }
  return { first, tail };
}

async function main(): Promise<void> {
  const bench = await startBenchHost();
  const browser = await launchChromium();
  try {
    const writeStart = performance.now();
    const size = await writeBigStdout(bench);
    console.log(`stdout.txt: ${(size / 1e6).toFixed(1)} MB, ${LINES.toLocaleString()} lines (written by a task in ${ms(performance.now() - writeStart)})`);
    const service = await serviceFigures(bench);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(bench.host.url);
    await page.getByTestId('status-bar').waitFor();
    const viewerHash = `#/jobs/${JOB}/tasks/${TASK}/files?file=stdout.txt`;
    const firstScreen: number[] = [];
    const lastLine: number[] = [];
    const middle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await setHash(page, '#/jobs');
      await page.getByRole('heading', { name: 'Jobs' }).first().waitFor();
      firstScreen.push(await timeUntilVisible(page, () => setHash(page, viewerHash), lineText(1)));
      lastLine.push(await timeUntilVisible(page, () => page.getByTestId('viewer-end').click(), lineText(LINES)));
      // Half way in, a few lines past the jump point so the line cut by the jump does not matter.
      middle.push(await timeUntilVisible(page, () => goTo(page, '50%'), lineText(LINES / 2 + 10)));
    }
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const row = (name: string, xs: number[]) => `| ${name} | < 1,000 ms | ${ms(median(xs))} | ${ms(Math.max(...xs))} |`;
    console.log(`\n| Measure (${RUNS} runs) | Target | Median | Worst |\n|---|---|---|---|`);
    console.log(row('Viewer: open stdout.txt until its first line shows', firstScreen));
    console.log(row('Viewer: End until the last line shows', lastLine));
    console.log(row('Viewer: go to 50% until that line shows', middle));
    console.log(`| Renderer JS heap after the runs | — | ${(heap / 1e6).toFixed(0)} MB | |`);
    console.log(row('Service: files.read of the first 256 KiB', service.first));
    console.log(row('Service: files.tail of the last 200 lines', service.tail));
  } finally {
    await browser.close();
    await bench.host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
