import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkedZip, looksLikeZip } from './zip-check';

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of await checkedZip(Readable.from(chunks))) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe('zip signature check', () => {
  it('passes a zip through unchanged, even when the signature is split across chunks', async () => {
    const parts = [Buffer.from('P'), Buffer.from('K\x03', 'latin1'), Buffer.from('\x04rest of the archive', 'latin1')];
    expect((await through(parts)).toString('latin1')).toBe('PK\x03\x04rest of the archive');
  });

  it('fails a file that does not start with the signature, and one shorter than it', async () => {
    await expect(through([Buffer.from('#!/bin/sh\necho hi\n')])).rejects.toMatchObject({ code: 'NotAZipFile', status: 400 });
    await expect(through([Buffer.from('PK')])).rejects.toMatchObject({ code: 'NotAZipFile' });
  });

  it('passes a later failure of the source on', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('PK\x03\x04abc', 'latin1'));
    const checked = await checkedZip(source);
    const failed = new Promise((resolve) => checked.on('error', resolve));
    source.destroy(new Error('connection reset'));
    expect(((await failed) as Error).message).toBe('connection reset');
  });

  it('recognises the signature only at the start', () => {
    expect(looksLikeZip(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
    expect(looksLikeZip(Buffer.from('xPK\x03\x04', 'latin1'))).toBe(false);
    expect(looksLikeZip(Buffer.from('PK\x05\x06', 'latin1'))).toBe(false);
  });
});
