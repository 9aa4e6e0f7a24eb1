import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalEmulator, type LocalEmulator } from './emulator-process';
import { runSampleWorkload, SAMPLE_POOL_ID } from './sample-workload';

const root = resolve(import.meta.dirname, '..', '..', '..');
const command = { command: process.execPath, args: ['--import', 'tsx', join(root, 'emulator', 'cli.ts')] };
const dataDir = mkdtempSync(join(tmpdir(), 'bl-local-'));
const logged: string[] = [];
let emulator: LocalEmulator | undefined;

afterAll(async () => {
  await emulator?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local emulator process', () => {
  it('starts on a free loopback port and keeps the generated key out of the logs', async () => {
    emulator = await startLocalEmulator({ command, dataDir, log: (line) => logged.push(line) });
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.key).toBe(readFileSync(join(dataDir, 'account.key'), 'utf8').trim());
    expect(logged.join('\n')).not.toContain(emulator.key);
    expect(emulator.running()).toBe(true);
  });

  it('runs the sample workload: a pool and a job of short tasks, some failing', async () => {
    const client = new BatchServiceClient(new BatchSharedKeyCredentials('local', emulator!.key), emulator!.url);
    const sample = await runSampleWorkload(client, { now: new Date('2026-01-02T03:04:05Z') });
    expect(sample).toEqual({ poolId: SAMPLE_POOL_ID, jobId: 'sample-20260102-030405', taskCount: 12 });
    const pool = await client.pool.get(SAMPLE_POOL_ID);
    expect(pool.targetDedicatedNodes).toBe(2);
    const counts = await client.job.getTaskCounts(sample.jobId);
    expect(counts.taskCounts.active + counts.taskCounts.running + counts.taskCounts.completed).toBe(12);
    // A second run reuses the pool and adds another job.
    const again = await runSampleWorkload(client, { now: new Date('2026-01-02T03:04:06Z') });
    expect(again.jobId).not.toBe(sample.jobId);
  });

  it('stops cleanly and restarts with its state and key', async () => {
    const key = emulator!.key;
    await emulator!.stop();
    expect(emulator!.running()).toBe(false);
    emulator = await startLocalEmulator({ command, dataDir });
    expect(emulator.key).toBe(key);
    const client = new BatchServiceClient(new BatchSharedKeyCredentials('local', emulator.key), emulator.url);
    const jobs = [];
    for await (const job of await client.job.list()) jobs.push(job.id);
    expect(jobs).toEqual(expect.arrayContaining(['sample-20260102-030405', 'sample-20260102-030406']));
    expect(readdirSync(dataDir)).toContain('account.key');
  });

  it('reports a command that cannot start', async () => {
    await expect(
      startLocalEmulator({ command: { command: join(dataDir, 'no-such-binary'), args: [] }, dataDir: join(dataDir, 'x') }),
    ).rejects.toThrow(/could not be started/);
  });
});
