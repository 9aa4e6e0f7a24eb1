/** One member of a tar archive: its path inside the archive (`/` separated) and its size. */
export interface TarEntry {
  name: string;
  isDirectory: boolean;
  size: number;
  mtime?: Date;
}

const BLOCK = 512;
/** The largest size the 11 octal digits of the ustar size field hold; larger files use GNU base-256. */
const MAX_OCTAL_SIZE = 0o77777777777;

/** The zero bytes that round a member's data up to a whole block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Two zero blocks mark the end of the archive. */
export const TAR_END = Buffer.alloc(2 * BLOCK);

function writeOctal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}

function writeSize(header: Buffer, size: number): void {
  if (size <= MAX_OCTAL_SIZE) return writeOctal(header, 124, 12, size);
  // GNU base-256: the high bit of the first byte set, then the size big-endian in the remaining 11 bytes.
  header[124] = 0x80;
  let rest = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function header(name: string, prefix: string, type: '0' | '5' | 'x', size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  writeOctal(h, 100, 8, type === '5' ? 0o755 : 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeSize(h, size);
  writeOctal(h, 136, 12, Math.max(0, Math.floor(mtime.getTime() / 1000)));
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\u000000', 257, 8, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  // The checksum is summed with its own field read as spaces.
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return h;
}

/** Splits a long name at a `/` so it fits the ustar prefix (155 bytes) and name (100 bytes) fields, if it can. */
function splitUstar(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut > 0; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

/** A PAX record `"<len> path=<value>\n"`, whose length counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body);
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`, 'utf8');
}

/** The header block(s) for one member: a plain ustar header, or a PAX header first when the name is too long. */
export function tarHeader(entry: TarEntry): Buffer {
  const path = entry.isDirectory ? `${entry.name.replace(/\/+$/, '')}/` : entry.name;
  const type = entry.isDirectory ? '5' : '0';
  const size = entry.isDirectory ? 0 : entry.size;
  const mtime = entry.mtime ?? new Date(0);
  const split = splitUstar(path);
  if (split) return header(split.name, split.prefix, type, size, mtime);
  const record = paxRecord('path', path);
  const shortName = Buffer.from(path, 'utf8').subarray(0, 90).toString('utf8').replace(/\uFFFD+$/, '');
  return Buffer.concat([
    header(`PaxHeader/${shortName}`.slice(0, 100), '', 'x', record.length, mtime),
    record,
    tarPadding(record.length),
    header(shortName, '', type, size, mtime),
  ]);
}
