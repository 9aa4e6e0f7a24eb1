/** A member read back from a tar archive (tests use it to check the writer, independent of the system tar). */
export interface ReadMember {
  name: string;
  type: string;
  size: number;
  data: Buffer;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? length : nul).toString('utf8');
}

/** The size field: octal, or GNU base-256 when the high bit of its first byte is set. */
export function readTarSize(block: Buffer): number {
  if ((block[124]! & 0x80) !== 0) {
    let size = 0n;
    for (let i = 125; i < 136; i++) size = (size << 8n) | BigInt(block[i]!);
    return Number(size);
  }
  return parseInt(field(block, 124, 12).trim() || '0', 8);
}

/** True when the header's checksum matches its bytes. */
export function tarChecksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return parseInt(field(block, 148, 8).trim(), 8) === sum;
}

/** Reads every member of a ustar archive, applying PAX `path` records and the ustar prefix field. */
export function readTar(archive: Buffer): ReadMember[] {
  const members: ReadMember[] = [];
  let pax: Record<string, string> = {};
  for (let at = 0; at + 512 <= archive.length; ) {
    const block = archive.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    if (!tarChecksumOk(block)) throw new Error(`bad checksum at ${at}`);
    const size = readTarSize(block);
    const type = field(block, 156, 1);
    const data = archive.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = {};
      for (const line of data.toString('utf8').split('\n').filter(Boolean)) {
        const record = line.slice(line.indexOf(' ') + 1);
        pax[record.slice(0, record.indexOf('='))] = record.slice(record.indexOf('=') + 1);
      }
      continue;
    }
    const prefix = field(block, 345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
    pax = {};
    members.push({ name, type, size, data });
  }
  return members;
}
