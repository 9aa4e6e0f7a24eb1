// Binary files: the hex view of a file's head, image types, and reading an image whole in bounded chunks.
import type { FileChunk } from '../../../shared/models';
import { chunkBytes } from './text-bytes';

/** How much of a binary file the hex view shows. */
export const HEX_VIEW_BYTES = 4096;
/** Largest image previewed; bigger ones are offered as a download. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** One read while loading an image (the largest `files.read` allows). */
export const IMAGE_READ_BYTES = 1024 * 1024;

/** One line of the hex view. */
export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

/** Rows of 16 bytes: the offset in hex, the bytes in hex (two groups of 8), and printable ASCII (dots elsewhere). */
export function hexRows(bytes: Uint8Array, baseOffset = 0): HexRow[] {
  const rows: HexRow[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const line = Array.from(bytes.subarray(at, at + 16));
    const hex = line.map((b) => b.toString(16).padStart(2, '0'));
    rows.push({
      offset: (baseOffset + at).toString(16).padStart(8, '0'),
      hex: `${hex.slice(0, 8).join(' ')}${hex.length > 8 ? `  ${hex.slice(8).join(' ')}` : ''}`,
      ascii: line.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''),
    });
  }
  return rows;
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/** The MIME type of a previewable image, by extension (case-insensitive), or undefined. */
export function imageType(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? IMAGE_TYPES[name.slice(dot + 1).toLowerCase()] : undefined;
}

/**
 * Every byte of a file of `size` bytes, read in chunks of at most IMAGE_READ_BYTES. Main may start a text chunk a few
 * bytes late (past what looks like a split character); those bytes are read again on their own, so none go missing.
 */
export async function readAllBytes(
  read: (offset: number, length: number) => Promise<FileChunk>,
  size: number,
  onProgress?: (done: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(size);
  let at = 0;
  while (at < size) {
    const chunk = await read(at, Math.min(IMAGE_READ_BYTES, size - at));
    if (chunk.offset > at) {
      const gap = chunkBytes(await read(at, chunk.offset - at));
      out.set(gap.subarray(0, chunk.offset - at), at);
    }
    const bytes = chunkBytes(chunk);
    out.set(bytes.subarray(0, Math.min(bytes.length, size - chunk.offset)), chunk.offset);
    const next = chunk.offset + chunk.length;
    // A file that shrank under us ends the read rather than looping.
    if (next <= at) break;
    at = next;
    onProgress?.(at);
  }
  return at < size ? out.slice(0, at) : out;
}
