import { describe, expect, it } from 'vitest';
import { causeTitle, groupingFromParam, MAX_RETRY_IDS, nodeComparison, retryBatch } from './failure-format';

const cause = { key: 'k', count: 1, taskIds: ['a'], sampleTaskId: 'a' };
const node = { nodeId: 'n1', count: 9, taskIds: [], sampleTaskId: 'a', poolMean: 1.1, suspect: true };

describe('failure formatting', () => {
  it('titles a cause group from what it has', () => {
    expect(causeTitle({ ...cause, exitCode: 1, code: 'FailureExitCode', category: 'userError' })).toBe('Exit code 1 · FailureExitCode (userError)');
    expect(causeTitle({ ...cause, code: 'TaskEnded' })).toBe('TaskEnded');
    expect(causeTitle({ ...cause, category: 'serverError' })).toBe('serverError');
    expect(causeTitle(cause)).toBe('No exit code or failure information');
  });

  it("compares a node's failures with its pool's mean", () => {
    expect(nodeComparison(node)).toBe('9 failures, 8.2× the pool mean of 1.1');
    expect(nodeComparison({ ...node, count: 1, poolMean: 0 })).toBe('1 failure');
  });

  it('sends at most one call worth of ids per retry', () => {
    const ids = Array.from({ length: MAX_RETRY_IDS + 5 }, (_, i) => `t${i}`);
    const batch = retryBatch(ids);
    expect(batch.ids).toHaveLength(MAX_RETRY_IDS);
    expect(batch.remaining).toBe(5);
    expect(retryBatch(['a'])).toEqual({ ids: ['a'], remaining: 0 });
  });

  it('reads the grouping from the URL', () => {
    expect(groupingFromParam('node')).toBe('node');
    expect(groupingFromParam(null)).toBe('cause');
    expect(groupingFromParam('bogus')).toBe('cause');
  });
});
