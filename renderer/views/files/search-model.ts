// Search within the viewer: matches among the loaded rows, stepping between them, and highlight segments of one row.
import type { FileMatch } from '../../../shared/models';
import { utf8Length } from './text-bytes';
import type { Row } from './viewer-window';

/** Most matches collected among the loaded rows; past it the count shows as "N+". */
export const MAX_MATCHES = 100_000;

/** One match among the loaded rows. */
export interface Match {
  /** Index of the row in the window. */
  index: number;
  /** Character index of the match in the row's text, and its length in characters. */
  col: number;
  length: number;
  /** Byte offset of the match in the file, comparable with `files.find` answers. */
  offset: number;
}

// Main matches case-insensitively on ASCII letters only (a byte-level scan); folding the same way keeps both in step.
const foldAscii = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/** Every match of `query` in the rows (within one row; a query never spans lines), up to `limit`. */
export function findMatches(rows: readonly Row[], query: string, matchCase: boolean, limit = MAX_MATCHES): Match[] {
  if (!query) return [];
  const needle = matchCase ? query : foldAscii(query);
  const out: Match[] = [];
  rows.forEach((row, index) => {
    if (out.length >= limit) return;
    const hay = matchCase ? row.text : foldAscii(row.text);
    let at = hay.indexOf(needle);
    while (at >= 0 && out.length < limit) {
      out.push({ index, col: at, length: needle.length, offset: row.start + utf8Length(row.text.slice(0, at)) });
      at = hay.indexOf(needle, at + Math.max(1, needle.length));
    }
  });
  return out;
}

/** The matches of each row, for highlighting. */
export function matchesByRow(matches: readonly Match[]): Map<number, Match[]> {
  const out = new Map<number, Match[]>();
  for (const match of matches) {
    const list = out.get(match.index);
    if (list) list.push(match);
    else out.set(match.index, [match]);
  }
  return out;
}

/**
 * The next loaded match after byte `from` (forward) or before it (backward); `inclusive` also takes a match at
 * `from` itself (the first search from the top of the screen).
 */
export function nextLoadedMatch(matches: readonly Match[], from: number, direction: 'forward' | 'backward', inclusive = false): Match | undefined {
  if (direction === 'forward') return matches.find((m) => m.offset > from || (inclusive && m.offset === from));
  return matches.findLast((m) => m.offset < from || (inclusive && m.offset === from));
}

/** A piece of a row's text: plain, a match, or the current match. */
export interface Segment {
  text: string;
  mark: 'none' | 'match' | 'current';
}

/** Splits a row's text around its matches (sorted, non-overlapping), marking the one at `currentOffset`. */
export function highlightSegments(text: string, matches: readonly Match[] | undefined, currentOffset: number | undefined): Segment[] {
  if (!matches?.length) return [{ text, mark: 'none' }];
  const out: Segment[] = [];
  let at = 0;
  for (const match of matches) {
    if (match.col < at) continue;
    if (match.col > at) out.push({ text: text.slice(at, match.col), mark: 'none' });
    out.push({ text: text.slice(match.col, match.col + match.length), mark: match.offset === currentOffset ? 'current' : 'match' });
    at = match.col + match.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: 'none' });
  return out;
}

/** How far a scan through the unloaded part of the file got, for "searched X of Y". */
export interface ScanProgress {
  scanned: number;
  total: number;
}

/** Progress of a scan that began at `start` in `direction`, after main answered `step`. */
export function scanProgress(start: number, direction: 'forward' | 'backward', step: FileMatch): ScanProgress {
  if (direction === 'forward') return { scanned: Math.max(0, step.scannedTo - start), total: Math.max(0, step.totalSize - start) };
  return { scanned: Math.max(0, start - step.scannedFrom), total: start };
}

/** How a scan through the file ended. */
export type ScanResult = { kind: 'found'; offset: number; length: number } | { kind: 'not-found' } | { kind: 'stopped' };

/**
 * Asks main (`files.find`) again and again from the far end of each answer until it finds a match, reaches the file's
 * edge, or `signal` aborts; each call scans a bounded budget, so progress shows and Stop takes effect between calls.
 */
export async function scanFile(
  find: (fromOffset: number) => Promise<FileMatch>,
  start: number,
  direction: 'forward' | 'backward',
  options: { signal?: AbortSignal; onProgress?: (progress: ScanProgress) => void } = {},
): Promise<ScanResult> {
  let from = start;
  for (;;) {
    if (options.signal?.aborted) return { kind: 'stopped' };
    const step = await find(from);
    if (step.matchOffset !== undefined) return { kind: 'found', offset: step.matchOffset, length: step.matchLength ?? 0 };
    options.onProgress?.(scanProgress(start, direction, step));
    if (step.done) return { kind: 'not-found' };
    const next = direction === 'forward' ? step.scannedTo : step.scannedFrom;
    // A scan that did not move would ask the same question forever.
    if (next === from) return { kind: 'not-found' };
    from = next;
  }
}
