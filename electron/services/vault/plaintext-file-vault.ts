import { FileVault, type EntryCodec, type OpenedVault } from './file-vault';

const plaintextCodec: EntryCodec = {
  encoding: 'plaintext',
  encode: async (plain) => plain,
  decode: async (stored) => stored,
};

/**
 * UNENCRYPTED secrets on disk: values are written as plain text, protected only by the file's 0600 mode. Use only
 * after the user explicitly opted in with a warning (the web host's `--persist-secrets`, or the desktop setting
 * "store secrets without OS encryption" on a machine with no OS keystore at all). Anyone who can read the user's
 * files, or a backup of them, can read these secrets.
 */
export class PlaintextFileVault extends FileVault {
  private constructor(path: string, entries: Map<string, string>) {
    super(path, plaintextCodec, entries);
  }

  /** Opens (or starts) the unencrypted file at `path`; throws only VaultFileBlockedError, for a file it must not touch. */
  static async open(path: string, now: Date = new Date()): Promise<OpenedVault<PlaintextFileVault>> {
    const { entries, notice } = await FileVault.load(path, plaintextCodec, now);
    const vault = new PlaintextFileVault(path, entries);
    return notice === undefined ? { vault } : { vault, notice };
  }
}
