import { describe, expect, it } from 'vitest';
import { conditionText, destinationText, emptyOutputText, missedConditionText } from './outputs-model';

describe('task outputs', () => {
  const dest = { uploadCondition: 'taskSuccess' as const, filePattern: '**/*.txt' };

  it('say the task has not finished while it runs', () => {
    expect(emptyOutputText(dest, { state: 'running' })).toBe(
      'No output uploaded yet: the task is running, and taskSuccess (uploads when the task succeeds) applies once it completes',
    );
  });

  it('name the condition that did not match', () => {
    expect(emptyOutputText(dest, { state: 'completed', result: 'failure' })).toBe(
      'No output uploaded: the condition taskSuccess (uploads when the task succeeds) did not match, since the task failed',
    );
    expect(emptyOutputText({ ...dest, uploadCondition: 'taskFailure' }, { state: 'completed', result: 'success' })).toContain('since the task succeeded');
    expect(emptyOutputText(dest, { state: 'completed', result: 'success' })).toBe('No output uploaded: no file matched **/*.txt');
    expect(emptyOutputText({ ...dest, uploadCondition: 'taskCompletion' }, { state: 'completed', result: 'failure' })).toBe('No output uploaded: no file matched **/*.txt');
  });

  it('note a missed condition even where other uploads left blobs', () => {
    expect(missedConditionText('taskSuccess', { state: 'completed', result: 'failure' })).toBe(
      'The condition taskSuccess (uploads when the task succeeds) did not match, since the task failed: this task uploaded nothing here',
    );
    expect(missedConditionText('taskSuccess', { state: 'completed', result: 'success' })).toBeUndefined();
    expect(missedConditionText('taskFailure', { state: 'running' })).toBeUndefined();
    expect(missedConditionText('taskCompletion', { state: 'completed', result: 'failure' })).toBeUndefined();
  });

  it('word conditions and destinations', () => {
    expect(conditionText('taskCompletion')).toBe('when the task completes');
    expect(destinationText({ container: 'https://s.blob/c', path: 'out' })).toBe('https://s.blob/c / out');
    expect(destinationText({ container: 'https://s.blob/c' })).toBe('https://s.blob/c');
  });
});
