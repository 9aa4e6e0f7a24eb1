import { describe, expect, it } from 'vitest';
import { decodeRange } from './decode';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodeRange', () => {
  it('decodes whole UTF-8 text', () => {
    expect(decodeRange(bytes('a\u00e9\u20ac\u{1f600}'), true, true)).toEqual({ binary: false, skip: 0, length: 10, text: 'a\u00e9\u20ac\u{1f600}' });
  });

  it('drops a character split at either end of a range inside the file', () => {
    const all = bytes('\u{1f600}ab\u20ac');
    expect(decodeRange(all.subarray(2, 8), false, false)).toEqual({ binary: false, skip: 2, length: 2, text: 'ab' });
  });

  it('calls NUL bytes and invalid sequences binary', () => {
    expect(decodeRange(new Uint8Array([0x61, 0, 0x62]), true, true)).toMatchObject({ binary: true, length: 3 });
    expect(decodeRange(new Uint8Array([0x61, 0xff, 0x62]), true, true)).toMatchObject({ binary: true });
    expect(decodeRange(new Uint8Array([0xe2, 0x82]), true, true)).toMatchObject({ binary: true });
  });
});
