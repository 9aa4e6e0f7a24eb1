import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventBus } from '../events';
import { fakeCipher } from '../vault/testing/fake-cipher';
import { SettingsService } from './service';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bl-settings-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('settings service', () => {
  it('keeps secrets encrypted on disk when the OS has a strong keystore', async () => {
    const dir = dataDir();
    const cipher = fakeCipher({ backend: 'gnome_libsecret' });
    const settings = await SettingsService.open({ dataDir: dir, cipher, events: new EventBus() });
    expect(settings.view().secretStorage).toMatchObject({ mode: 'encrypted', backend: 'gnome_libsecret' });
    await settings.vault().set('account.a.key', 'super-secret-key-value');
    expect(readFileSync(join(dir, 'secrets.vault.json'), 'utf8')).not.toContain('super-secret-key-value');
    const reopened = await SettingsService.open({ dataDir: dir, cipher, events: new EventBus() });
    expect(await reopened.vault().get('account.a.key')).toBe('super-secret-key-value');
  });

  it('keeps secrets in memory on a weak keystore until the user opts in, carrying them over and back', async () => {
    const dir = dataDir();
    const events = new EventBus();
    const settings = await SettingsService.open({ dataDir: dir, cipher: fakeCipher({ backend: 'basic_text', strong: false }), events });
    expect(settings.view()).toMatchObject({ storeSecretsWithoutEncryption: false, secretStorage: { mode: 'memory' } });
    expect(settings.view().secretStorage.message).toContain('basic_text');
    await settings.vault().set('account.a.key', 'kept-across-modes');

    const optedIn = await settings.update({ storeSecretsWithoutEncryption: true });
    expect(optedIn.secretStorage.mode).toBe('weak');
    expect(await settings.vault().get('account.a.key')).toBe('kept-across-modes');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).storeSecretsWithoutEncryption).toBe(true);

    const optedOut = await settings.update({ storeSecretsWithoutEncryption: false });
    expect(optedOut.secretStorage.mode).toBe('memory');
    expect(await settings.vault().get('account.a.key')).toBe('kept-across-modes');
    expect(existsSync(join(dir, 'secrets.weak.vault.json'))).toBe(false);
  });

  it('stores the Entra cloud and client id, and clears the client id back to the default', async () => {
    const settings = await SettingsService.open({ dataDir: dataDir(), events: new EventBus() });
    expect(settings.view().entra).toMatchObject({ cloud: 'public', defaultClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' });
    const id = '11111111-2222-4333-8444-555555555555';
    await expect(settings.update({ entra: { cloud: 'usGovernment', clientId: id } })).resolves.toMatchObject({
      entra: { cloud: 'usGovernment', clientId: id },
    });
    const cleared = await settings.update({ entra: { cloud: 'china', clientId: null } });
    expect(cleared.entra.cloud).toBe('china');
    expect(cleared.entra.clientId).toBeUndefined();
  });

  it('under the web host keeps secrets in memory unless --persist-secrets was given', async () => {
    const plain = await SettingsService.open({ dataDir: dataDir(), events: new EventBus() });
    expect(plain.view().secretStorage.mode).toBe('memory');
    const dir = dataDir();
    const persisted = await SettingsService.open({ dataDir: dir, persistSecrets: true, events: new EventBus() });
    expect(persisted.view().secretStorage.mode).toBe('weak');
    await persisted.vault().set('k', 'v');
    expect(existsSync(join(dir, 'secrets.plaintext.json'))).toBe(true);
  });
});
