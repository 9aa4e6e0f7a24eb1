import { PRIVATE_FILE_MODE, readIfExists, writeBackup, writeFileAtomic } from '../settings/atomic-file';
import { SerialQueue } from '../settings/serial-queue';
import type { SecretVault } from './vault';

/** Marks a file as ours, so an unrelated or hand-edited JSON file is treated as damaged rather than misread. */
const FORMAT = 'batch-lens-secrets';
const VERSION = 1;

/** How the values in a vault file are stored. */
export type VaultEncoding = 'os-cipher' | 'plaintext';

/** Turns a secret into the string kept in the file and back; the only place a vault's protection comes from. */
export interface EntryCodec {
  readonly encoding: VaultEncoding;
  readonly backend?: string;
  encode(plain: string): Promise<string>;
  decode(stored: string): Promise<string>;
}

/** A vault file that cannot be used and must not be overwritten: unreadable, or damaged and impossible to back up. */
export class VaultFileBlockedError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    cause: unknown,
  ) {
    super(`The secrets file ${path} ${problem} (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
    this.name = 'VaultFileBlockedError';
  }
}

/** What opening a vault file produced: the vault and, when the file had to be recovered, a message for the user. */
export interface OpenedVault<V extends SecretVault> {
  vault: V;
  notice?: string;
}

interface VaultFileBody {
  format: typeof FORMAT;
  version: typeof VERSION;
  encoding: VaultEncoding;
  backend?: string;
  entries: Record<string, string>;
}

type Parsed = { ok: true; backend?: string; entries: [string, string][] } | { ok: false; reason: string };

function parseBody(text: string, encoding: VaultEncoding): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'is not a secrets file' };
  const record = body as Record<string, unknown>;
  if (record.format !== FORMAT || record.version !== VERSION) return { ok: false, reason: 'is not a secrets file of a known version' };
  if (record.encoding !== encoding) return { ok: false, reason: `holds ${String(record.encoding)} entries, not ${encoding}` };
  const entries = record.entries;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return { ok: false, reason: 'has no entries' };
  // Object.entries sees only own keys, so a key such as "__proto__" is read as data, never as a prototype.
  const pairs = Object.entries(entries);
  if (pairs.some(([, value]) => typeof value !== 'string')) return { ok: false, reason: 'has an entry that is not a string' };
  const backend = typeof record.backend === 'string' ? record.backend : undefined;
  return { ok: true, backend, entries: pairs as [string, string][] };
}

/**
 * The shared body of the file vaults: one JSON file mapping key to encoded value, each value encoded on its own,
 * rewritten atomically with mode 0600 after every change, changes applied one at a time.
 */
export abstract class FileVault implements SecretVault {
  readonly persistent = true;
  private readonly queue = new SerialQueue();

  protected constructor(
    /** The file this vault owns. */
    readonly path: string,
    private readonly codec: EntryCodec,
    private entries: Map<string, string>,
  ) {}

  /**
   * Reads `path` through `codec`. A damaged file, or entries the codec cannot decode, are backed up byte for byte,
   * dropped and reported; only a file that can be neither read nor backed up throws (VaultFileBlockedError).
   */
  protected static async load(path: string, codec: EntryCodec, now: Date): Promise<{ entries: Map<string, string>; notice?: string }> {
    let bytes: Buffer | undefined;
    try {
      bytes = await readIfExists(path);
    } catch (error) {
      throw new VaultFileBlockedError(path, 'could not be read', error);
    }
    if (bytes === undefined) return { entries: new Map() };

    const parsed = parseBody(bytes.toString('utf8'), codec.encoding);
    if (!parsed.ok) return FileVault.recover(path, codec, bytes, now, new Map(), `The secrets file ${path} ${parsed.reason}.`);

    const kept = new Map<string, string>();
    let failed = 0;
    for (const [key, stored] of parsed.entries) {
      try {
        await codec.decode(stored);
        kept.set(key, stored);
      } catch {
        failed++;
      }
    }
    if (failed === 0) return { entries: kept };
    const backends =
      parsed.backend && codec.backend && parsed.backend !== codec.backend
        ? ` They were written with the ${parsed.backend} keystore; ${codec.backend} is in use now.`
        : '';
    const problem = `${failed} of ${parsed.entries.length} secrets in ${path} could not be decrypted and were removed; re-enter them.${backends}`;
    return FileVault.recover(path, codec, bytes, now, kept, problem);
  }

  /** Keeps the original bytes in a backup, then rewrites the file with what survived. */
  private static async recover(
    path: string,
    codec: EntryCodec,
    bytes: Buffer,
    now: Date,
    kept: Map<string, string>,
    problem: string,
  ): Promise<{ entries: Map<string, string>; notice: string }> {
    let backup: string;
    try {
      backup = await writeBackup(path, bytes, now);
    } catch (error) {
      throw new VaultFileBlockedError(path, 'is damaged and could not be backed up', error);
    }
    const saved = `${problem} The original file was kept as ${backup}.`;
    try {
      await writeFileAtomic(path, FileVault.serialise(codec, kept), PRIVATE_FILE_MODE);
    } catch (error) {
      return { entries: kept, notice: `${saved} Rewriting the vault failed (${error instanceof Error ? error.message : String(error)}).` };
    }
    return { entries: kept, notice: saved };
  }

  private static serialise(codec: EntryCodec, entries: Map<string, string>): string {
    const body: VaultFileBody = {
      format: FORMAT,
      version: VERSION,
      encoding: codec.encoding,
      ...(codec.backend === undefined ? {} : { backend: codec.backend }),
      entries: Object.fromEntries(entries),
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }

  /** The secret under `key`, decoded on each read so plaintext is held no longer than the caller needs it. */
  async keys(): Promise<string[]> {
    return [...this.entries.keys()];
  }

  async get(key: string): Promise<string | undefined> {
    const stored = this.entries.get(key);
    return stored === undefined ? undefined : this.codec.decode(stored);
  }

  /** Stores `value` under `key` and resolves once the file on disk holds it. */
  set(key: string, value: string): Promise<void> {
    return this.queue.run(async () => {
      const next = new Map(this.entries);
      next.set(key, await this.codec.encode(value));
      await this.commit(next);
    });
  }

  /** Removes `key` and resolves once the file on disk no longer holds it. */
  delete(key: string): Promise<void> {
    return this.queue.run(async () => {
      if (!this.entries.has(key)) return;
      const next = new Map(this.entries);
      next.delete(key);
      await this.commit(next);
    });
  }

  /** Memory changes only after the write succeeds, so a failed write never leaves get() ahead of the disk. */
  private async commit(next: Map<string, string>): Promise<void> {
    await writeFileAtomic(this.path, FileVault.serialise(this.codec, next), PRIVATE_FILE_MODE);
    this.entries = next;
  }
}
