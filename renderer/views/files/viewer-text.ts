// Words and numbers of the viewer's chrome: "Go to" input, the position line, download and missing-file messages.
import type { DownloadProgress, DownloadResult } from '../../../shared/models';
import { formatBytes } from './text-bytes';

/** Where a "Go to" entry points: a byte offset, or why it cannot be read. */
export type GoTo = { ok: true; offset: number } | { ok: false; message: string };

/** Reads "Go to" text: a percentage ("50%"), a byte offset ("123456", "1_000", "0x1f00"). */
export function parseGoTo(text: string, size: number): GoTo {
  const trimmed = text.trim().replace(/[_,\s](?=\d)/g, '');
  if (!trimmed) return { ok: false, message: 'Type a percentage like 50% or a byte offset like 1048576' };
  const last = Math.max(0, size - 1);
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) {
    const value = Number(percent[1]);
    if (value > 100) return { ok: false, message: 'A percentage goes up to 100%' };
    return { ok: true, offset: Math.min(last, Math.floor((size * value) / 100)) };
  }
  const offset = /^0x[0-9a-f]+$/i.test(trimmed) ? Number.parseInt(trimmed.slice(2), 16) : /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(offset)) return { ok: false, message: `"${text.trim()}" is neither a percentage nor a byte offset` };
  if (offset > size) return { ok: false, message: `Byte ${offset} is past the end of the file (${size} bytes)` };
  return { ok: true, offset: Math.min(last, offset) };
}

/** "bytes 1.0 MiB–5.0 MiB of 3.2 GiB (31%)": what part of the file is loaded, and how far in it starts. */
export function spanText(start: number, end: number, size: number): string {
  if (size <= 0) return 'Empty file';
  const percent = Math.floor((start / size) * 100);
  return `Loaded ${formatBytes(start)}–${formatBytes(end)} of ${formatBytes(size)} (${percent}%)`;
}

/** Percent done of a desktop download, when its total is known. */
export function downloadPercent(progress: DownloadProgress | undefined): number | undefined {
  if (!progress?.bytesTotal) return undefined;
  return Math.min(100, Math.floor((progress.bytesDone / progress.bytesTotal) * 100));
}

/** One line about a running desktop download. */
export function progressText(progress: DownloadProgress | undefined): string {
  if (!progress) return 'Starting the download…';
  const bytes = progress.bytesTotal ? `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}` : formatBytes(progress.bytesDone);
  const percent = downloadPercent(progress);
  const files = progress.filesTotal !== undefined && progress.filesTotal > 1 ? ` · ${progress.filesDone} of ${progress.filesTotal} files` : '';
  return `Downloading ${bytes}${percent === undefined ? '' : ` (${percent}%)`}${files}`;
}

/** One line about a finished download. */
export function resultText(result: DownloadResult): string {
  if (result.kind === 'cancelled') return 'Download cancelled';
  if (result.kind === 'browser') return `Your browser is downloading ${result.fileName}`;
  const files = result.files === 1 ? '1 file' : `${result.files} files`;
  return `Saved ${files} (${formatBytes(result.bytes)}) to ${result.destination}`;
}

/** True when a call failed because the file (or its task or node) does not exist. */
export function isNotFound(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 404;
}

/** What a missing file says: "No stderr.txt on this task". */
export function missingFileText(path: string, kind: 'task' | 'node'): string {
  return `No ${path} on this ${kind}`;
}
