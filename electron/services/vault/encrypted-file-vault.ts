import type { Cipher } from './cipher';
import { FileVault, type EntryCodec, type OpenedVault } from './file-vault';

/** Stores each value as base64 of the cipher's output; the cipher (the OS keystore) does all the cryptography. */
function cipherCodec(cipher: Cipher): EntryCodec {
  return {
    encoding: 'os-cipher',
    backend: cipher.backend,
    encode: async (plain) => (await cipher.encrypt(plain)).toString('base64'),
    decode: (stored) => cipher.decrypt(Buffer.from(stored, 'base64')),
  };
}

/**
 * A persistent vault whose values are each encrypted by the OS keystore (safeStorage) and kept in one JSON file
 * (mode 0600, atomic writes). A damaged file, or values the keystore can no longer decrypt, are backed up, dropped
 * and reported through the `notice` of `open`, never thrown.
 */
export class EncryptedFileVault extends FileVault {
  private constructor(path: string, codec: EntryCodec, entries: Map<string, string>) {
    super(path, codec, entries);
  }

  /** Opens (or starts) the vault file at `path`; throws only VaultFileBlockedError, for a file it must not touch. */
  static async open(path: string, cipher: Cipher, now: Date = new Date()): Promise<OpenedVault<EncryptedFileVault>> {
    const codec = cipherCodec(cipher);
    const { entries, notice } = await FileVault.load(path, codec, now);
    const vault = new EncryptedFileVault(path, codec, entries);
    return notice === undefined ? { vault } : { vault, notice };
  }
}
