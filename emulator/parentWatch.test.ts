import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'emu-parent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the emulator started by an app', () => {
  it('stops by itself when the process named by --parent-pid dies', async () => {
    const parent = spawn('sleep', ['60']);
    const emulator = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--data', dir, '--parent-pid', String(parent.pid)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      emulator.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      });
      emulator.once('exit', (code) => reject(new Error(`emulator exited early with ${code}: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => emulator.once('exit', (code) => resolve(code)));
    parent.kill('SIGKILL');
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    if (code === 'still running') emulator.kill('SIGKILL');
    expect(code).toBe(0);
  });
});
