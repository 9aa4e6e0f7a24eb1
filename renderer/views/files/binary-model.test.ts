import { describe, expect, it } from 'vitest';
import { IMAGE_READ_BYTES, hexRows, imageType, readAllBytes } from './binary-model';
import { FakeFile } from './test-reader';

describe('hexRows', () => {
  it('shows 16 bytes a row with the offset, two groups of hex and printable ASCII', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x41]);
    expect(hexRows(bytes)).toEqual([
      { offset: '00000000', hex: '89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52', ascii: '.PNG........IHDR' },
      { offset: '00000010', hex: '41', ascii: 'A' },
    ]);
    expect(hexRows(new Uint8Array())).toEqual([]);
  });
});

describe('imageType', () => {
  it('knows png, jpg, jpeg, gif and svg by extension, in any case', () => {
    expect(imageType('out/plot.PNG')).toBe('image/png');
    expect(imageType('a.jpeg')).toBe('image/jpeg');
    expect(imageType('a.gif')).toBe('image/gif');
    expect(imageType('diagram.svg')).toBe('image/svg+xml');
    expect(imageType('notes.txt')).toBeUndefined();
    expect(imageType('.png')).toBeUndefined();
    expect(imageType('dir.png/file')).toBeUndefined();
  });
});

describe('readAllBytes', () => {
  it('reads a file in bounded chunks and returns exactly its bytes, even where text chunks start late', async () => {
    // Text with multi-byte characters after binary bytes: the second read starts on continuation bytes.
    const size = IMAGE_READ_BYTES * 2 + 10;
    const bytes = new Uint8Array(size);
    bytes[0] = 0; // the first chunk is binary (a NUL), so it ends exactly at the read's length
    const text = new TextEncoder().encode('é'.repeat(size));
    bytes.set(text.subarray(0, size - 1), 1);
    const file = new FakeFile(bytes);
    const progress: number[] = [];
    const out = await readAllBytes(file.read, size, (done) => progress.push(done));
    expect(out).toEqual(bytes);
    // The late start was filled by a read of just the skipped byte.
    expect(file.reads).toContainEqual({ offset: IMAGE_READ_BYTES, length: 1 });
    expect(Math.max(...file.reads.map((r) => r.length))).toBeLessThanOrEqual(IMAGE_READ_BYTES);
    expect(progress.at(-1)).toBe(size);
  });

  it('reads an SVG (plain text) byte for byte', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>ünïcode</text></svg>';
    const file = new FakeFile(svg);
    const out = await readAllBytes(file.read, file.bytes.length);
    expect(new TextDecoder().decode(out)).toBe(svg);
  });
});
