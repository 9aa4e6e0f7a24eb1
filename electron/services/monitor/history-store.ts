import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartSeries } from '../../../shared/models';

/** Samples are taken every 10 s and kept for 7 days. */
export const SAMPLE_INTERVAL_MS = 10_000;
export const RETENTION_MS = 7 * 24 * 3600_000;
/** Long ranges are averaged down to about this many points, so a 7-day chart stays light. */
export const MAX_POINTS = 720;

export interface Point {
  t: number;
  values: Record<string, number>;
}

/** Averages points into buckets of `resolutionMs` (keyed by bucket start), so long ranges keep their shape. */
export function downsample(points: readonly Point[], resolutionMs: number): Point[] {
  if (resolutionMs <= SAMPLE_INTERVAL_MS) return [...points];
  const buckets = new Map<number, { sums: Record<string, number>; counts: Record<string, number> }>();
  for (const point of points) {
    const start = Math.floor(point.t / resolutionMs) * resolutionMs;
    let bucket = buckets.get(start);
    if (!bucket) buckets.set(start, (bucket = { sums: {}, counts: {} }));
    for (const [name, value] of Object.entries(point.values)) {
      bucket.sums[name] = (bucket.sums[name] ?? 0) + value;
      bucket.counts[name] = (bucket.counts[name] ?? 0) + 1;
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, { sums, counts }]) => ({
      t,
      values: Object.fromEntries(Object.entries(sums).map(([name, sum]) => [name, Math.round((sum / counts[name]!) * 100) / 100])),
    }));
}

/** The resolution a range is served at: raw up to MAX_POINTS samples, else a whole multiple of the sample interval. */
export function resolutionFor(rangeMs: number): number {
  const raw = Math.ceil(rangeMs / SAMPLE_INTERVAL_MS);
  return raw <= MAX_POINTS ? SAMPLE_INTERVAL_MS : Math.ceil(raw / MAX_POINTS) * SAMPLE_INTERVAL_MS;
}

/**
 * Chart history: one append-only JSON-lines file per series in `<data>/history/`, loaded on first use, trimmed to
 * the retention window (and rewritten) when loaded, so history survives restarts and never grows without bound.
 */
export class HistoryStore {
  private readonly series = new Map<string, Point[]>();
  private readonly loading = new Map<string, Promise<Point[]>>();
  private readonly expiredSinceRewrite = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private file(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.jsonl`);
  }

  private load(key: string): Promise<Point[]> {
    const cached = this.series.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const cutoff = this.now() - RETENTION_MS;
        let points: Point[] = [];
        let text = '';
        try {
          text = await readFile(this.file(key), 'utf8');
        } catch {
          // No history yet for this series.
        }
        const lines = text.split('\n').filter(Boolean);
        for (const line of lines) {
          try {
            const p = JSON.parse(line) as Point;
            if (typeof p.t === 'number' && p.t >= cutoff && p.values && typeof p.values === 'object') points.push(p);
          } catch {
            // A torn last line from a crash is dropped; the rest of the history stays.
          }
        }
        points = points.sort((a, b) => a.t - b.t);
        if (points.length !== lines.length) {
          await mkdir(this.dir, { recursive: true });
          await writeFile(this.file(key), points.map((p) => JSON.stringify(p)).join('\n') + (points.length ? '\n' : ''));
        }
        this.series.set(key, points);
        return points;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Records one sample and appends it to the series' file. */
  async record(key: string, values: Record<string, number>, t = this.now()): Promise<void> {
    const points = await this.load(key);
    const cutoff = t - RETENTION_MS;
    let expired = 0;
    while (points[expired] && points[expired]!.t < cutoff) expired++;
    points.splice(0, expired);
    points.push({ t, values });
    await mkdir(this.dir, { recursive: true });
    // Expired points leave the file too once they are a sizeable share, so a long-running app stays bounded on disk.
    this.expiredSinceRewrite.set(key, (this.expiredSinceRewrite.get(key) ?? 0) + expired);
    if ((this.expiredSinceRewrite.get(key) ?? 0) > points.length / 10) {
      this.expiredSinceRewrite.set(key, 0);
      await writeFile(this.file(key), points.map((p) => JSON.stringify(p)).join('\n') + '\n');
    } else {
      await appendFile(this.file(key), `${JSON.stringify({ t, values })}\n`);
    }
  }

  /** The last `rangeMs` of a series, downsampled for long ranges. */
  async read(key: string, rangeMs: number): Promise<ChartSeries> {
    const points = await this.load(key);
    const from = this.now() - rangeMs;
    const resolutionMs = resolutionFor(rangeMs);
    return { key, resolutionMs, points: downsample(points.filter((p) => p.t >= from), resolutionMs) };
  }
}
