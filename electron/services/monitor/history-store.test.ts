import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { downsample, HistoryStore, MAX_POINTS, resolutionFor, RETENTION_MS, SAMPLE_INTERVAL_MS } from './history-store';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bl-history-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('downsampling', () => {
  it('keeps raw points for short ranges and averages long ones into buckets', () => {
    expect(resolutionFor(10 * 60_000)).toBe(SAMPLE_INTERVAL_MS);
    expect(resolutionFor(3600_000)).toBe(SAMPLE_INTERVAL_MS);
    const week = resolutionFor(RETENTION_MS);
    expect(week % SAMPLE_INTERVAL_MS).toBe(0);
    expect(RETENTION_MS / week).toBeLessThanOrEqual(MAX_POINTS);
    const points = [0, 10_000, 20_000, 30_000].map((t, i) => ({ t, values: { idle: i * 2, running: 1 } }));
    expect(downsample(points, 20_000)).toEqual([
      { t: 0, values: { idle: 1, running: 1 } },
      { t: 20_000, values: { idle: 5, running: 1 } },
    ]);
    expect(downsample(points, SAMPLE_INTERVAL_MS)).toEqual(points);
  });
});

describe('history store', () => {
  it('serves the recorded range and survives a restart', async () => {
    const d = dir();
    let now = 1_000_000_000;
    const store = new HistoryStore(d, () => now);
    for (let i = 0; i < 5; i++) {
      await store.record('local/pool/p1', { idle: i });
      now += SAMPLE_INTERVAL_MS;
    }
    const reopened = new HistoryStore(d, () => now);
    const series = await reopened.read('local/pool/p1', 10 * 60_000);
    expect(series.points.map((p) => p.values.idle)).toEqual([0, 1, 2, 3, 4]);
    expect(series.resolutionMs).toBe(SAMPLE_INTERVAL_MS);
    expect((await reopened.read('local/pool/p1', 25_000)).points.map((p) => p.values.idle)).toEqual([3, 4]);
  });

  it('drops points older than the retention window, in memory and on disk', async () => {
    const d = dir();
    let now = 5_000_000_000;
    const store = new HistoryStore(d, () => now);
    await store.record('a/job/j', { failed: 1 });
    now += RETENTION_MS + SAMPLE_INTERVAL_MS;
    await store.record('a/job/j', { failed: 2 });
    expect((await store.read('a/job/j', RETENTION_MS)).points.map((p) => p.values.failed)).toEqual([2]);
    const [file] = readdirSync(d);
    expect(readFileSync(join(d, file!), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('ignores a torn last line left by a crash', async () => {
    const d = dir();
    const now = 2_000_000_000;
    const store = new HistoryStore(d, () => now);
    await store.record('k', { idle: 7 });
    const [file] = readdirSync(d);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(d, file!), '{"t":20000000');
    const reopened = new HistoryStore(d, () => now);
    expect((await reopened.read('k', 60_000)).points).toEqual([{ t: now, values: { idle: 7 } }]);
  });

  it('downsamples a week of samples to at most MAX_POINTS', async () => {
    const d = dir();
    const start = 3_000_000_000;
    let now = start;
    const store = new HistoryStore(d, () => now);
    for (let t = start; t < start + RETENTION_MS; t += 60 * SAMPLE_INTERVAL_MS) {
      now = t;
      await store.record('k', { running: 3 });
    }
    const week = await store.read('k', RETENTION_MS);
    expect(week.points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(week.points.every((p) => p.values.running === 3)).toBe(true);
  });
});
