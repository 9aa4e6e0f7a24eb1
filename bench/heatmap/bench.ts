// Opens a pool of 20,000 emulated nodes in the real pool page (built web host + Chromium) and prints how long the node
// heatmap takes to draw, from the `heatmap-draw` User Timing measures the page records, and the renderer's JS heap.
// Run after `npx electron-vite build`: `npx tsx bench/heatmap/bench.ts [--nodes 20000] [--redraws 40]`.
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../../e2e/support/browsers';
import { poolSpec } from '../../e2e/support/api';
import { startBenchHost, type BenchHost } from '../files/host';

const ACCOUNT = 'local';
const POOL = 'bench-heatmap';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const NODES = arg('nodes', 20_000);
const REDRAWS = arg('redraws', 40);
const POLLS = arg('polls', 3);
// Creating and starting 20,000 simulated nodes is bounded by the emulator, not the UI; give up well before CI would.
const READY_TIMEOUT_MS = 10 * 60_000;
const FRAME_BUDGET_MS = 16;

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The value at quantile `q` (0…1) of the samples, nearest rank. */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Creates the pool and waits until every node has left the allocation states; answers how long that took. */
async function createPool(bench: BenchHost): Promise<{ ms: number; states: string }> {
  const start = performance.now();
  await bench.call('pools.add', { accountId: ACCOUNT, pool: poolSpec(POOL, NODES) });
  for (;;) {
    const nodes = await bench.call('nodes.list', { accountId: ACCOUNT, poolId: POOL });
    const byState = new Map<string, number>();
    for (const node of nodes) byState.set(node.state ?? 'unknown', (byState.get(node.state ?? 'unknown') ?? 0) + 1);
    const states = [...byState].map(([s, n]) => `${s}:${n}`).join(',');
    if (nodes.length === NODES && byState.get('idle') === NODES) return { ms: performance.now() - start, states };
    if (performance.now() - start > READY_TIMEOUT_MS) throw new Error(`the pool did not reach ${NODES} idle nodes in time (${nodes.length} nodes: ${states})`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** The `heatmap-draw` measures the page has recorded so far, in ms. */
function drawTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('heatmap-draw', 'measure').map((e) => e.duration));
}

async function main(): Promise<void> {
  const bench = await startBenchHost();
  const browser = await launchChromium(['--enable-precise-memory-info']);
  try {
    const created = await createPool(bench);
    console.log(`pool of ${NODES.toLocaleString('en-US')} nodes: all idle ${(created.ms / 1000).toFixed(1)} s after pools.add (${created.states})`);
    const t = performance.now();
    await bench.call('nodes.list', { accountId: ACCOUNT, poolId: POOL });
    console.log(`nodes.list of the whole pool through the web host: ${ms(performance.now() - t)}`);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(bench.host.url);
    await page.getByTestId('status-bar').waitFor();
    const openStart = performance.now();
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/pools/${POOL}`);
    await page.locator(`[data-testid="node-heatmap"][data-node-count="${NODES}"]`).waitFor({ timeout: 120_000 });
    console.log(`pool page until the heatmap holds every node: ${ms(performance.now() - openStart)}`);

    // Polls bring the same data (nothing changes on an idle pool), so width changes force full redraws: each is a
    // new layout of every cell, as a window resize or a poll with changed nodes would cause.
    for (let i = 0; i < REDRAWS; i++) {
      await page.setViewportSize({ width: i % 2 === 0 ? 1300 : 1400, height: 900 });
      await page.waitForTimeout(50);
    }
    // And a few real polls (the node list refreshes every 5 s), whose draws are counted too if the data moved.
    await page.waitForTimeout(POLLS * 5_000);
    const draws = await drawTimes(page);
    if (draws.length === 0) throw new Error('the page recorded no heatmap-draw measures');
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const median = quantile(draws, 0.5);
    const p99 = quantile(draws, 0.99);
    console.log(`\n| Measure (${NODES.toLocaleString('en-US')} nodes, ${draws.length} draws) | Target | Median | p99 | Worst |\n|---|---|---|---|---|`);
    console.log(`| Heatmap full redraw (heatmap-draw) | < ${FRAME_BUDGET_MS} ms | ${ms(median)} | ${ms(p99)} | ${ms(Math.max(...draws))} |`);
    console.log(`| Renderer JS heap on the pool page | — | ${(heap / 1e6).toFixed(0)} MB | | |`);
  } finally {
    await browser.close();
    await bench.host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
