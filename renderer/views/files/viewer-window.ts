// The viewer's window onto a file of any size: one contiguous byte span decoded into rows, grown and trimmed by reads.
import type { FileChunk } from '../../../shared/models';
import { base64ToBytes, utf8Length } from './text-bytes';

/** The first (or last) screen: one read of this many bytes. */
export const SCREEN_BYTES = 256 * 1024;
/** One step when the user scrolls near an edge of the loaded span. */
export const EXTEND_BYTES = 256 * 1024;
/** One follow-mode read (the largest `files.read` allows). */
export const FOLLOW_BYTES = 1024 * 1024;
/** A jump loads this much before its target, so the target's whole line (and some context) is there. */
export const JUMP_CONTEXT_BYTES = 16 * 1024;
/** Most bytes the loaded span holds; the far side is dropped when an extension passes this. */
export const MAX_WINDOW_BYTES = 4 * 1024 * 1024;
/** Most rows the loaded span holds, likewise. */
export const MAX_WINDOW_ROWS = 50_000;

/** What the window reads through: byte ranges of one file. */
export interface ChunkReader {
  read(offset: number, length: number): Promise<FileChunk>;
}

/** One displayed row: a line, or a piece of a line too long for one read. */
export interface Row {
  /** The row's text without its line ending. */
  text: string;
  /** Byte offset of the row in the file. */
  start: number;
  /** Bytes the row covers, its line ending included. */
  bytes: number;
  /** True when the row does not start a line (it continues the previous row, or the span starts mid-line). */
  cont: boolean;
}

/** The loaded span of a file. */
export interface ViewerWindow {
  /** Changes with every open or jump; row ids (origin + index) are comparable only within one generation. */
  generation: number;
  /** The id of rows[0]: prepending lowers it, dropping rows from the front raises it. */
  origin: number;
  rows: readonly Row[];
  /** Byte offset of the first row. */
  start: number;
  /** Byte offset just past the last row. */
  end: number;
  /** The last row is the file's last line without a newline (yet); the next read re-reads it. */
  openEnd: boolean;
  /** `end` falls inside a line that was too long for one read. */
  endMidLine: boolean;
  /** The file's size at the last read. */
  totalSize: number;
  lastModified?: string;
  /** The opening read (at the start or the end of the file) found binary bytes. */
  binary: boolean;
}

interface Piece extends Row {
  terminated: boolean;
}

const displayText = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);

function textPieces(text: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  let at = offset;
  while (from < text.length) {
    const newline = text.indexOf('\n', from);
    const stop = newline < 0 ? text.length : newline;
    const piece = text.slice(from, stop);
    const bytes = utf8Length(piece) + (newline < 0 ? 0 : 1);
    out.push({ text: displayText(piece), start: at, bytes, cont: false, terminated: newline >= 0 });
    at += bytes;
    from = stop + 1;
  }
  return out;
}

// Binary bytes in the middle of a text file are split on newline bytes, so every row keeps its exact byte length.
function bytePieces(bytes: Uint8Array, offset: number): Piece[] {
  const decoder = new TextDecoder('utf-8');
  const out: Piece[] = [];
  let from = 0;
  while (from < bytes.length) {
    const newline = bytes.indexOf(10, from);
    const stop = newline < 0 ? bytes.length : newline;
    const text = decoder.decode(bytes.subarray(from, stop)).replace(/\0/g, '\u2400');
    out.push({ text: displayText(text), start: offset + from, bytes: stop - from + (newline < 0 ? 0 : 1), cont: false, terminated: newline >= 0 });
    from = stop + 1;
  }
  return out;
}

const toRow = ({ text, start, bytes, cont }: Piece): Row => ({ text, start, bytes, cont });

interface Parsed {
  rows: Row[];
  /** Byte offset just past what the rows cover (where the chunk's used part ends). */
  end: number;
  lastTerminated: boolean;
}

/**
 * Rows of one chunk. `dropFirst`: the chunk starts inside a line, so its first piece is not a whole line (kept, marked
 * `cont`, only when it is all there is, so every read makes progress). `keepPartialLast`: keep a last piece without a newline (at the file's end or
 * before a known line start); otherwise it is left for the next read, unless it is all there is.
 */
function parseChunk(chunk: FileChunk, dropFirst: boolean, keepPartialLast: boolean): Parsed {
  const pieces = chunk.binary && chunk.base64 !== undefined ? bytePieces(base64ToBytes(chunk.base64), chunk.offset) : textPieces(chunk.text ?? '', chunk.offset);
  let end = chunk.offset;
  const first = pieces[0];
  if (dropFirst && first) {
    if (pieces.length > 1) {
      pieces.shift();
      end = first.start + first.bytes;
    } else first.cont = true;
  }
  const last = pieces.at(-1);
  if (last && !last.terminated && !keepPartialLast && pieces.length > 1) pieces.pop();
  const kept = pieces.at(-1);
  if (kept) end = kept.start + kept.bytes;
  return { rows: pieces.map(toRow), end, lastTerminated: kept?.terminated ?? true };
}

const atFileEnd = (chunk: FileChunk) => chunk.offset + chunk.length >= chunk.totalSize;

function fromChunk(chunk: FileChunk, parsed: Parsed, generation: number): ViewerWindow {
  const eof = atFileEnd(chunk);
  const win: ViewerWindow = {
    generation,
    origin: 0,
    rows: parsed.rows,
    start: parsed.rows[0]?.start ?? parsed.end,
    end: parsed.end,
    openEnd: eof && !parsed.lastTerminated,
    endMidLine: !eof && !parsed.lastTerminated,
    totalSize: chunk.totalSize,
    binary: chunk.binary,
  };
  if (chunk.lastModified) win.lastModified = chunk.lastModified;
  return win;
}

/** The first screen of the file. */
export async function openAtStart(reader: ChunkReader, generation: number): Promise<ViewerWindow> {
  const chunk = await reader.read(0, SCREEN_BYTES);
  return fromChunk(chunk, parseChunk(chunk, false, atFileEnd(chunk)), generation);
}

/** The last screen of a file of `size` bytes, without the line the read cut into. */
export async function openAtEnd(reader: ChunkReader, size: number, generation: number): Promise<ViewerWindow> {
  const from = Math.max(0, size - SCREEN_BYTES);
  const chunk = await reader.read(from, Math.max(1, size - from));
  return fromChunk(chunk, parseChunk(chunk, from > 0, atFileEnd(chunk)), generation);
}

/** The span starting at the first line that begins at or after `offset` (or the line holding it, at a line's start). */
export async function openAt(reader: ChunkReader, offset: number, generation: number): Promise<ViewerWindow> {
  if (offset <= 0) return openAtStart(reader, generation);
  // Reading from one byte earlier tells whether `offset` starts a line: then the dropped first piece is just "\n".
  const chunk = await reader.read(offset - 1, SCREEN_BYTES);
  const parsed = parseChunk(chunk, true, atFileEnd(chunk));
  // Inside the file's last line no line starts after the target: show the end instead of a fragment.
  if (parsed.rows.length === 0 || (parsed.rows.length === 1 && parsed.rows[0]!.cont && atFileEnd(chunk))) {
    return openAtEnd(reader, chunk.totalSize, generation);
  }
  return { ...fromChunk(chunk, parsed, generation), binary: false };
}

function trimFront(rows: Row[]): number {
  let bytes = (rows.at(-1)?.start ?? 0) + (rows.at(-1)?.bytes ?? 0) - (rows[0]?.start ?? 0);
  let drop = 0;
  while (drop < rows.length - 1 && (rows.length - drop > MAX_WINDOW_ROWS || bytes > MAX_WINDOW_BYTES)) {
    bytes -= rows[drop]!.bytes;
    drop++;
  }
  return drop;
}

// `files.read` answers 416 for an offset past the end, which for a followed file means it shrank.
const isPastEnd = (error: unknown) => (error as { status?: unknown } | null)?.status === 416;

/** More rows after the span (`bytes` at most); drops rows from the front past the caps. Same object when nothing changed. */
export async function extendForward(reader: ChunkReader, win: ViewerWindow, bytes = EXTEND_BYTES): Promise<ViewerWindow> {
  const open = win.openEnd ? win.rows.at(-1) : undefined;
  const resume = open ? open.start : win.end;
  let chunk: FileChunk;
  try {
    chunk = await reader.read(resume, bytes);
  } catch (error) {
    if (!isPastEnd(error)) throw error;
    chunk = await reader.read(0, 0);
  }
  // The file shrank (rotated or rewritten): the loaded rows no longer describe it.
  if (chunk.totalSize < win.end) return openAtEnd(reader, chunk.totalSize, win.generation + 1);
  const unchanged = chunk.offset + chunk.length <= win.end && chunk.totalSize === win.totalSize;
  if (unchanged) return win;
  const parsed = parseChunk(chunk, false, atFileEnd(chunk));
  if (parsed.rows.length === 0) return { ...win, totalSize: chunk.totalSize };
  parsed.rows[0] = { ...parsed.rows[0]!, cont: open ? open.cont : win.endMidLine };
  const rows = (open ? win.rows.slice(0, -1) : win.rows).concat(parsed.rows);
  const drop = trimFront(rows);
  const kept = drop ? rows.slice(drop) : rows;
  const next = fromChunk(chunk, { ...parsed, rows: kept }, win.generation);
  return { ...next, origin: win.origin + drop, start: kept[0]!.start, binary: win.binary };
}

/** More rows before the span; drops rows from the end past the caps. */
export async function extendBackward(reader: ChunkReader, win: ViewerWindow, bytes = EXTEND_BYTES): Promise<ViewerWindow> {
  if (win.start <= 0) return win;
  const from = Math.max(0, win.start - bytes);
  const chunk = await reader.read(from, win.start - from);
  const parsed = parseChunk(chunk, from > 0, true);
  if (parsed.rows.length === 0) return win;
  const [head, ...rest] = win.rows;
  const joined = head ? [{ ...head, cont: !parsed.lastTerminated }, ...rest] : [];
  const rows = parsed.rows.concat(joined);
  let keep = rows.length;
  let span = (rows.at(-1)?.start ?? 0) + (rows.at(-1)?.bytes ?? 0) - rows[0]!.start;
  while (keep > parsed.rows.length && (keep > MAX_WINDOW_ROWS || span > MAX_WINDOW_BYTES)) {
    keep--;
    span -= rows[keep]!.bytes;
  }
  const dropped = keep < rows.length;
  const kept = dropped ? rows.slice(0, keep) : rows;
  const last = kept.at(-1)!;
  return {
    ...win,
    origin: win.origin - parsed.rows.length,
    rows: kept,
    start: kept[0]!.start,
    end: dropped ? last.start + last.bytes : win.end,
    openEnd: dropped ? false : win.openEnd,
    endMidLine: dropped ? rows[keep]!.cont : win.endMidLine,
  };
}

/** True when the span reaches the end of the file as last read. */
export function atLiveEnd(win: ViewerWindow): boolean {
  return win.end >= win.totalSize;
}

/** Line numbers of the rows (undefined for continuation rows), or undefined when the span does not start at byte 0. */
export function lineNumbers(win: ViewerWindow): (number | undefined)[] | undefined {
  if (win.start !== 0) return undefined;
  let line = 0;
  return win.rows.map((row) => (row.cont ? undefined : ++line));
}

/** The index of the row holding byte `offset`, or -1 when the span does not hold it. */
export function rowIndexAt(win: ViewerWindow, offset: number): number {
  if (offset < win.start || offset >= win.end) return -1;
  let low = 0;
  let high = win.rows.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (win.rows[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
