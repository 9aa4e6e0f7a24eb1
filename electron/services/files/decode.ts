/** The part of a byte range that decodes as whole UTF-8 characters, or binary when it cannot. */
export interface Decoded {
  binary: boolean;
  /** Bytes skipped at the start (the tail of a character split by the range). */
  skip: number;
  /** Bytes decoded into `text`. */
  length: number;
  text?: string;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf7) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where a character cut off by the end of the range begins, or the length when the range ends cleanly. */
function cleanEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i]!;
    if (isContinuation(byte)) continue;
    return i + sequenceLength(byte) > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/**
 * Decodes a range of a file as UTF-8. A range may split a character at either end, so those partial bytes are left
 * out (not at the file's start or end); NUL bytes or any other invalid sequence mark the range binary.
 */
export function decodeRange(bytes: Uint8Array, atFileStart: boolean, atFileEnd: boolean): Decoded {
  const binary: Decoded = { binary: true, skip: 0, length: bytes.length };
  if (bytes.includes(0)) return binary;
  let skip = 0;
  if (!atFileStart) while (skip < 3 && skip < bytes.length && isContinuation(bytes[skip]!)) skip++;
  const end = atFileEnd ? bytes.length : cleanEnd(bytes);
  const [from, to] = end > skip ? [skip, end] : [0, bytes.length];
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from, to));
    return { binary: false, skip: from, length: to - from, text };
  } catch {
    return binary;
  }
}
