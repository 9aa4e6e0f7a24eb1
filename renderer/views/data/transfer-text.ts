// Words for uploads, downloads and deletes: the progress line, the finished summary, delete results.
import type { UploadState } from '../../api/storage';
import type { DeleteBlobsResult } from '../../../shared/models';
import { formatBytes } from '../files/text-bytes';

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/** Bytes sent so far: main's count when it has reported, else the bytes of the files already finished. */
export function uploadedBytes(state: Pick<UploadState, 'progress' | 'filesDone' | 'filesTotal' | 'bytesTotal'>): number {
  if (state.progress) return Math.min(state.bytesTotal, state.progress.bytesDone);
  return state.filesDone === state.filesTotal ? state.bytesTotal : 0;
}

/** Percent of the bytes sent (0-100), or undefined for an upload of empty files. */
export function uploadPercent(state: Pick<UploadState, 'progress' | 'filesDone' | 'filesTotal' | 'bytesTotal'>): number | undefined {
  if (state.bytesTotal <= 0) return undefined;
  return Math.min(100, Math.floor((uploadedBytes(state) / state.bytesTotal) * 100));
}

/** One line about a running upload: bytes, files and the file on its way. */
export function uploadProgressText(state: Pick<UploadState, 'progress' | 'filesDone' | 'filesTotal' | 'bytesTotal'>): string {
  const done = Math.max(state.filesDone, state.progress?.filesDone ?? 0);
  const percent = uploadPercent(state);
  const current = state.progress?.currentFile && done < state.filesTotal ? ` · ${state.progress.currentFile}` : '';
  return `Uploading ${formatBytes(uploadedBytes(state))} of ${formatBytes(state.bytesTotal)}${percent === undefined ? '' : ` (${percent}%)`} · ${done} of ${files(state.filesTotal)}${current}`;
}

/** The summary of a finished upload; failures are counted here and listed by the panel. */
export function uploadSummary(state: Pick<UploadState, 'outcome' | 'filesDone' | 'filesTotal' | 'bytesTotal' | 'failures' | 'error' | 'progress'>): string {
  const failed = Math.max(state.failures.length, state.progress?.failedFiles ?? 0);
  if (state.error) return `The upload did not start: ${state.error.message}`;
  if (state.outcome === 'cancelled') return `Upload cancelled after ${state.filesDone} of ${files(state.filesTotal)}`;
  if (failed) return `${failed} of ${files(state.filesTotal)} failed to upload; ${state.filesDone} uploaded`;
  if (state.outcome === 'failed') return `The upload failed${state.progress?.error ? `: ${state.progress.error}` : ''}`;
  return `Uploaded ${files(state.filesTotal)} (${formatBytes(state.bytesTotal)})`;
}

/** One line about a finished delete; a partial failure says how many and why. */
export function deleteResultText(result: DeleteBlobsResult): string {
  const deleted = result.deleted === 1 ? 'Deleted 1 blob' : `Deleted ${result.deleted} blobs`;
  if (!result.failed.length) return deleted;
  const first = result.failed[0]!;
  return `${deleted}; ${result.failed.length} could not be deleted (${first.name}: ${first.message})`;
}
