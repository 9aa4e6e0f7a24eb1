// Opens a job of a million tasks in the real task list (built web host + Chromium), jumps to 25, 50, 75 and 100% of
// it, and prints how long each jump takes until every row on screen is filled, the renderer's JS heap (peak and after
// garbage collection) and the web host's peak RSS, where the index lives.
// Run after `npx electron-vite build`: `npx tsx bench/task-list/bench.ts [--tasks 1000000]`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from '@playwright/test';
import { launchChromium } from '../../e2e/support/browsers';
import { startBenchHost, type BenchHost } from '../files/host';

const ACCOUNT = 'local';
const JOB = 'bench-task-list';
const ADD_BATCH = 100_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const TASKS = arg('tasks', 1_000_000);
const INDEX_TIMEOUT_MS = 10 * 60_000;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const count = (n: number) => n.toLocaleString('en-US');

/** Adds the job's tasks through the contract, 100,000 per call; the pool has no nodes, so every task stays active. */
async function fill(bench: BenchHost): Promise<void> {
  await bench.call('jobs.add', { accountId: ACCOUNT, job: { id: JOB, poolInfo: { poolId: 'no-nodes' } } });
  const started = performance.now();
  for (let from = 0; from < TASKS; from += ADD_BATCH) {
    const tasks = [];
    for (let i = from; i < Math.min(TASKS, from + ADD_BATCH); i++) {
      tasks.push({ id: `task-${String(i).padStart(7, '0')}`, commandLine: '/bin/true', ...(i % 4 === 0 ? { displayName: `Frame ${i}` } : {}) });
    }
    const results = await bench.call('tasks.add', { accountId: ACCOUNT, jobId: JOB, operationId: `bench-add-${from}`, tasks });
    const failed = results.filter((r) => !r.ok);
    if (failed.length) throw new Error(`${failed.length} tasks were not added: ${JSON.stringify(failed[0])}`);
  }
  console.log(`added ${count(TASKS)} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The renderer's JS heap in use; after a full collection when `collect` is set. */
async function heap(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Peak RSS of a process (Linux `VmHWM`), or undefined where /proc is missing. */
function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The few DOM members the page-side check reads (this file is compiled without DOM types). */
interface PageElement {
  getBoundingClientRect(): { top: number; bottom: number };
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

/** Runs in the page: the id of the first row on screen once every row on screen is filled, else ''. */
function rowsOnScreen(): string {
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<PageElement> } }).document;
  const body = Array.from(doc.querySelectorAll('[data-testid="tasks-table"] [role="rowgroup"]'))[1]?.getBoundingClientRect();
  const rows = Array.from(doc.querySelectorAll('[data-testid="tasks-table"] [role="row"][aria-rowindex]')).filter((r) => {
    const box = r.getBoundingClientRect();
    return body !== undefined && box.bottom > body.top && box.top < body.bottom;
  });
  return rows.length > 0 && rows.every((r) => r.hasAttribute('data-row-id')) ? (rows[0]?.getAttribute('data-row-id') ?? '') : '';
}

/** Scrolls the list body to a fraction of its height and waits until no row on screen is a placeholder. */
async function jump(page: Page, fraction: number): Promise<{ ms: number; firstId: string }> {
  const body = page.getByTestId('tasks-table').locator('[role="rowgroup"]').nth(1);
  const started = performance.now();
  await body.evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
  const filled = await page.waitForFunction(rowsOnScreen, undefined, { polling: 'raf', timeout: 30_000 });
  const elapsed = performance.now() - started;
  return { ms: elapsed, firstId: await filled.jsonValue() };
}

async function main(): Promise<void> {
  const bench = await startBenchHost();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    await fill(bench);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(bench.host.url);
    await page.getByTestId('status-bar').waitFor();
    const heapAtStart = await heap(cdp, true);
    const opened = performance.now();
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/jobs/${JOB}`);
    await page.getByTestId('tasks-table').locator('[data-row-id]').first().waitFor({ timeout: 60_000 });
    console.log(`job page until the first rows show: ${ms(performance.now() - opened)}`);
    await page.getByTestId('task-index-status').filter({ hasText: new RegExp(`^${count(TASKS)} tasks ·`) }).waitFor({ timeout: INDEX_TIMEOUT_MS });
    console.log(`job page until the index holds every task: ${((performance.now() - opened) / 1000).toFixed(1)} s`);
    const rowCount = Number(await page.getByTestId('tasks-table').getAttribute('data-row-count'));
    if (rowCount !== TASKS) problems.push(`the list has ${rowCount} rows, not ${TASKS}`);

    let peak = await heap(cdp, false);
    const jumps: string[] = [];
    for (const fraction of [0.25, 0.5, 0.75, 1, 0]) {
      const { ms: took, firstId } = await jump(page, fraction);
      peak = Math.max(peak, await heap(cdp, false));
      const at = Number(firstId.replace('task-', ''));
      // The row at the top should sit near the fraction of the list that was scrolled to.
      if (!(Math.abs(at - fraction * TASKS) <= Math.max(100, TASKS * 0.01))) problems.push(`after a jump to ${fraction * 100}% the first row was ${firstId}`);
      jumps.push(`${fraction * 100}%: ${ms(took)} (${firstId})`);
    }
    console.log(`jumps until every row on screen is filled: ${jumps.join(', ')}`);
    const settled = await heap(cdp, true);
    console.log(`renderer JS heap: ${mb(heapAtStart)} before opening the job, peak ${mb(peak)} while scrolling, ${mb(settled)} after GC`);
    const rss = peakRss(bench.host.pid);
    console.log(`web host (main side) peak RSS: ${rss === undefined ? 'n/a (no /proc)' : mb(rss)}`);
  } finally {
    await browser.close();
    await bench.host.stop();
  }
  if (problems.length) {
    for (const problem of problems) console.error(`WRONG: ${problem}`);
    process.exit(1);
  }
  console.log('task list benchmark: rows matched their positions');
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
