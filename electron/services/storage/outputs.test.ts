import { BatchServiceClient, BatchSharedKeyCredentials, type BatchServiceModels } from '@azure/batch';
import { ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { DownloadResult, TaskOutputs, TransferProgress } from '../../../shared/models';
import { accountsStore } from '../accounts/records';
import { AccountsService } from '../accounts/service';
import { EventBus } from '../events';
import { MemoryVault } from '../vault/vault';
import { startStorageFixture, type StorageFixture } from './azurite-fixture';
import { eachLimited } from './blobs';
import { saveBlob } from './downloads';
import { MAX_OUTPUT_BLOBS } from './outputs';

let fx: StorageFixture;
let emulator: RunningEmulator;
let dir: string;
let downloadsDir: string;
let nextTarget = '';
const big = Buffer.alloc(3 * 1024 * 1024 + 11, 7);

function containerSas(container: string, permissions: string, key = fx.azurite.accountKey): string {
  const credential = new StorageSharedKeyCredential(fx.azurite.accountName, key);
  const query = generateBlobSASQueryParameters(
    { containerName: container, permissions: ContainerSASPermissions.parse(permissions), expiresOn: new Date(Date.now() + 3600_000) },
    credential,
  ).toString();
  return `${fx.azurite.blobUrl}/${container}?${query}`;
}

function output(filePattern: string, containerUrl: string, path?: string): BatchServiceModels.OutputFile {
  return { filePattern, destination: { container: { containerUrl, ...(path ? { path } : {}) } }, uploadOptions: { uploadCondition: 'tasksuccess' } };
}

const forged = 'AAAAforgedsignatureAAAAAAAAAAAAAAAAAAAAAAA%3D';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bl-outputs-'));
  downloadsDir = join(dir, 'downloads');
  emulator = await startEmulator({ dataDir: join(dir, 'emu'), fsync: false });
  const accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events: new EventBus(),
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  fx = await startStorageFixture({ accounts, chooseTarget: async () => nextTarget || undefined });
  const storage = await fx.service.resolver.linkedStorage('local');
  const outputs = storage.service.getContainerClient('outputs');
  await outputs.create();
  // The emulator's own output upload is being rewritten elsewhere; these are the blobs a run would have left.
  const seeded: Record<string, Buffer | string> = { 'run/a.txt': 'alpha', 'run/logs/b.log': 'beta', 'result.json': '{"ok":true}', 'run/big.bin': big };
  for (const [name, body] of Object.entries(seeded)) await outputs.getBlockBlobClient(name).uploadData(Buffer.from(body));
  const many = storage.service.getContainerClient('many');
  await many.create();
  await eachLimited(Array.from({ length: MAX_OUTPUT_BLOBS + 1 }, (_, i) => `m/${String(i).padStart(5, '0')}`), 16, async (name) => {
    await many.getBlockBlobClient(name).upload('x', 1);
  });
  const client = new BatchServiceClient(new BatchSharedKeyCredentials(emulator.account, emulator.key), emulator.url);
  await client.job.add({ id: 'oj', poolInfo: { poolId: 'no-such-pool' } });
  const sasUrl = containerSas('outputs', 'rl');
  await client.task.add('oj', {
    id: 'ot',
    commandLine: 'true',
    outputFiles: [
      output('**/*', sasUrl, 'run'),
      output('out/result.json', sasUrl),
      output('*.txt', `${fx.azurite.blobUrl}/outputs?sv=2021-08-06&sr=c&sp=rl&se=2099-01-01T00:00:00Z&sig=${forged}`, 'run'),
      output('*', containerSas('many', 'rl'), 'm'),
      output('*', containerSas('nothere', 'rl')),
    ],
  });
}, 90_000);
afterAll(async () => {
  await fx?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('task outputs against the emulator and Azurite', () => {
  it('lists each destination with its SAS, without the SAS, and per-destination errors', async () => {
    const result = await fx.call<TaskOutputs>('storage.taskOutputs', { accountId: 'local', jobId: 'oj', taskId: 'ot' });
    const [folder, single, forgedDest, many, missing] = result.destinations;
    expect(result.destinations).toHaveLength(5);
    expect(folder).toMatchObject({ index: 0, filePattern: '**/*', uploadCondition: 'taskSuccess', container: `${fx.azurite.blobUrl}/outputs`, path: 'run', truncated: false });
    expect(folder?.blobs.map((b) => [b.name, b.size])).toEqual([
      ['run/a.txt', 5],
      ['run/big.bin', big.length],
      ['run/logs/b.log', 4],
    ]);
    expect(single?.blobs.map((b) => b.name)).toEqual(['result.json']);
    expect(single?.error).toBeUndefined();
    expect(forgedDest?.blobs).toEqual([]);
    expect(['AuthenticationFailed', 'AuthorizationFailure']).toContain(forgedDest?.error?.code);
    expect(forgedDest?.error?.message).toBeTruthy();
    expect(many?.blobs).toHaveLength(MAX_OUTPUT_BLOBS);
    expect(many?.truncated).toBe(true);
    expect(missing?.error?.code).toBe('ContainerNotFound');
    const text = JSON.stringify(result);
    expect(text).not.toContain('sig=');
    expect(text).not.toContain('forgedsignature');
    expect(text).not.toContain(fx.azurite.accountKey);
  });

  it('downloads an output to disk byte for byte, and only blobs of that destination', async () => {
    nextTarget = join(dir, 'big-copy.bin');
    const result = await fx.call<DownloadResult>('storage.downloadOutput', {
      accountId: 'local', jobId: 'oj', taskId: 'ot', destination: 0, name: 'run/big.bin', operationId: 'output-dl-0001',
    });
    expect(result).toEqual({ kind: 'saved', destination: nextTarget, files: 1, bytes: big.length });
    expect(readFileSync(nextTarget).equals(big)).toBe(true);
    const last = fx.pushed.map((e) => e.payload as TransferProgress).filter((p) => p.operationId === 'output-dl-0001').pop();
    expect(last).toMatchObject({ direction: 'download', outcome: 'done', bytesDone: big.length, filesDone: 1 });
    const outside = await fx
      .call('storage.downloadOutput', { accountId: 'local', jobId: 'oj', taskId: 'ot', destination: 1, name: 'run/a.txt', operationId: 'output-dl-0002' })
      .catch((e: unknown) => e);
    expect(outside).toMatchObject({ code: 'BadRequest' });
  });
});

describe('desktop blob downloads', () => {
  it('saves a folder of blobs under a fresh folder, and a cancelled save leaves no file', async () => {
    nextTarget = downloadsDir;
    await import('node:fs/promises').then((fs) => fs.mkdir(downloadsDir, { recursive: true }));
    const result = await fx.call<DownloadResult>('storage.download', { accountId: 'local', container: 'outputs', name: 'run/', operationId: 'folder-dl-0001' });
    expect(result).toMatchObject({ kind: 'saved', destination: join(downloadsDir, 'run'), files: 3 });
    expect(readFileSync(join(downloadsDir, 'run', 'logs', 'b.log'), 'utf8')).toBe('beta');
    expect(readFileSync(join(downloadsDir, 'run', 'big.bin')).equals(big)).toBe(true);

    nextTarget = '';
    const dismissed = await fx.call<DownloadResult>('storage.download', { accountId: 'local', container: 'outputs', name: 'result.json', operationId: 'folder-dl-0002' });
    expect(dismissed).toEqual({ kind: 'cancelled' });

    const storage = await fx.service.resolver.linkedStorage('local');
    const controller = new AbortController();
    const target = join(dir, 'cancelled.bin');
    const saving = saveBlob(storage.service.getContainerClient('outputs').getBlobClient('run/big.bin'), target, controller.signal, () => controller.abort());
    await expect(saving).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
