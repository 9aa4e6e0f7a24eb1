// A fake file for the viewer's unit tests: answers `files.read` the way main does (split characters, binary, 416).
import { AppError } from '../../../shared/errors';
import type { FileChunk, FileMatch } from '../../../shared/models';

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

function cleanEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i]!;
    if (isContinuation(byte)) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + need > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A file held in memory that records every read; `append` grows it like a running task's stdout. */
export class FakeFile {
  bytes: Uint8Array;
  readonly reads: { offset: number; length: number }[] = [];
  readonly finds: { fromOffset: number; direction: string }[] = [];

  constructor(content: string | Uint8Array) {
    this.bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }

  /** Adds bytes at the end. */
  append(content: string): void {
    const more = new TextEncoder().encode(content);
    const next = new Uint8Array(this.bytes.length + more.length);
    next.set(this.bytes);
    next.set(more, this.bytes.length);
    this.bytes = next;
  }

  /** Replaces the whole content (a rotated log). */
  replace(content: string): void {
    this.bytes = new TextEncoder().encode(content);
  }

  /** Answers like `files.read`. */
  read = async (offset: number, length: number): Promise<FileChunk> => {
    this.reads.push({ offset, length });
    const size = this.bytes.length;
    if (offset > size) throw new AppError({ code: 'RangeNotSatisfiable', message: `Offset ${offset} is past the end`, status: 416 });
    const slice = this.bytes.subarray(offset, Math.min(size, offset + length));
    const atEnd = offset + slice.length >= size;
    if (slice.includes(0)) return { offset, length: slice.length, totalSize: size, binary: true, base64: toBase64(slice) };
    let skip = 0;
    if (offset > 0) while (skip < 3 && skip < slice.length && isContinuation(slice[skip]!)) skip++;
    const end = atEnd ? slice.length : cleanEnd(slice);
    const [from, to] = end > skip ? [skip, end] : [0, slice.length];
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(slice.subarray(from, to));
      return { offset: offset + from, length: to - from, totalSize: size, binary: false, text };
    } catch {
      return { offset, length: slice.length, totalSize: size, binary: true, base64: toBase64(slice) };
    }
  };

  /** The size, like `files.properties`. */
  size = async (): Promise<{ size: number }> => ({ size: this.bytes.length });

  /** Answers like `files.find`: scans at most `budget` bytes per call, ASCII case-insensitive unless matchCase. */
  find = async (args: { query: string; fromOffset: number; direction: 'forward' | 'backward'; matchCase?: boolean }, budget = 1000): Promise<FileMatch> => {
    this.finds.push({ fromOffset: args.fromOffset, direction: args.direction });
    const fold = (s: string) => (args.matchCase ? s : s.replace(/[A-Z]/g, (c) => c.toLowerCase()));
    const text = fold(new TextDecoder('latin1').decode(this.bytes));
    const query = fold(new TextDecoder('latin1').decode(new TextEncoder().encode(args.query)));
    const size = this.bytes.length;
    if (args.direction === 'forward') {
      const to = Math.min(size, args.fromOffset + budget);
      const at = text.indexOf(query, args.fromOffset);
      if (at >= 0 && at + query.length <= to) return { matchOffset: at, matchLength: query.length, scannedFrom: args.fromOffset, scannedTo: at + query.length, totalSize: size, done: true };
      return { scannedFrom: args.fromOffset, scannedTo: to, totalSize: size, done: to >= size };
    }
    const from = Math.max(0, args.fromOffset - budget);
    const at = args.fromOffset > 0 ? text.lastIndexOf(query, args.fromOffset - 1) : -1;
    if (at >= from) return { matchOffset: at, matchLength: query.length, scannedFrom: at, scannedTo: args.fromOffset, totalSize: size, done: true };
    return { scannedFrom: from, scannedTo: args.fromOffset, totalSize: size, done: from <= 0 };
  };
}
