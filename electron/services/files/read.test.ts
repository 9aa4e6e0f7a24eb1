import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readChunk, tailLines } from './read';
import type { FileOps } from './source';

/** A file served from memory through the same calls the SDK makes, recording every range asked for. */
function memoryFile(content: Buffer): { ops: FileOps; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  const ops = {
    properties: async () => ({ contentLength: content.length, ocpBatchFileIsdirectory: false }),
    get: async (_path: string, range: string) => {
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(range)!;
      ranges.push([Number(a), Number(b)]);
      return { readableStreamBody: Readable.from([content.subarray(Number(a), Number(b) + 1)]) };
    },
  } as unknown as FileOps;
  return { ops, ranges };
}

describe('tailLines over a large file', () => {
  const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}`);
  const content = Buffer.from(lines.join('\r\n') + '\r\n');

  it('reads back from the end in growing ranges until it has enough lines', async () => {
    const { ops, ranges } = memoryFile(content);
    const tail = await tailLines(ops, 'stdout.txt', 2000);
    expect(tail).toEqual({ lines: lines.slice(-2000), totalSize: content.length, truncated: true });
    expect(ranges.at(0)?.[1]).toBe(content.length - 1);
    const read = ranges.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    expect(read).toBeLessThan(content.length / 4);
  });

  it('returns every line of a short file without a cut-off first line', async () => {
    const { ops } = memoryFile(Buffer.from('one\ntwo\nthree'));
    expect(await tailLines(ops, 'x', 10)).toEqual({ lines: ['one', 'two', 'three'], totalSize: 13, truncated: false });
  });

  it('answers an empty file with no lines and no reads', async () => {
    const { ops, ranges } = memoryFile(Buffer.alloc(0));
    expect(await tailLines(ops, 'x', 5)).toEqual({ lines: [], totalSize: 0, truncated: false });
    expect(ranges).toEqual([]);
  });
});

describe('readChunk', () => {
  it('asks for exactly the requested range, clipped at the end of the file', async () => {
    const { ops, ranges } = memoryFile(Buffer.from('0123456789'));
    expect(await readChunk(ops, 'x', 4, 100)).toMatchObject({ offset: 4, length: 6, text: '456789', totalSize: 10 });
    expect(ranges).toEqual([[4, 9]]);
  });
});
