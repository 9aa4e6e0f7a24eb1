import type { FileMatch } from '../../../shared/models';
import { AppError } from '../../../shared/errors';
import { fileProperties } from './list';
import { readRange } from './read';
import type { OpsRunner } from './runner';

/** What `files.find` is asked: the text, where to start and which way to go. */
export interface FindArgs {
  path: string;
  query: string;
  fromOffset: number;
  direction: 'forward' | 'backward';
  matchCase?: boolean;
}

/** How much one ranged read fetches and how much one call scans before handing back to the renderer. */
export interface FindLimits {
  windowBytes: number;
  budgetBytes: number;
}

/** 4 MiB reads, 64 MiB per call: a call answers within seconds, so the renderer can show progress and stop. */
export const FIND_LIMITS: FindLimits = { windowBytes: 4 * 1024 * 1024, budgetBytes: 64 * 1024 * 1024 };

/** ASCII-only case folding: folding UTF-8 lead bytes as if they were Latin-1 would make unrelated characters match. */
function foldAscii(bytes: Buffer): Buffer {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x41 && b <= 0x5a) bytes[i] = b | 0x20;
  }
  return bytes;
}

/**
 * Finds the UTF-8 bytes of `query` in a file with ranged reads, never holding more than one window. Forward finds the
 * first match starting at or after `fromOffset`; backward the last one starting before it. Windows overlap by the
 * query's length minus one, so a match across a window boundary is found once. `matchCase: false` folds ASCII letters
 * only (other characters match exactly). One call scans at most `budgetBytes` of match starts and says where it got.
 */
export async function findInFile(run: OpsRunner, args: FindArgs, limits: FindLimits = FIND_LIMITS): Promise<FileMatch> {
  const props = await run((ops) => fileProperties(ops, args.path));
  if (props.isDirectory) {
    throw new AppError({ code: 'BadRequest', message: `${args.path} is a folder; search works inside a file`, status: 400 });
  }
  const size = props.size;
  const fold = args.matchCase === false;
  const needle = fold ? foldAscii(Buffer.from(args.query, 'utf8')) : Buffer.from(args.query, 'utf8');
  const n = needle.length;
  // Matches that start in [ws, we) are looked for in bytes [ws, we + n - 1).
  const window = async (ws: number, we: number): Promise<Buffer | undefined> => {
    const readEnd = Math.min(size, we + n - 1);
    if (readEnd - ws < n) return undefined;
    const bytes = await run((ops) => readRange(ops, args.path, ws, readEnd));
    return fold ? foldAscii(bytes) : bytes;
  };
  const found = (at: number, scannedFrom: number, scannedTo: number): FileMatch => ({
    matchOffset: at,
    matchLength: n,
    scannedFrom,
    scannedTo,
    totalSize: size,
    done: true,
  });

  if (args.direction === 'forward') {
    const from = Math.min(args.fromOffset, size);
    const limit = Math.min(size, from + limits.budgetBytes);
    for (let ws = from; ws < limit; ws += limits.windowBytes) {
      const we = Math.min(limit, ws + limits.windowBytes);
      const bytes = await window(ws, we);
      if (!bytes) break;
      const at = bytes.indexOf(needle);
      if (at >= 0 && ws + at < we) return found(ws + at, from, ws + at + n);
    }
    return { scannedFrom: from, scannedTo: limit, totalSize: size, done: limit >= size };
  }

  const to = Math.min(args.fromOffset, size);
  const lower = Math.max(0, to - limits.budgetBytes);
  for (let we = to; we > lower; ) {
    const ws = Math.max(lower, we - limits.windowBytes);
    const bytes = await window(ws, we);
    const at = bytes ? bytes.lastIndexOf(needle, we - 1 - ws) : -1;
    if (at >= 0) return found(ws + at, ws + at, to);
    we = ws;
  }
  return { scannedFrom: lower, scannedTo: to, totalSize: size, done: lower === 0 };
}
