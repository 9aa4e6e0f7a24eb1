import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';

/** Longest path segment written to disk, in UTF-8 bytes (file systems allow 255; room is left for suffixes). */
export const MAX_SEGMENT_BYTES = 200;

// Characters Windows refuses in names, plus every control character; the other systems accept them but users copy
// downloads between machines.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"|?*\\/]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** Keeps a short extension when a long name is cut, so the file still opens with the right program. */
function cutLong(name: string): string {
  if (Buffer.byteLength(name) <= MAX_SEGMENT_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const keepExt = ext.length > 1 && Buffer.byteLength(ext) <= 16;
  return keepExt ? cutToBytes(name.slice(0, dot), MAX_SEGMENT_BYTES - Buffer.byteLength(ext)) + ext : cutToBytes(name, MAX_SEGMENT_BYTES);
}

/** One name from the service made safe to create on Windows, macOS and Linux alike. */
export function sanitizeSegment(segment: string): string {
  let name = segment.replace(UNSAFE_CHARS, '_');
  if (name === '.' || name === '..') return '_';
  // Windows drops trailing dots and spaces, which would silently merge names or hit reserved ones.
  name = cutLong(name).replace(/[. ]+$/, '');
  if (name === '') return '_';
  return RESERVED.test(name) ? `_${name}` : name;
}

/** A service path (`/` or `\` separated) as safe local segments; never empty, never `.` or `..`. */
export function sanitizePath(path: string): string[] {
  const segments = path.split(/[/\\]/).map(sanitizeSegment);
  return segments.length ? segments : ['_'];
}

/** The local path for `segments` under `root`, refused when it would land anywhere but strictly inside `root`. */
export function pathInside(root: string, segments: readonly string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...segments);
  const rel = relative(base, target);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith('../') || rel.startsWith('..\\')) {
    throw new AppError({ code: 'BadRequest', message: `Refusing to write outside the chosen folder: ${segments.join('/').slice(0, 200)}`, status: 400 });
  }
  return target;
}
