import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TAR_END, tarHeader, tarPadding, type TarEntry } from './tar';
import { readTar, readTarSize, tarChecksumOk } from './tar-reader';

const dir = mkdtempSync(join(tmpdir(), 'bl-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function archive(members: { entry: TarEntry; data?: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const { entry, data } of members) {
    parts.push(tarHeader(entry));
    if (data) parts.push(data, tarPadding(data.length));
  }
  parts.push(TAR_END);
  return Buffer.concat(parts);
}

const longDir = `${'d'.repeat(120)}/${'e'.repeat(20)}`;
const longName = `${longDir}/${'f'.repeat(90)}.txt`;
// No '/' split fits 155 + 100 bytes, so this one needs a PAX header.
const hugeName = `top/${Array.from({ length: 5 }, (_, i) => `${i}${'g'.repeat(60)}`).join('/')}.log`;
const files = {
  'top/a.txt': Buffer.from('hello\n'),
  'top/sub/héllo wörld.bin': Buffer.from([0, 1, 2, 255]),
  'top/empty': Buffer.alloc(0),
  'top/block': Buffer.alloc(512, 7),
  [`top/${longName}`]: Buffer.from('long'),
  [hugeName]: Buffer.from('pax'),
};

describe('tar writer', () => {
  const tar = archive([
    { entry: { name: 'top', isDirectory: true, size: 0 } },
    { entry: { name: 'top/sub', isDirectory: true, size: 0 } },
    ...Object.entries(files).map(([name, data]) => ({ entry: { name, isDirectory: false, size: data.length, mtime: new Date('2024-05-01T00:00:00Z') }, data })),
  ]);

  it('writes 512-byte blocks with valid checksums and two zero blocks at the end', () => {
    expect(tar.length % 512).toBe(0);
    expect(tar.subarray(-1024).every((b) => b === 0)).toBe(true);
    expect(tarChecksumOk(tar.subarray(0, 512))).toBe(true);
    expect(tar.subarray(257, 265).toString('latin1')).toBe('ustar\u000000');
  });

  it('reads back every name and byte, long names through the prefix field or a PAX header', () => {
    const members = readTar(tar);
    expect(members.map((m) => m.name)).toEqual(['top/', 'top/sub/', ...Object.keys(files)]);
    for (const m of members.filter((x) => x.type === '0')) expect(m.data).toEqual(files[m.name]);
    expect(members.find((m) => m.name === 'top/sub/')?.type).toBe('5');
    expect(members.filter((m) => m.type === '0')).toHaveLength(Object.keys(files).length);
    expect(tar.includes(Buffer.from(`path=${hugeName}\n`))).toBe(true);
  });

  it('is read by the system tar, names and contents intact', () => {
    const path = join(dir, 'a.tar');
    writeFileSync(path, tar);
    const listed = execFileSync('tar', ['-tf', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['top/', 'top/sub/', ...Object.keys(files)]);
    const out = join(dir, 'x');
    mkdirSync(out);
    execFileSync('tar', ['-xf', path, '-C', out]);
    for (const [name, data] of Object.entries(files)) expect(readFileSync(join(out, name))).toEqual(data);
  });

  it('writes sizes of 8 GiB and more in GNU base-256', () => {
    const size = 8 * 1024 ** 3 + 5;
    const header = tarHeader({ name: 'big.bin', isDirectory: false, size });
    expect(header[124]).toBe(0x80);
    expect(readTarSize(header)).toBe(size);
    expect(tarChecksumOk(header)).toBe(true);
    const octal = tarHeader({ name: 'just-under', isDirectory: false, size: 8 * 1024 ** 3 - 1 });
    expect(octal.subarray(124, 136).toString('latin1')).toBe('77777777777\u0000');
  });

  it('pads data to whole blocks', () => {
    expect(tarPadding(0)).toHaveLength(0);
    expect(tarPadding(1)).toHaveLength(511);
    expect(tarPadding(512)).toHaveLength(0);
    expect(tarPadding(513)).toHaveLength(511);
  });
});
