import type { FileChunk, FileTail } from '../../../shared/models';
import { AppError } from '../../../shared/errors';
import { decodeRange } from './decode';
import { fileProperties } from './list';
import type { FileOps } from './source';

/** Tail reads start at 64 KiB from the end and double up to 1 MiB per request. */
const TAIL_FIRST_READ = 64 * 1024;
const TAIL_MAX_READ = 1024 * 1024;
/** A tail never reads more than this, however long its lines are. */
export const TAIL_BYTE_LIMIT = 8 * 1024 * 1024;

async function readBody(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === 'string' ? Buffer.from(part) : Buffer.from(part));
  return Buffer.concat(parts);
}

/** Bytes [start, end) of a file with one `ocp-range` request. */
export async function readRange(ops: FileOps, path: string, start: number, end: number): Promise<Buffer> {
  const response = await ops.get(path, `bytes=${start}-${end - 1}`);
  return readBody(response.readableStreamBody);
}

async function fileSize(ops: FileOps, path: string): Promise<{ size: number; lastModified?: string }> {
  const props = await fileProperties(ops, path);
  if (props.isDirectory) throw new AppError({ code: 'BadRequest', message: `${path} is a folder, not a file`, status: 400 });
  return props;
}

/** A byte range of a file as text, or as base64 when it is binary. */
export async function readChunk(ops: FileOps, path: string, offset: number, length: number): Promise<FileChunk> {
  const { size, lastModified } = await fileSize(ops, path);
  if (offset > size) {
    throw new AppError({ code: 'RangeNotSatisfiable', message: `Offset ${offset} is past the end of ${path} (${size} bytes)`, status: 416 });
  }
  const end = Math.min(size, offset + length);
  const bytes = end > offset ? await readRange(ops, path, offset, end) : Buffer.alloc(0);
  const decoded = decodeRange(bytes, offset === 0, offset + bytes.length >= size);
  const chunk: FileChunk = { offset: offset + decoded.skip, length: decoded.length, totalSize: size, binary: decoded.binary };
  if (decoded.binary) chunk.base64 = bytes.toString('base64');
  else chunk.text = decoded.text ?? '';
  if (lastModified) chunk.lastModified = lastModified;
  return chunk;
}

function splitLines(bytes: Buffer, atFileStart: boolean): string[] {
  const lines = bytes.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  // Before the file's start the first line is cut off, so it is not a line of the tail.
  if (!atFileStart) lines.shift();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The last `count` lines of a text file, reading ranges back from its end until there are enough. */
export async function tailLines(ops: FileOps, path: string, count: number): Promise<FileTail> {
  const { size } = await fileSize(ops, path);
  const parts: Buffer[] = [];
  let start = size;
  let step = TAIL_FIRST_READ;
  let lines: string[] = [];
  while (start > 0 && size - start < TAIL_BYTE_LIMIT) {
    const from = Math.max(0, start - step, size - TAIL_BYTE_LIMIT);
    parts.unshift(await readRange(ops, path, from, start));
    start = from;
    step = Math.min(step * 2, TAIL_MAX_READ);
    lines = splitLines(Buffer.concat(parts), start === 0);
    if (lines.length >= count) break;
  }
  return { lines: lines.slice(-count), totalSize: size, truncated: start > 0 || lines.length > count };
}
