import { describe, expect, it } from 'vitest';
import type { UploadState } from '../../api/storage';
import { deleteResultText, uploadPercent, uploadProgressText, uploadSummary } from './transfer-text';

const base: UploadState = { operationId: 'up-1', running: true, filesTotal: 4, bytesTotal: 4096, filesDone: 0, progress: undefined, outcome: undefined, failures: [], error: null };
const progress = { operationId: 'up-1', direction: 'upload' as const, bytesDone: 2048, bytesTotal: 4096, filesDone: 1, filesTotal: 4, currentFile: 'dir/b.txt' };

describe('upload progress', () => {
  it('uses main\'s byte count and names the current file', () => {
    const state = { ...base, filesDone: 1, progress };
    expect(uploadPercent(state)).toBe(50);
    expect(uploadProgressText(state)).toBe('Uploading 2.0 KiB of 4.0 KiB (50%) · 1 of 4 files · dir/b.txt');
  });

  it('starts at zero before main reports and has no percentage for empty files', () => {
    expect(uploadProgressText(base)).toBe('Uploading 0 B of 4.0 KiB (0%) · 0 of 4 files');
    expect(uploadPercent({ ...base, bytesTotal: 0 })).toBeUndefined();
  });
});

describe('upload summary', () => {
  it('says what happened, failures counted', () => {
    expect(uploadSummary({ ...base, outcome: 'done', filesDone: 4 })).toBe('Uploaded 4 files (4.0 KiB)');
    expect(uploadSummary({ ...base, outcome: 'cancelled', filesDone: 2 })).toBe('Upload cancelled after 2 of 4 files');
    expect(uploadSummary({ ...base, outcome: 'failed', filesDone: 3, failures: [{ path: 'x', message: 'm' }] })).toBe('1 of 4 files failed to upload; 3 uploaded');
    expect(uploadSummary({ ...base, outcome: 'failed', error: Object.assign(new Error('container gone'), { code: 'NotFound' }) as never })).toBe(
      'The upload did not start: container gone',
    );
  });

  it('words deletes, partial failures included', () => {
    expect(deleteResultText({ deleted: 1, failed: [] })).toBe('Deleted 1 blob');
    expect(deleteResultText({ deleted: 3, failed: [{ name: 'a', message: 'leased' }, { name: 'b', message: 'leased' }] })).toBe(
      'Deleted 3 blobs; 2 could not be deleted (a: leased)',
    );
  });
});
