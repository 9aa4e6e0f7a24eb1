import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileVault } from './encrypted-file-vault';
import { fakeCipher, leakForms } from './testing/fake-cipher';

const SECRETS = {
  'account:alpha': 'ALPHA-shared-key-7f3c9d2e1b0a==',
  'account:beta': 'beta+key/Zq81x0MvTT4kP9==',
  'msal-cache:public:client': '{"RefreshToken":{"rt-1":{"secret":"0.AAAA-refresh-token-DISTINCT-42"}}}',
};

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vault-'));
  path = join(dir, 'secrets.vault.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('EncryptedFileVault', () => {
  it('never writes a secret in plain text, in any common encoding', async () => {
    const cipher = fakeCipher();
    const { vault } = await EncryptedFileVault.open(path, cipher);
    for (const [key, value] of Object.entries(SECRETS)) await vault.set(key, value);

    const raw = await readFile(path);
    const text = raw.toString('latin1');
    for (const value of Object.values(SECRETS)) for (const form of leakForms(value)) expect(text).not.toContain(form);
    // Keys are not secret and prove the values really were written to this file.
    expect(text).toContain('account:alpha');
    expect(cipher.encryptCalls).toBe(3);
  });

  it('encrypts each value separately', async () => {
    const { vault } = await EncryptedFileVault.open(path, fakeCipher());
    await vault.set('a', 'first secret');
    await vault.set('b', 'second secret');
    const body = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(body.entries).sort()).toEqual(['a', 'b']);
    expect(body.entries.a).not.toBe(body.entries.b);
  });

  it('round-trips values across a reopen with the same keystore', async () => {
    const cipher = fakeCipher();
    const first = await EncryptedFileVault.open(path, cipher);
    for (const [key, value] of Object.entries(SECRETS)) await first.vault.set(key, value);
    await first.vault.delete('account:beta');

    const second = await EncryptedFileVault.open(path, cipher);
    expect(second.notice).toBeUndefined();
    expect(second.vault.persistent).toBe(true);
    expect(await second.vault.get('account:alpha')).toBe(SECRETS['account:alpha']);
    expect(await second.vault.get('msal-cache:public:client')).toBe(SECRETS['msal-cache:public:client']);
    expect(await second.vault.get('account:beta')).toBeUndefined();
  });

  it('writes the file with mode 0600 and leaves no temp files behind', async () => {
    const { vault } = await EncryptedFileVault.open(path, fakeCipher());
    await vault.set('k', 'v');
    await vault.set('k', 'w');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['secrets.vault.json']);
  });

  it('loses no write when many sets overlap', async () => {
    const cipher = fakeCipher();
    const { vault } = await EncryptedFileVault.open(path, cipher);
    const writes = Array.from({ length: 40 }, (_, i) => vault.set(`key-${i}`, `value-${i}`));
    // Overlapping writes to one key must land in call order.
    writes.push(vault.set('same', 'one'), vault.set('same', 'two'), vault.set('same', 'three'));
    await Promise.all(writes);

    const reopened = await EncryptedFileVault.open(path, cipher);
    for (let i = 0; i < 40; i++) expect(await reopened.vault.get(`key-${i}`)).toBe(`value-${i}`);
    expect(await reopened.vault.get('same')).toBe('three');
  });

  it('keeps memory and disk in step when encryption fails', async () => {
    const cipher = fakeCipher();
    const { vault } = await EncryptedFileVault.open(path, cipher);
    await vault.set('k', 'old');
    const failing = { ...cipher, encrypt: async () => Promise.reject(new Error('keychain locked')) };
    const broken = (await EncryptedFileVault.open(path, failing)).vault;
    await expect(broken.set('k', 'new')).rejects.toThrow('keychain locked');
    expect(await broken.get('k')).toBe('old');
    expect(await (await EncryptedFileVault.open(path, cipher)).vault.get('k')).toBe('old');
  });

  it('treats keys such as __proto__ as plain data', async () => {
    const cipher = fakeCipher();
    const { vault } = await EncryptedFileVault.open(path, cipher);
    await vault.set('__proto__', 'proto-secret');
    await vault.set('constructor', 'ctor-secret');
    const reopened = (await EncryptedFileVault.open(path, cipher)).vault;
    expect(await reopened.get('__proto__')).toBe('proto-secret');
    expect(await reopened.get('constructor')).toBe('ctor-secret');
    expect(await reopened.get('toString')).toBeUndefined();
  });

  it('backs up a corrupt file, reports it and starts empty', async () => {
    const garbage = Buffer.from('{"format":"batch-lens-secrets", trunc');
    await writeFile(path, garbage);
    const now = new Date('2030-01-02T03:04:05.678Z');
    const { vault, notice } = await EncryptedFileVault.open(path, fakeCipher(), now);

    const backup = join(dir, 'secrets.vault.corrupt-2030-01-02T03-04-05.678Z.json');
    expect(notice).toContain(path);
    expect(notice).toContain(backup);
    expect(await readFile(backup)).toEqual(garbage);
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    expect(await vault.get('anything')).toBeUndefined();
    // The damaged file was replaced by a valid empty vault, so the next start is quiet.
    expect((await EncryptedFileVault.open(path, fakeCipher())).notice).toBeUndefined();
  });

  it('treats a JSON file of the wrong shape as corrupt', async () => {
    await writeFile(path, JSON.stringify({ format: 'batch-lens-secrets', version: 1, encoding: 'os-cipher', entries: { a: 42 } }));
    const { notice } = await EncryptedFileVault.open(path, fakeCipher());
    expect(notice).toMatch(/not a string/);
    expect((await readdir(dir)).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('backs up values the keystore can no longer decrypt and starts empty', async () => {
    const { vault } = await EncryptedFileVault.open(path, fakeCipher({ backend: 'gnome_libsecret' }));
    await vault.set('a', 'secret-a');
    await vault.set('b', 'secret-b');
    const original = await readFile(path);

    // A reset keychain: a new key that cannot read the old data.
    const reopened = await EncryptedFileVault.open(path, fakeCipher({ backend: 'kwallet6' }), new Date('2030-05-06T07:08:09.000Z'));
    expect(reopened.notice).toMatch(/2 of 2 secrets .* could not be decrypted/);
    expect(reopened.notice).toMatch(/gnome_libsecret keystore; kwallet6 is in use now/);
    expect(await reopened.vault.get('a')).toBeUndefined();
    expect(await readFile(join(dir, 'secrets.vault.corrupt-2030-05-06T07-08-09.000Z.json'))).toEqual(original);
  });

  it('keeps the values that still decrypt when only some are damaged', async () => {
    const cipher = fakeCipher();
    const { vault } = await EncryptedFileVault.open(path, cipher);
    await vault.set('good', 'good-secret');
    await vault.set('bad', 'bad-secret');
    const body = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, string> };
    body.entries.bad = Buffer.from('tampered').toString('base64');
    await writeFile(path, JSON.stringify(body));

    const reopened = await EncryptedFileVault.open(path, cipher);
    expect(reopened.notice).toMatch(/1 of 2 secrets/);
    expect(await reopened.vault.get('good')).toBe('good-secret');
    expect(await reopened.vault.get('bad')).toBeUndefined();
  });
});
