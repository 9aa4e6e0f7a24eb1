import { describe, expect, it } from 'vitest';
import { newOperationId, progressView, summarizeResults, summaryLine } from './bulk-summary';

describe('summarizeResults', () => {
  const results = [
    { id: 'a', ok: true },
    { id: 'b', ok: false, code: 'TaskExists', message: 'exists' },
    { id: 'c', ok: false, code: 'TaskCompleted' },
    { id: 'd', ok: false, code: 'TaskExists' },
    { id: 'e', ok: false },
  ];

  it('counts outcomes and keeps the failures in order', () => {
    const summary = summarizeResults(results);
    expect(summary).toMatchObject({ total: 5, succeeded: 1, failed: 4 });
    expect(summary.failures.map((f) => f.id)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('groups failure codes, most frequent first', () => {
    expect(summarizeResults(results).codes).toEqual([
      { code: 'TaskExists', count: 2 },
      { code: 'TaskCompleted', count: 1 },
      { code: 'Unknown', count: 1 },
    ]);
  });

  it('reads as one line', () => {
    expect(summaryLine(summarizeResults(results))).toBe('1 of 5 succeeded; 4 failed (TaskExists × 2, TaskCompleted × 1, Unknown × 1)');
    expect(summaryLine(summarizeResults([{ id: 'a', ok: true }]))).toBe('1 of 1 succeeded');
  });
});

describe('progressView', () => {
  it('is empty before the first event and follows done/total after', () => {
    expect(progressView(undefined, 200)).toEqual({ value: 0, text: '0 of 200 done' });
    expect(progressView({ operationId: 'op', done: 50, total: 200, failed: 3 }, 200)).toEqual({ value: 0.25, text: '50 of 200 done, 3 failed' });
    expect(progressView({ operationId: 'op', done: 300, total: 200, failed: 0 }, 200).value).toBe(1);
    expect(progressView(undefined, 0).value).toBe(0);
  });
});

describe('newOperationId', () => {
  it('fits the contract pattern and differs each time', () => {
    const a = newOperationId();
    const b = newOperationId();
    expect(a).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('is built from the random bytes it is given', () => {
    expect(newOperationId((bytes) => bytes.fill(255))).toBe(`op-${'ff'.repeat(12)}`);
  });
});
