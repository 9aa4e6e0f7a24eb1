// The standalone emulator's own linked storage: Azurite started under <data>/storage and stopped on exit.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackagesCommand } from './packagesCli.js';
import { tempDir, waitFor } from './test/helpers.js';

let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('emu-cli-storage-'));
});

afterAll(async () => {
  await remove();
});

function start(args: string[]): { child: ChildProcessByStdio<null, Readable, Readable>; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('data folder:')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}: ${out}`)));
  });
  return { child, ready };
}

async function stop(child: ChildProcessByStdio<null, Readable, Readable>): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('the standalone emulator and its linked storage', () => {
  it('starts Azurite under <data>/storage, records it for the CLI, and stops it on exit', async () => {
    const data = join(dir, 'own');
    const { child, ready } = start(['--data', data]);
    const out = await ready;
    expect(out).toMatch(/linked storage: account 'localstore' at http:\/\/127\.0\.0\.1:\d+\/localstore/);
    const recorded = JSON.parse(await readFile(join(data, 'linked-storage.json'), 'utf8')) as Record<string, string>;
    expect(recorded).toEqual({ blobUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/localstore$/), accountName: 'localstore', keyFile: join(data, 'storage', 'account.key') });
    const lines: string[] = [];
    await runPackagesCommand({ action: 'list', source: { dataDir: data } }, (line) => lines.push(line));
    expect(lines).toEqual(['no application packages']);
    expect(await stop(child)).toBe(0);
    const gone = await fetch(recorded.blobUrl as string).then(() => false, () => true);
    expect(gone).toBe(true);
  });

  it('leaves no Azurite behind when the emulator is killed outright', async () => {
    const data = join(dir, 'killed');
    const { child, ready } = start(['--data', data]);
    await ready;
    const { blobUrl } = JSON.parse(await readFile(join(data, 'linked-storage.json'), 'utf8')) as { blobUrl: string };
    expect(await fetch(blobUrl).then(() => 'up', () => 'down')).toBe('up');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await waitFor(() => fetch(blobUrl).then(() => false, () => true), 10_000, 'Azurite to exit');
  });

  it('runs without linked storage with --no-storage', async () => {
    const data = join(dir, 'none');
    const { child, ready } = start(['--data', data, '--no-storage']);
    expect(await ready).not.toContain('linked storage');
    expect(await readFile(join(data, 'linked-storage.json'), 'utf8').catch(() => 'absent')).toBe('absent');
    expect(await stop(child)).toBe(0);
  });
});
