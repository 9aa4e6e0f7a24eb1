import { describe, expect, it } from 'vitest';
import { base64ToBytes, chunkBytes, formatBytes, utf8Length } from './text-bytes';

describe('text bytes', () => {
  it('count UTF-8 bytes like TextEncoder does', () => {
    for (const text of ['', 'abc', 'été', '€', '😀x', 'a\u{10FFFF}b']) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('turn chunks back into their bytes', () => {
    expect(Array.from(base64ToBytes('AAH/'))).toEqual([0, 1, 255]);
    expect(Array.from(chunkBytes({ offset: 0, length: 3, totalSize: 3, binary: true, base64: 'AAH/' }))).toEqual([0, 1, 255]);
    expect(Array.from(chunkBytes({ offset: 0, length: 2, totalSize: 2, binary: false, text: 'é' }))).toEqual([0xc3, 0xa9]);
  });

  it('format sizes for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MiB');
    expect(formatBytes(3.2 * 1024 ** 3)).toBe('3.2 GiB');
    expect(formatBytes(undefined)).toBe('—');
  });
});
