// The package store and the packages CLI against a real Azurite.
import { Readable } from 'node:stream';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackagesCommand } from '../packagesCli.js';
import { tempDir } from '../test/helpers.js';
import { AppPackageError, AppPackageStore, APP_PACKAGES_CONTAINER, linkedAppPackages } from './app-packages.js';
import { startAzurite, type LocalStorage } from './azurite.js';
import { blobService, linkedStorageFile, readLinkedStorage, writeLinkedStorage } from './linked.js';

let azurite: LocalStorage;
let dir: string;
let remove: () => Promise<void>;
let store: AppPackageStore;
const zip = Buffer.from('PK\u0003\u0004 not really a zip');

async function refused(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return error instanceof AppPackageError ? error.code : String(error);
  }
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir('batch-packages-'));
  azurite = await startAzurite({ dataDir: join(dir, 'storage'), inMemory: true });
  store = new AppPackageStore(blobService(azurite).getContainerClient(APP_PACKAGES_CONTAINER));
});

afterAll(async () => {
  await azurite.stop();
  await remove();
});

describe('application package store', () => {
  it('starts empty, adds pending versions and activates them', async () => {
    expect(await store.list()).toEqual([]);
    expect(await store.addVersion('Tool', '1.0', zip, zip.length)).toMatchObject({ version: '1.0', state: 'pending', format: 'zip' });
    await store.addVersion('tool', '2.0-beta', Readable.from([zip]), zip.length);
    const activated = await store.activate('TOOL', '1.0');
    expect(activated.state).toBe('active');
    expect(Date.parse(activated.lastActivation ?? '')).not.toBeNaN();
    const app = await store.get('tool');
    expect(app?.id).toBe('Tool');
    expect(app?.versions.map((v) => [v.version, v.state, v.size])).toEqual([
      ['1.0', 'active', zip.length],
      ['2.0-beta', 'pending', zip.length],
    ]);
    expect((await store.download('Tool', '1.0')).equals(zip)).toBe(true);
  });

  it('keeps the default version and display name, and forgets a deleted default', async () => {
    await store.setDefaultVersion('Tool', '1.0');
    await store.setDisplayName('Tool', 'The tool');
    expect(await store.get('Tool')).toMatchObject({ defaultVersion: '1.0', displayName: 'The tool' });
    await store.deleteVersion('Tool', '1.0');
    const app = await store.get('Tool');
    expect(app?.defaultVersion).toBeUndefined();
    expect(app?.displayName).toBe('The tool');
    expect(app?.versions.map((v) => v.version)).toEqual(['2.0-beta']);
  });

  it('refuses invalid ids and versions, duplicates, unknown entries and inactive downloads', async () => {
    expect(await refused(store.addVersion('bad id', '1', zip, zip.length))).toBe('InvalidApplicationId');
    expect(await refused(store.addVersion('a'.repeat(65), '1', zip, zip.length))).toBe('InvalidApplicationId');
    expect(await refused(store.addVersion('ok', '.1', zip, zip.length))).toBe('InvalidVersion');
    expect(await refused(store.addVersion('ok', 'v/1', zip, zip.length))).toBe('InvalidVersion');
    expect(await refused(store.addVersion('Tool', '2.0-BETA', zip, zip.length))).toBe('VersionExists');
    expect(await refused(store.activate('nope', '1'))).toBe('ApplicationNotFound');
    expect(await refused(store.activate('Tool', '9'))).toBe('VersionNotFound');
    expect(await refused(store.setDefaultVersion('Tool', '9'))).toBe('VersionNotFound');
    expect(await refused(store.download('Tool', '2.0-beta'))).toBe('VersionNotActive');
    await expect(store.addVersion('ok', '1', zip, zip.length + 1)).rejects.toThrow(/bytes/);
  });
});

describe('packages CLI', () => {
  it('finds linked storage through linked-storage.json and the key file, never storing the key there', async () => {
    const data = join(dir, 'data');
    const keyFile = join(dir, 'storage', 'account.key');
    await mkdir(data, { recursive: true });
    await writeLinkedStorage(data, azurite, keyFile);
    const recorded = await readFile(linkedStorageFile(data), 'utf8');
    expect(recorded).not.toContain(azurite.accountKey);
    expect(await readLinkedStorage(data)).toEqual({ blobUrl: azurite.blobUrl, accountName: azurite.accountName, accountKey: azurite.accountKey });

    const file = join(dir, 'cli.zip');
    await writeFile(file, zip);
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    await runPackagesCommand({ action: 'add', application: 'cli-app', version: '3', file, activate: true, source: { dataDir: data } }, print);
    await runPackagesCommand({ action: 'default', application: 'cli-app', version: '3', source: { dataDir: data } }, print);
    await runPackagesCommand({ action: 'list', source: { dataDir: data } }, print);
    expect(lines.slice(0, 3)).toEqual([`added cli-app 3 (${zip.length} bytes, pending)`, 'activated cli-app 3', 'default version of cli-app is now 3']);
    expect(lines).toContain('cli-app, default 3');
    expect((await linkedAppPackages(azurite).get('cli-app'))?.versions[0]?.state).toBe('active');
  });

  it('says clearly when no linked storage was recorded', async () => {
    await expect(readLinkedStorage(join(dir, 'empty'))).rejects.toThrow(/No linked storage is recorded/);
  });
});
