import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from './index.js';
import { tempDir } from './test-support.js';

const FIXTURE = fileURLToPath(new URL('./kill-fixture.ts', import.meta.url));
const ACKS_BEFORE_KILL = 1500;

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir('kill'));
});
afterEach(async () => {
  await remove();
});

/** Runs the fixture until it has acknowledged enough commits, SIGKILLs it, and returns the acknowledged ids. */
function runAndKill(round: number): Promise<{ acked: string[]; startedWith: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let startedWith = -1;
    let pending = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fixture produced only ${acked.length} acks in time; stderr: ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      // A line cut by the kill has no newline yet and is not counted as acknowledged.
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready ')) startedWith = Number(line.slice(6));
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
      if (!killed && acked.length >= ACKS_BEFORE_KILL) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && killed) resolve({ acked, startedWith });
      else reject(new Error(`fixture exited with ${code ?? signal}; stderr: ${stderr}`));
    });
  });
}

describe('kill -9', () => {
  it('keeps every acknowledged commit across SIGKILLs mid-stream, compaction running', { timeout: 180_000 }, async () => {
    const everAcked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { acked, startedWith } = await runAndKill(round);
      expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      // The child itself recovered everything acknowledged by the rounds before it.
      expect(startedWith).toBeGreaterThanOrEqual(everAcked.length);
      everAcked.push(...acked);

      // The fixture compacts every 256 KiB, so the kill may land mid-compaction and snapshots must exist.
      expect((await readdir(dir)).some((name) => name.startsWith('snapshot-'))).toBe(true);
      const journal = await Journal.open({ dir });
      const acks = journal.recovered.get('acked');
      await journal.close();
      expect(acks).toBeDefined();
      const missing = everAcked.filter((id) => !acks!.has(id));
      expect(missing).toEqual([]);
      for (const id of acked.slice(-50)) expect(acks!.get(id)).toMatchObject({ id, task: { id: expect.any(String) } });
      expect([...acks!.keys()].some((key) => key.endsWith('-tmp'))).toBe(false);
    }
  });
});
