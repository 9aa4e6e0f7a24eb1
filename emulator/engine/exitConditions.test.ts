import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../model/records.js';
import { completionOf, exitOptionsFor, type ExitConditions } from './exitConditions.js';

const conditions: ExitConditions = {
  exitCodes: [{ code: 3, exitOptions: { jobAction: 'disable' } }, { code: 0, exitOptions: { dependencyAction: 'block' } }],
  exitCodeRanges: [{ start: 1, end: 10, exitOptions: { jobAction: 'none', dependencyAction: 'satisfy' } }],
  preProcessingError: { jobAction: 'none' },
  default: { dependencyAction: 'satisfy' },
};

function completed(exec: Partial<TaskRecord['exec']>): TaskRecord {
  return { id: 't', props: {}, creationTime: 0, state: 'completed', stateTime: 0, eTag: '', lastModified: 0, exec: { retryCount: 0, requeueCount: 0, ...exec } };
}

describe('exit conditions', () => {
  it('prefers an exact exit code, then a range, then default, filling unset options per outcome', () => {
    expect(exitOptionsFor(conditions, { kind: 'exit', exitCode: 3 })).toEqual({ jobAction: 'disable', dependencyAction: 'block' });
    expect(exitOptionsFor(conditions, { kind: 'exit', exitCode: 7 })).toEqual({ jobAction: 'none', dependencyAction: 'satisfy' });
    expect(exitOptionsFor(conditions, { kind: 'exit', exitCode: 42 })).toEqual({ jobAction: 'terminate', dependencyAction: 'satisfy' });
    expect(exitOptionsFor(conditions, { kind: 'exit', exitCode: 0 })).toEqual({ jobAction: 'none', dependencyAction: 'block' });
  });

  it('never applies default to exit code 0 and defaults to terminate/block for failures', () => {
    expect(exitOptionsFor({ default: { jobAction: 'disable' } }, { kind: 'exit', exitCode: 0 })).toEqual({ jobAction: 'none', dependencyAction: 'satisfy' });
    expect(exitOptionsFor(undefined, { kind: 'exit', exitCode: 1 })).toEqual({ jobAction: 'terminate', dependencyAction: 'block' });
  });

  it('uses preProcessingError and fileUploadError before default, and an exit code mapping before fileUploadError', () => {
    expect(exitOptionsFor(conditions, { kind: 'preProcessingError' })).toEqual({ jobAction: 'none', dependencyAction: 'block' });
    expect(exitOptionsFor({ default: { jobAction: 'disable' } }, { kind: 'preProcessingError' }).jobAction).toBe('disable');
    expect(exitOptionsFor({ fileUploadError: { jobAction: 'none' } }, { kind: 'fileUploadError', exitCode: 0 }).jobAction).toBe('none');
    expect(exitOptionsFor(conditions, { kind: 'fileUploadError', exitCode: 3 }).jobAction).toBe('disable');
    expect(exitOptionsFor(conditions, { kind: 'fileUploadError', exitCode: 0 }).dependencyAction).toBe('block');
  });

  it('gives a task ended by a user no job action and blocks its dependents', () => {
    expect(exitOptionsFor(conditions, { kind: 'ended' })).toEqual({ jobAction: 'none', dependencyAction: 'block' });
  });

  it('reads the completion from a task record', () => {
    expect(completionOf(completed({ exitCode: 2, failureInfo: { category: 'userError', code: 'FailureExitCode', message: '' } }))).toEqual({ kind: 'exit', exitCode: 2 });
    expect(completionOf(completed({ failureInfo: { category: 'userError', code: 'CommandProgramNotFound', message: '' } }))).toEqual({ kind: 'preProcessingError' });
    expect(completionOf(completed({ exitCode: 0, failureInfo: { category: 'userError', code: 'FileUploadAccessDenied', message: '' } }))).toEqual({ kind: 'fileUploadError', exitCode: 0 });
    expect(completionOf(completed({ failureInfo: { category: 'userError', code: 'TaskEnded', message: '' } }))).toEqual({ kind: 'ended' });
    expect(completionOf({ ...completed({}), state: 'running' })).toBeUndefined();
  });

  it('counts resource file and application package failures as pre-processing errors', () => {
    for (const code of ['BlobNotFound', 'BlobDownloadMiscError', 'ResourceContainerAccessDenied', 'ApplicationPackageError']) {
      expect(completionOf(completed({ failureInfo: { category: 'userError', code, message: '' } })), code).toEqual({ kind: 'preProcessingError' });
    }
  });
});
