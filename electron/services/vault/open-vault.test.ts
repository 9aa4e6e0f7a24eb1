import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileVault } from './encrypted-file-vault';
import { openVault, removeWeakSecretFiles, VAULT_FILES } from './open-vault';
import { PlaintextFileVault } from './plaintext-file-vault';
import { fakeCipher, leakForms } from './testing/fake-cipher';
import { MemoryVault } from './vault';

const SECRET = 'weak-mode-secret-Xy7Qp2-DISTINCT';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'open-vault-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openVault', () => {
  it('uses the encrypted file when the OS keystore is strong', async () => {
    const cipher = fakeCipher({ backend: 'gnome_libsecret' });
    const { vault, status } = await openVault({ dataDir, cipher, allowWeakStorage: false });
    expect(vault).toBeInstanceOf(EncryptedFileVault);
    expect(vault.persistent).toBe(true);
    expect(status).toMatchObject({ mode: 'encrypted', backend: 'gnome_libsecret' });
    expect(status.notice).toBeUndefined();
    await vault.set('k', SECRET);
    expect(await readdir(dataDir)).toEqual([VAULT_FILES.encrypted]);
    expect(await readFile(join(dataDir, VAULT_FILES.encrypted), 'utf8')).not.toContain(SECRET);
  });

  it('keeps secrets in memory, writing nothing at all, when the backend is weak and there is no opt-in', async () => {
    const cipher = fakeCipher({ backend: 'basic_text', strong: false });
    const { vault, status } = await openVault({ dataDir, cipher, allowWeakStorage: false });
    expect(vault).toBeInstanceOf(MemoryVault);
    expect(vault.persistent).toBe(false);
    expect(status.mode).toBe('memory');
    expect(status.backend).toBe('basic_text');
    expect(status.message).toContain('kept in memory for this session because the OS offers no encryption (backend basic_text)');
    expect(status.message).toContain('Store secrets without OS encryption');

    await vault.set('k', SECRET);
    expect(await vault.get('k')).toBe(SECRET);
    expect(await readdir(dataDir)).toEqual([]);
    expect(cipher.encryptCalls).toBe(0);
  });

  it('stores secrets through the weak backend, with a warning, after the opt-in', async () => {
    const cipher = fakeCipher({ backend: 'basic_text', strong: false });
    const { vault, status } = await openVault({ dataDir, cipher, allowWeakStorage: true });
    expect(vault).toBeInstanceOf(EncryptedFileVault);
    expect(status.mode).toBe('weak');
    expect(status.message).toMatch(/^Warning: /);
    expect(status.message).toContain('basic_text');
    await vault.set('k', SECRET);
    expect(await readdir(dataDir)).toEqual([VAULT_FILES.weakEncrypted]);
    expect(await readFile(join(dataDir, VAULT_FILES.weakEncrypted), 'utf8')).not.toContain(SECRET);

    const again = await openVault({ dataDir, cipher, allowWeakStorage: true });
    expect(await again.vault.get('k')).toBe(SECRET);
  });

  it('keeps secrets in memory in the web host unless --persist-secrets was given', async () => {
    const { vault, status } = await openVault({ dataDir, allowWeakStorage: false });
    expect(vault).toBeInstanceOf(MemoryVault);
    expect(status.mode).toBe('memory');
    expect(status.backend).toBeUndefined();
    expect(status.message).toContain('--persist-secrets');
    await vault.set('k', SECRET);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('uses the plaintext file in the web host with --persist-secrets', async () => {
    const { vault, status } = await openVault({ dataDir, allowWeakStorage: true });
    expect(vault).toBeInstanceOf(PlaintextFileVault);
    expect(vault.persistent).toBe(true);
    expect(status.mode).toBe('weak');
    expect(status.message).toMatch(/^Warning: secrets are stored UNENCRYPTED/);
    expect(status.message).toContain('--persist-secrets');
    await vault.set('k', SECRET);
    expect((await stat(join(dataDir, VAULT_FILES.plaintext))).mode & 0o777).toBe(0o600);
  });

  it('falls back to the plaintext file when the desktop keystore is unavailable and the user opted in', async () => {
    const cipher = fakeCipher({ backend: 'keychain', available: false });
    const memory = await openVault({ dataDir, cipher, allowWeakStorage: false });
    expect(memory.status.message).toContain('OS encryption is not available (backend keychain)');
    const { vault, status } = await openVault({ dataDir, cipher, allowWeakStorage: true });
    expect(vault).toBeInstanceOf(PlaintextFileVault);
    expect(status).toMatchObject({ mode: 'weak', backend: 'keychain' });
  });

  it('leaves an earlier encrypted file untouched, and says so, when the keystore is now weak', async () => {
    const strong = fakeCipher({ backend: 'gnome_libsecret' });
    const first = await openVault({ dataDir, cipher: strong, allowWeakStorage: false });
    await first.vault.set('k', SECRET);
    const path = join(dataDir, VAULT_FILES.encrypted);
    const before = await readFile(path);

    const weak = fakeCipher({ backend: 'basic_text', strong: false });
    const memory = await openVault({ dataDir, cipher: weak, allowWeakStorage: false });
    expect(memory.status.mode).toBe('memory');
    expect(memory.status.message).toContain(`An encrypted secrets file from an earlier session (${path}) is kept untouched`);
    const optedIn = await openVault({ dataDir, cipher: weak, allowWeakStorage: true });
    await optedIn.vault.set('other', 'value');
    expect(optedIn.status.message).toContain('kept untouched');
    expect(await readFile(path)).toEqual(before);

    // Once the keystore is back, so are the secrets.
    const restored = await openVault({ dataDir, cipher: strong, allowWeakStorage: false });
    expect(await restored.vault.get('k')).toBe(SECRET);
    expect(restored.status.message).toContain(VAULT_FILES.weakEncrypted);
  });

  it('reports a recovered corrupt vault in the status notice', async () => {
    await writeFile(join(dataDir, VAULT_FILES.encrypted), '\u0000\u0001garbage');
    const { vault, status } = await openVault({ dataDir, cipher: fakeCipher(), allowWeakStorage: false });
    expect(status.mode).toBe('encrypted');
    expect(status.notice).toContain('.corrupt-');
    expect(await vault.get('k')).toBeUndefined();
  });

  it('falls back to memory, touching nothing, when the vault file cannot be read', async () => {
    const blocked = join(dataDir, VAULT_FILES.encrypted);
    await mkdir(blocked);
    const { vault, status } = await openVault({ dataDir, cipher: fakeCipher(), allowWeakStorage: false });
    expect(vault).toBeInstanceOf(MemoryVault);
    expect(status.mode).toBe('memory');
    expect(status.message).toContain('could not be read');
    expect((await stat(blocked)).isDirectory()).toBe(true);
  });

  it('returns a status that survives a JSON round trip unchanged', async () => {
    const { status } = await openVault({ dataDir, cipher: fakeCipher({ backend: 'basic_text', strong: false }), allowWeakStorage: true });
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it('removes the weak files, and only those, when asked', async () => {
    const weak = await openVault({ dataDir, cipher: fakeCipher({ strong: false, backend: 'basic_text' }), allowWeakStorage: true });
    await weak.vault.set('k', SECRET);
    const plain = await openVault({ dataDir, allowWeakStorage: true });
    await plain.vault.set('k', SECRET);
    const strong = await openVault({ dataDir, cipher: fakeCipher(), allowWeakStorage: false });
    await strong.vault.set('k', SECRET);

    const removed = await removeWeakSecretFiles(dataDir);
    expect(removed.sort()).toEqual([join(dataDir, VAULT_FILES.plaintext), join(dataDir, VAULT_FILES.weakEncrypted)].sort());
    expect(await readdir(dataDir)).toEqual([VAULT_FILES.encrypted]);
    for (const form of leakForms(SECRET)) expect(await readFile(join(dataDir, VAULT_FILES.encrypted), 'utf8')).not.toContain(form);
  });
});
