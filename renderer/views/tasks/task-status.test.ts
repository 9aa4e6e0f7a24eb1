import { describe, expect, it } from 'vitest';
import { jobStatus, taskStatus } from './task-status';

describe('taskStatus', () => {
  it('splits completed tasks by result', () => {
    expect(taskStatus({ state: 'completed', result: 'failure' })).toEqual({ label: 'failed', tone: 'danger' });
    expect(taskStatus({ state: 'completed', result: 'success' })).toEqual({ label: 'succeeded', tone: 'success' });
    expect(taskStatus({ state: 'completed' })).toEqual({ label: 'completed', tone: 'success' });
  });

  it('names the other states and copes with an unknown one', () => {
    expect(taskStatus({ state: 'running' }).label).toBe('running');
    expect(taskStatus({ state: 'active' }).tone).toBe('informative');
    expect(taskStatus({})).toEqual({ label: 'unknown', tone: 'subtle' });
  });
});

describe('jobStatus', () => {
  it('colours transitional states as warnings and deleting as danger', () => {
    expect(jobStatus('terminating').tone).toBe('warning');
    expect(jobStatus('deleting').tone).toBe('danger');
    expect(jobStatus('completed')).toEqual({ label: 'completed', tone: 'success' });
    expect(jobStatus(undefined).label).toBe('unknown');
  });
});
