import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openVault, VAULT_FILES } from '../services/vault/open-vault';
import { leakForms } from '../services/vault/testing/fake-cipher';
import type { SafeStorageLike } from './safe-storage';

/** TEST ONLY: the mocked safeStorage XORs with a random in-memory key behind a "v11" prefix, like Chromium's. */
const mock = vi.hoisted(() => ({ storage: {} as Record<string, unknown> }));

vi.mock('electron', () => ({ safeStorage: mock.storage }));

const { createSafeStorageCipher } = await import('./safe-storage');

const key = randomBytes(32);
const PREFIX = Buffer.from('v11');
const xor = (data: Buffer): Buffer => Buffer.from(data.map((byte, i) => byte ^ key[i % key.length]!));
const seal = (plain: string): Buffer => Buffer.concat([PREFIX, xor(Buffer.from(plain, 'utf8'))]);
const unseal = (data: Buffer): string => {
  if (!data.subarray(0, PREFIX.length).equals(PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return xor(data.subarray(PREFIX.length)).toString('utf8');
};

/** Electron 40: only the sync API. */
function syncStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn(seal),
    decryptString: vi.fn(unseal),
    getSelectedStorageBackend: vi.fn(() => backend),
  } satisfies SafeStorageLike;
}

/** A newer Electron: the async API next to the sync one. */
function asyncStorage(backend: string, available = true) {
  return {
    ...syncStorage(backend, available),
    isAsyncEncryptionAvailable: vi.fn(async () => available),
    encryptStringAsync: vi.fn(async (plain: string) => seal(plain)),
    decryptStringAsync: vi.fn(async (data: Buffer) => ({ shouldReEncrypt: false, result: unseal(data) })),
  } satisfies SafeStorageLike;
}

function useStorage(storage: object): void {
  for (const name of Object.keys(mock.storage)) delete mock.storage[name];
  Object.assign(mock.storage, storage);
}

describe('safeStorage cipher', () => {
  it('uses the sync API on Electron 40 and calls a real keyring strong', async () => {
    const storage = syncStorage('gnome_libsecret');
    useStorage(storage);
    const cipher = await createSafeStorageCipher(undefined, 'linux');
    expect(cipher).toMatchObject({ backend: 'gnome_libsecret', strong: true, available: true });
    const sealed = await cipher.encrypt('hello');
    expect(storage.encryptString).toHaveBeenCalledWith('hello');
    expect(await cipher.decrypt(sealed)).toBe('hello');
  });

  it('prefers the async API when this Electron has it', async () => {
    const storage = asyncStorage('kwallet6');
    storage.encryptString.mockImplementation(() => {
      throw new Error('sync API must not be used');
    });
    storage.decryptString.mockImplementation(() => {
      throw new Error('sync API must not be used');
    });
    useStorage(storage);
    const cipher = await createSafeStorageCipher(undefined, 'linux');
    expect(cipher).toMatchObject({ backend: 'kwallet6', strong: true, available: true });
    expect(await cipher.decrypt(await cipher.encrypt('async secret'))).toBe('async secret');
    expect(storage.encryptStringAsync).toHaveBeenCalledOnce();
    expect(storage.decryptStringAsync).toHaveBeenCalledOnce();
    expect(storage.isAsyncEncryptionAvailable).toHaveBeenCalled();
  });

  it('works on an Electron that has dropped the sync API', async () => {
    const { isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync, getSelectedStorageBackend } = asyncStorage('gnome_libsecret');
    useStorage({ isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync, getSelectedStorageBackend });
    const cipher = await createSafeStorageCipher(undefined, 'linux');
    expect(cipher.strong).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt('x'))).toBe('x');
  });

  it.each(['basic_text', 'unknown'])('calls the Linux %s backend weak: it uses a hard-coded key', async (backend) => {
    useStorage(syncStorage(backend));
    const cipher = await createSafeStorageCipher(undefined, 'linux');
    expect(cipher).toMatchObject({ backend, strong: false, available: true });
  });

  it('assumes the worst on Linux when the backend cannot be asked', async () => {
    const { isEncryptionAvailable, encryptString, decryptString } = syncStorage('gnome_libsecret');
    useStorage({ isEncryptionAvailable, encryptString, decryptString });
    expect(await createSafeStorageCipher(undefined, 'linux')).toMatchObject({ backend: 'unknown', strong: false });
  });

  it('names the keystore on macOS and Windows and trusts it when available', async () => {
    useStorage(syncStorage('unknown'));
    expect(await createSafeStorageCipher(undefined, 'darwin')).toMatchObject({ backend: 'keychain', strong: true });
    expect(await createSafeStorageCipher(undefined, 'win32')).toMatchObject({ backend: 'dpapi', strong: true });
  });

  it.each([
    ['sync', syncStorage],
    ['async', asyncStorage],
  ])('is neither available nor strong when %s encryption is unavailable, and refuses to encrypt', async (_api, make) => {
    const storage = make('gnome_libsecret', false);
    useStorage(storage);
    const cipher = await createSafeStorageCipher(undefined, 'linux');
    expect(cipher).toMatchObject({ available: false, strong: false });
    await expect(cipher.encrypt('x')).rejects.toThrow(/not available/);
    expect(storage.encryptString).not.toHaveBeenCalled();
  });

  describe('behind the vault', () => {
    let dataDir: string;

    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'safe-storage-vault-'));
    });

    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it.each([
      ['sync', syncStorage],
      ['async', asyncStorage],
    ])('never lets a secret reach the vault file in plain text (%s API)', async (_api, make) => {
      useStorage(make('gnome_libsecret'));
      const secrets = ['AccountKey-9aF3kL0pQ2==', 'refresh-token-0.AVQA-UNIQUE-777'];
      const cipher = await createSafeStorageCipher(undefined, 'linux');
      const { vault, status } = await openVault({ dataDir, cipher, allowWeakStorage: false });
      expect(status.mode).toBe('encrypted');
      for (const [i, secret] of secrets.entries()) await vault.set(`key-${i}`, secret);

      const raw = (await readFile(join(dataDir, VAULT_FILES.encrypted))).toString('latin1');
      for (const secret of secrets) for (const form of leakForms(secret)) expect(raw).not.toContain(form);
      const reopened = await openVault({ dataDir, cipher: await createSafeStorageCipher(undefined, 'linux'), allowWeakStorage: false });
      expect(await reopened.vault.get('key-1')).toBe(secrets[1]);
    });

    it('reads after an Electron upgrade what the sync API wrote', async () => {
      useStorage(syncStorage('gnome_libsecret'));
      const before = await openVault({ dataDir, cipher: await createSafeStorageCipher(undefined, 'linux'), allowWeakStorage: false });
      await before.vault.set('k', 'survives the upgrade');
      useStorage(asyncStorage('gnome_libsecret'));
      const after = await openVault({ dataDir, cipher: await createSafeStorageCipher(undefined, 'linux'), allowWeakStorage: false });
      expect(after.status.notice).toBeUndefined();
      expect(await after.vault.get('k')).toBe('survives the upgrade');
    });

    it('keeps secrets in memory on a basic_text machine', async () => {
      useStorage(syncStorage('basic_text'));
      const { status } = await openVault({ dataDir, cipher: await createSafeStorageCipher(undefined, 'linux'), allowWeakStorage: false });
      expect(status).toMatchObject({ mode: 'memory', backend: 'basic_text' });
    });
  });
});
