import { describe, expect, it } from 'vitest';
import { progressLabel, progressSegments, progressTotal } from './progress-segments';

const counts = (active: number, running: number, succeeded: number, failed: number) => ({
  active,
  running,
  succeeded,
  failed,
  completed: succeeded + failed,
});

describe('progressSegments', () => {
  it('stacks succeeded, failed, running, active with shares that add up to 1', () => {
    const segments = progressSegments(counts(3, 4, 2, 1));
    expect(segments.map((s) => [s.key, s.count])).toEqual([
      ['succeeded', 2],
      ['failed', 1],
      ['running', 4],
      ['active', 3],
    ]);
    expect(segments.map((s) => s.fraction)).toEqual([0.2, 0.1, 0.4, 0.3]);
    expect(segments.reduce((sum, s) => sum + s.fraction, 0)).toBeCloseTo(1);
  });

  it('drops empty states and draws nothing for an empty job or missing counts', () => {
    expect(progressSegments(counts(0, 0, 5, 0)).map((s) => s.key)).toEqual(['succeeded']);
    expect(progressSegments(counts(0, 0, 0, 0))).toEqual([]);
    expect(progressSegments(undefined)).toEqual([]);
  });

  it('treats negative counts as zero', () => {
    expect(progressSegments(counts(-1, 1, 0, 0))).toEqual([{ key: 'running', label: 'Running', count: 1, fraction: 1 }]);
  });
});

describe('progressTotal and progressLabel', () => {
  it('counts completed once, through succeeded and failed', () => {
    expect(progressTotal(counts(3, 4, 2, 1))).toBe(10);
    expect(progressLabel(counts(3, 4, 2, 1))).toBe('3 of 10 done: 2 succeeded, 1 failed, 4 running, 3 active');
  });

  it('says when there is nothing to show', () => {
    expect(progressLabel(undefined)).toBe('Task counts not loaded');
    expect(progressLabel(counts(0, 0, 0, 0))).toBe('No tasks');
  });
});
