import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { JournalCorruptionError } from './errors.js';

/** Which of the two on-disk file formats a header announces. */
export type FileKind = 'log' | 'snapshot';

/** Magic (8 bytes) + generation (u32) + crc32 of the preceding 12 bytes. */
export const FILE_HEADER_BYTES = 16;
/** Payload length (u32) + payload crc32 + crc32 of the preceding 8 bytes, so a damaged length is never trusted. */
export const FRAME_HEADER_BYTES = 12;
/** Frames are never written larger than this; a valid header announcing more is corruption. */
export const MAX_FRAME_BYTES = 1 << 30;

const MAGIC: Record<FileKind, Buffer> = {
  log: Buffer.from('BLJLOG01', 'latin1'),
  snapshot: Buffer.from('BLJSNP01', 'latin1'),
};
const READ_CHUNK_BYTES = 4 << 20;

/** Builds the fixed header that starts every log and snapshot file. */
export function encodeFileHeader(kind: FileKind, gen: number): Buffer {
  const header = Buffer.alloc(FILE_HEADER_BYTES);
  MAGIC[kind].copy(header, 0);
  header.writeUInt32LE(gen, 8);
  header.writeUInt32LE(crc32(header.subarray(0, 12)), 12);
  return header;
}

/** Reads and checks a file header, throwing JournalCorruptionError when it does not match kind and generation. */
export async function checkFileHeader(fh: FileHandle, path: string, kind: FileKind, gen: number): Promise<void> {
  const header = Buffer.alloc(FILE_HEADER_BYTES);
  const { bytesRead } = await fh.read(header, 0, FILE_HEADER_BYTES, 0);
  if (bytesRead < FILE_HEADER_BYTES) throw new JournalCorruptionError(path, 0, 'file header is incomplete');
  if (header.readUInt32LE(12) !== crc32(header.subarray(0, 12))) {
    throw new JournalCorruptionError(path, 0, 'file header checksum mismatch');
  }
  if (!header.subarray(0, 8).equals(MAGIC[kind])) throw new JournalCorruptionError(path, 0, `not a ${kind} file`);
  const found = header.readUInt32LE(8);
  if (found !== gen) throw new JournalCorruptionError(path, 0, `header says generation ${found}, name says ${gen}`);
}

/** Frames the concatenation of pieces as one record: one allocation, checksummed incrementally. */
export function encodeFrame(pieces: readonly Buffer[]): Buffer {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  if (length === 0 || length > MAX_FRAME_BYTES) throw new RangeError(`frame payload of ${length} bytes is out of range`);
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + length);
  let at = FRAME_HEADER_BYTES;
  let crc = 0;
  for (const piece of pieces) {
    piece.copy(frame, at);
    at += piece.length;
    crc = crc32(piece, crc);
  }
  frame.writeUInt32LE(length, 0);
  frame.writeUInt32LE(crc, 4);
  frame.writeUInt32LE(crc32(frame.subarray(0, 8)), 8);
  return frame;
}

/** Where a scan stopped: end is the offset just past the last good frame; torn tells whether bytes follow it. */
export interface ScanResult {
  end: number;
  torn: boolean;
}

/** How a scan treats a damaged final frame: only the live log may have a torn, never-acknowledged tail. */
export type TailPolicy = 'strict' | 'tolerate-torn-tail';

/**
 * Streams the frames of [start, size) to onFrame (payload valid only during the call).
 * A damaged frame counts as a torn tail only if nothing but zeros follows it (or it runs past the end),
 * which is what an interrupted append leaves; anything else is reported as corruption with its offset.
 */
export async function scanFrames(
  fh: FileHandle,
  path: string,
  start: number,
  size: number,
  policy: TailPolicy,
  onFrame: (payload: Buffer, offset: number) => void,
): Promise<ScanResult> {
  const reader = new WindowReader(fh, start, size);
  const stop = async (offset: number, reason: string, zeroTailSuffices: boolean): Promise<ScanResult> => {
    const torn = zeroTailSuffices ? await reader.onlyZerosFrom(offset) : true;
    if (policy === 'tolerate-torn-tail' && torn) return { end: offset, torn: true };
    throw new JournalCorruptionError(path, offset, reason);
  };

  let offset = start;
  while (offset < size) {
    if (!(await reader.ensure(offset, FRAME_HEADER_BYTES))) {
      return stop(offset, 'incomplete frame header at end of file', false);
    }
    const header = reader.slice(offset, FRAME_HEADER_BYTES);
    if (header.readUInt32LE(8) !== crc32(header.subarray(0, 8))) {
      return stop(offset, 'frame header checksum mismatch', true);
    }
    const length = header.readUInt32LE(0);
    const payloadCrc = header.readUInt32LE(4);
    if (length === 0 || length > MAX_FRAME_BYTES) {
      throw new JournalCorruptionError(path, offset, `impossible frame length ${length}`);
    }
    const end = offset + FRAME_HEADER_BYTES + length;
    if (!(await reader.ensure(offset, FRAME_HEADER_BYTES + length))) {
      return stop(offset, 'frame runs past the end of the file', false);
    }
    const payload = reader.slice(offset + FRAME_HEADER_BYTES, length);
    if (crc32(payload) !== payloadCrc) {
      if (end === size) return stop(offset, 'payload checksum mismatch in final frame', false);
      return stop(offset, 'payload checksum mismatch', true);
    }
    try {
      onFrame(payload, offset);
    } catch (error) {
      if (error instanceof JournalCorruptionError) throw error;
      throw new JournalCorruptionError(path, offset, `malformed record: ${(error as Error).message}`);
    }
    offset = end;
  }
  return { end: offset, torn: false };
}

/** A forward-only read window over a file, so frames are parsed without ever holding the whole file. */
class WindowReader {
  private buf = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  private bufStart: number;
  private bufLen = 0;

  constructor(
    private readonly fh: FileHandle,
    start: number,
    private readonly size: number,
  ) {
    this.bufStart = start;
  }

  /** Makes [offset, offset + n) readable via slice; false when the file ends first. */
  async ensure(offset: number, n: number): Promise<boolean> {
    if (offset + n > this.size) return false;
    if (offset >= this.bufStart && offset + n <= this.bufStart + this.bufLen) return true;
    const keep = Math.max(0, this.bufStart + this.bufLen - offset);
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, READ_CHUNK_BYTES));
      this.buf.copy(bigger, 0, offset - this.bufStart, offset - this.bufStart + keep);
      this.buf = bigger;
    } else if (keep > 0) {
      this.buf.copy(this.buf, 0, offset - this.bufStart, offset - this.bufStart + keep);
    }
    this.bufStart = offset;
    this.bufLen = keep;
    while (this.bufLen < n) {
      const want = Math.min(this.buf.length - this.bufLen, this.size - (this.bufStart + this.bufLen));
      const { bytesRead } = await this.fh.read(this.buf, this.bufLen, want, this.bufStart + this.bufLen);
      if (bytesRead === 0) throw new Error(`file shrank while being read (expected ${this.size} bytes)`);
      this.bufLen += bytesRead;
    }
    return true;
  }

  /** A view of bytes made available by the last ensure; invalidated by the next one. */
  slice(offset: number, n: number): Buffer {
    return this.buf.subarray(offset - this.bufStart, offset - this.bufStart + n);
  }

  /** True when every byte from offset to the end of the file is zero (what a crash mid-append can leave). */
  async onlyZerosFrom(offset: number): Promise<boolean> {
    for (let at = offset; at < this.size; ) {
      const n = Math.min(READ_CHUNK_BYTES, this.size - at);
      await this.ensure(at, n);
      const view = this.slice(at, n);
      for (let i = 0; i < view.length; i++) if (view[i] !== 0) return false;
      at += n;
    }
    return true;
  }
}
