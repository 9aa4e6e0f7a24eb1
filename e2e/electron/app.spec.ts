import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

test('the desktop app opens on app:// with the IPC transport', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'bl-electron-'));
  const app = await electron.launch({ args: [root, `--user-data-dir=${userData}`], cwd: root });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('status-transport')).toHaveText(/Desktop/);
    expect(window.url()).toMatch(/^app:\/\/bundle\//);
    // The page sees only the bridge, no Node.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { batchLens: object }).batchLens).sort())).toEqual([
      'invoke',
      'subscribe',
    ]);
  } finally {
    await app.close();
  }
});
