import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, SETTINGS_FILE } from './settings';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'settings-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('app settings', () => {
  it('defaults to memory-only secrets, the public cloud and live refresh', async () => {
    const { settings, notice } = await loadSettings(dataDir);
    expect(notice).toBeUndefined();
    expect(settings).toEqual({ storeSecretsWithoutEncryption: false, entra: { cloud: 'public' }, refresh: { paused: false } });
    expect(settings).toEqual(defaultSettings());
  });

  it('saves changes and reads them back', async () => {
    const { store } = await loadSettings(dataDir);
    await store.update((s) => ({ ...s, entra: { cloud: 'usGovernment', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' } }));
    await store.update((s) => ({ ...s, refresh: { paused: true } }));
    const { settings } = await loadSettings(dataDir);
    expect(settings.entra).toEqual({ cloud: 'usGovernment', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' });
    expect(settings.refresh.paused).toBe(true);
  });

  it('completes a partial file from an older version', async () => {
    await writeFile(join(dataDir, SETTINGS_FILE), '{"storeSecretsWithoutEncryption": true}');
    const { settings, notice } = await loadSettings(dataDir);
    expect(notice).toBeUndefined();
    expect(settings).toEqual({ storeSecretsWithoutEncryption: true, entra: { cloud: 'public' }, refresh: { paused: false } });
  });

  it('recovers a corrupt settings file with a notice and keeps the original bytes', async () => {
    const original = '{"entra": {"cloud": "mars"}, "refresh": {"paused": true}}';
    await writeFile(join(dataDir, SETTINGS_FILE), original);
    await writeFile(join(dataDir, 'accounts.json'), '{"accounts": []}');
    const { settings, notice } = await loadSettings(dataDir, () => new Date('2030-01-01T00:00:00.000Z'));

    expect(settings).toEqual(defaultSettings());
    expect(notice).toContain('settings.json');
    expect(notice).toContain('entra.cloud');
    expect(await readFile(join(dataDir, 'settings.corrupt-2030-01-01T00-00-00.000Z.json'), 'utf8')).toBe(original);
    expect(await readFile(join(dataDir, 'accounts.json'), 'utf8')).toBe('{"accounts": []}');
    expect((await readdir(dataDir)).sort()).toEqual(['accounts.json', 'settings.corrupt-2030-01-01T00-00-00.000Z.json', 'settings.json']);
  });

  it('refuses a client id that is not a GUID', async () => {
    const { store } = await loadSettings(dataDir);
    await expect(store.update((s) => ({ ...s, entra: { cloud: 'public', clientId: 'not-a-guid' } }))).rejects.toThrow();
    expect(await readdir(dataDir)).toEqual([]);
  });
});
