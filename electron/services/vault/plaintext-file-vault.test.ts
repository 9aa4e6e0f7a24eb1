import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaintextFileVault } from './plaintext-file-vault';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plain-vault-'));
  path = join(dir, 'secrets.plaintext.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PlaintextFileVault', () => {
  it('persists values across a reopen in a 0600 file', async () => {
    const { vault } = await PlaintextFileVault.open(path);
    expect(vault.persistent).toBe(true);
    await Promise.all([vault.set('a', 'one'), vault.set('b', 'two'), vault.set('a', 'three')]);
    await vault.delete('b');
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const reopened = await PlaintextFileVault.open(path);
    expect(await reopened.vault.get('a')).toBe('three');
    expect(await reopened.vault.get('b')).toBeUndefined();
  });

  it('labels its file as plaintext so it is never mistaken for an encrypted vault', async () => {
    const { vault } = await PlaintextFileVault.open(path);
    await vault.set('k', 'visible');
    const body = JSON.parse(await readFile(path, 'utf8')) as { encoding: string; entries: Record<string, string> };
    expect(body.encoding).toBe('plaintext');
    expect(body.entries.k).toBe('visible');
  });

  it('backs up a corrupt file and starts empty', async () => {
    await writeFile(path, 'not json at all');
    const { vault, notice } = await PlaintextFileVault.open(path, new Date('2031-01-01T00:00:00.000Z'));
    expect(notice).toContain('is not valid JSON');
    expect(await readFile(join(dir, 'secrets.plaintext.corrupt-2031-01-01T00-00-00.000Z.json'), 'utf8')).toBe('not json at all');
    expect(await vault.get('k')).toBeUndefined();
  });
});
