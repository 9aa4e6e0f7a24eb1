import { randomBytes } from 'node:crypto';
import type { Cipher } from '../cipher';

/**
 * TEST ONLY: a stand-in for the OS keystore that XORs with a random key held in memory. It exists so tests can
 * check what reaches the disk; it is not encryption and must never be used outside tests.
 */
export function fakeCipher(options: { backend?: string; strong?: boolean; available?: boolean } = {}): Cipher & { encryptCalls: number } {
  const key = randomBytes(32);
  // A per-key tag so data from another fake key is refused, as a real keystore refuses data it did not produce.
  const tag = randomBytes(4);
  const xor = (data: Buffer): Buffer => Buffer.from(data.map((byte, i) => byte ^ key[i % key.length]!));
  const available = options.available ?? true;
  const cipher = {
    backend: options.backend ?? 'fake-keystore',
    strong: options.strong ?? available,
    available,
    encryptCalls: 0,
    async encrypt(plain: string): Promise<Buffer> {
      if (!available) throw new Error('fake cipher unavailable');
      cipher.encryptCalls++;
      return Buffer.concat([tag, xor(Buffer.from(plain, 'utf8'))]);
    },
    async decrypt(data: Buffer): Promise<string> {
      if (!available) throw new Error('fake cipher unavailable');
      if (data.length < tag.length || !data.subarray(0, tag.length).equals(tag)) throw new Error('fake cipher: not my data');
      return xor(data.subarray(tag.length)).toString('utf8');
    },
  };
  return cipher;
}

/** The forms a leaked secret could take in a file: raw UTF-8, base64 and hex. */
export function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('hex')];
}
