import { safeStorage } from 'electron';
import type { Cipher } from '../services/vault/cipher';

/**
 * The parts of Electron's safeStorage the vault uses. Every member is optional because the API is changing: Electron
 * 40 has only the sync calls, newer versions add the async ones, and a future one may drop the sync ones.
 */
export interface SafeStorageLike {
  isEncryptionAvailable?(): boolean;
  encryptString?(plainText: string): Buffer;
  decryptString?(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  /** Resolves to `{ result, shouldReEncrypt }`; a bare string is accepted in case a version returns one. */
  decryptStringAsync?(encrypted: Buffer): Promise<string | { result: string }>;
}

/** Linux backends where Chromium falls back to a key hard-coded in its source: obfuscation, not protection. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function backendName(storage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  // Without the call we cannot tell a real keyring from the hard-coded key, so assume the worst.
  return storage.getSelectedStorageBackend?.() ?? 'unknown';
}

function isStrong(backend: string, platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32' || !WEAK_LINUX_BACKENDS.has(backend);
}

function unavailable(backend: string): Error {
  return new Error(`OS encryption is not available (backend ${backend})`);
}

/**
 * Adapts Electron safeStorage to the vault's Cipher, preferring the async API when this Electron has it, so an
 * Electron upgrade needs no change here. Call after the app's `ready` event: before it, Linux reports `unknown`
 * and Windows reports no encryption.
 */
export async function createSafeStorageCipher(
  storage: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<Cipher> {
  const backend = backendName(storage, platform);
  const { encryptStringAsync, decryptStringAsync, isAsyncEncryptionAvailable } = storage;
  if (encryptStringAsync && decryptStringAsync && isAsyncEncryptionAvailable) {
    const available = await isAsyncEncryptionAvailable.call(storage);
    return {
      backend,
      available,
      strong: available && isStrong(backend, platform),
      async encrypt(plain) {
        if (!available) throw unavailable(backend);
        return encryptStringAsync.call(storage, plain);
      },
      async decrypt(data) {
        if (!available) throw unavailable(backend);
        const decrypted = await decryptStringAsync.call(storage, data);
        return typeof decrypted === 'string' ? decrypted : decrypted.result;
      },
    };
  }
  const { encryptString, decryptString } = storage;
  const available = Boolean(encryptString && decryptString && storage.isEncryptionAvailable?.());
  return {
    backend,
    available,
    strong: available && isStrong(backend, platform),
    async encrypt(plain) {
      if (!available || !encryptString) throw unavailable(backend);
      return encryptString.call(storage, plain);
    },
    async decrypt(data) {
      if (!available || !decryptString) throw unavailable(backend);
      return decryptString.call(storage, data);
    },
  };
}
