import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAzurite, type LocalStorage } from '../../../emulator/storage/azurite';
import { startLocalEmulator, type LocalEmulator } from './emulator-process';

const root = resolve(import.meta.dirname, '..', '..', '..');
const command = { command: process.execPath, args: ['--import', 'tsx', join(root, 'emulator', 'cli.ts')] };
const dir = mkdtempSync(join(tmpdir(), 'bl-local-storage-'));
const running: (LocalEmulator | LocalStorage)[] = [];

afterAll(async () => {
  for (const r of running) await r.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the local emulator and its linked storage', () => {
  it("is given main's Azurite by URL, name and key file, never the key itself", async () => {
    const storage = await startAzurite({ dataDir: join(dir, 'storage'), inMemory: true });
    running.push(storage);
    const emulator = await startLocalEmulator({ command, dataDir: join(dir, 'emulator'), storage });
    running.push(emulator);
    expect(emulator.storage).toBe(storage);
    const linked = JSON.parse(readFileSync(join(dir, 'emulator', 'linked-storage.json'), 'utf8')) as Record<string, string>;
    expect(linked).toEqual({ blobUrl: storage.blobUrl, accountName: storage.accountName, keyFile: storage.keyFile });
    expect(JSON.stringify(linked)).not.toContain(storage.accountKey);
    // The emulator did not start an Azurite of its own.
    expect(existsSync(join(dir, 'emulator', 'storage'))).toBe(false);
  });

  it('runs without linked storage, and without an Azurite of its own, when main has none', async () => {
    const emulator = await startLocalEmulator({ command, dataDir: join(dir, 'bare') });
    running.push(emulator);
    expect(emulator.storage).toBeUndefined();
    expect(existsSync(join(dir, 'bare', 'storage'))).toBe(false);
    expect(existsSync(join(dir, 'bare', 'linked-storage.json'))).toBe(false);
  });
});
