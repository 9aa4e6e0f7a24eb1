import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobPage, ContainerPage, DeleteBlobsResult, SasUrl } from '../../../shared/models';
import { startStorageFixture, type StorageFixture } from './azurite-fixture';
import { createSas } from './sas';

let fx: StorageFixture;

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; status?: number };
  }
  throw new Error('expected the call to fail');
}

async function seed(container: string, blobs: Record<string, string>): Promise<void> {
  const client = (await fx.service.resolver.linkedStorage('local')).service.getContainerClient(container);
  await client.createIfNotExists();
  for (const [name, text] of Object.entries(blobs)) await client.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}

beforeAll(async () => {
  fx = await startStorageFixture();
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

describe('linked storage against Azurite', () => {
  it('reports the local account as shared-key storage without exposing the key', async () => {
    const info = await fx.call<Record<string, unknown>>('storage.info', { accountId: 'local' });
    expect(info).toEqual({ available: true, accountName: fx.azurite.accountName, blobEndpoint: fx.azurite.blobUrl, auth: 'sharedKey' });
    expect(JSON.stringify(info)).not.toContain(fx.azurite.accountKey);
  });

  it('creates, lists and deletes containers, marking file groups', async () => {
    await fx.call('storage.createContainer', { accountId: 'local', name: 'alpha' });
    const group = await fx.call<{ name: string; fileGroup?: string }>('storage.createContainer', { accountId: 'local', name: 'fgrp-inputs' });
    expect(group).toMatchObject({ name: 'fgrp-inputs', fileGroup: 'inputs' });
    const page = await fx.call<ContainerPage>('storage.containers', { accountId: 'local' });
    expect(page.items.map((c) => c.name)).toEqual(expect.arrayContaining(['alpha', 'fgrp-inputs']));
    expect(page.items.find((c) => c.name === 'alpha')?.fileGroup).toBeUndefined();
    const clash = await failure(fx.call('storage.createContainer', { accountId: 'local', name: 'alpha' }));
    expect(clash).toMatchObject({ code: 'ContainerAlreadyExists', status: 409 });
    await fx.call('storage.deleteContainer', { accountId: 'local', name: 'alpha' });
    const after = await fx.call<ContainerPage>('storage.containers', { accountId: 'local', prefix: 'al' });
    expect(after.items.map((c) => c.name)).not.toContain('alpha');
    const missing = await failure(fx.call('storage.blobs', { accountId: 'local', container: 'nothere' }));
    expect(missing).toMatchObject({ code: 'ContainerNotFound', status: 404 });
    const badName = await failure(fx.call('storage.createContainer', { accountId: 'local', name: 'Bad_Name' }));
    expect(badName.code).toBe('BadRequest');
  });

  it('lists one folder level, and pages with continuation', async () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`many/f${i}.txt`, `file ${i}`]));
    await seed('tree', { 'top.txt': 'top', 'a/1.txt': 'one', 'a/2.txt': 'two', 'a/b/3.txt': 'three', ...many });
    const root = await fx.call<BlobPage>('storage.blobs', { accountId: 'local', container: 'tree' });
    expect(root.folders).toEqual(['a/', 'many/']);
    expect(root.blobs.map((b) => [b.name, b.size])).toEqual([['top.txt', 3]]);
    const a = await fx.call<BlobPage>('storage.blobs', { accountId: 'local', container: 'tree', prefix: 'a' });
    expect(a.folders).toEqual(['a/b/']);
    expect(a.blobs.map((b) => b.name)).toEqual(['a/1.txt', 'a/2.txt']);
    const names: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page: BlobPage = await fx.call<BlobPage>('storage.blobs', {
        accountId: 'local',
        container: 'tree',
        prefix: 'many/',
        maxResults: 2,
        ...(continuation ? { continuation } : {}),
      });
      names.push(...page.blobs.map((b) => b.name));
      continuation = page.continuation;
      pages++;
    } while (continuation);
    expect(pages).toBe(3);
    expect(names).toEqual(Object.keys(many));
    const flat = await fx.call<BlobPage>('storage.blobs', { accountId: 'local', container: 'tree', prefix: 'a/', flat: true });
    expect(flat.blobs.map((b) => b.name)).toEqual(['a/1.txt', 'a/2.txt', 'a/b/3.txt']);
  });

  it('deletes a folder and named blobs, reporting each failure by name', async () => {
    await seed('del', { 'keep.txt': 'k', 'gone.txt': 'g', 'dir/x.txt': 'x', 'dir/sub/y.txt': 'y' });
    const result = await fx.call<DeleteBlobsResult>('storage.deleteBlobs', {
      accountId: 'local',
      container: 'del',
      names: ['dir/', 'gone.txt', 'never.txt'],
      operationId: 'delete-0001',
    });
    expect(result.deleted).toBe(3);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.name).toBe('never.txt');
    expect(result.failed[0]?.message).toMatch(/does not exist/i);
    const left = await fx.call<BlobPage>('storage.blobs', { accountId: 'local', container: 'del', flat: true });
    expect(left.blobs.map((b) => b.name)).toEqual(['keep.txt']);
    const last = fx.pushed.filter((e) => e.name === 'bulk.progress').pop();
    expect(last?.payload).toEqual({ operationId: 'delete-0001', done: 4, total: 4, failed: 1 });
  });

  it('issues a blob SAS that reads the blob alone and nothing more', async () => {
    await seed('sas', { 'doc.txt': 'shared text', 'other.txt': 'private' });
    const sas = await fx.call<SasUrl>('storage.sas', { accountId: 'local', container: 'sas', name: 'doc.txt', permissions: 'r', expiresInMinutes: 5 });
    expect(sas.permissions).toBe('r');
    expect(Date.parse(sas.expiresOn) - Date.now()).toBeGreaterThan(4 * 60_000);
    const read = await fetch(sas.url);
    expect(read.status).toBe(200);
    expect(await read.text()).toBe('shared text');
    const write = await fetch(sas.url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'overwritten' });
    expect(write.status).toBe(403);
    const sibling = await fetch(sas.url.replace('/doc.txt?', '/other.txt?'));
    expect(sibling.status).toBe(403);
    const noList = await failure(fx.call('storage.sas', { accountId: 'local', container: 'sas', name: 'doc.txt', permissions: 'rl', expiresInMinutes: 5 }));
    expect(noList.code).toBe('BadRequest');
  });

  it('issues a container SAS that lists, and an expired SAS reads nothing', async () => {
    const sas = await fx.call<SasUrl>('storage.sas', { accountId: 'local', container: 'sas', permissions: 'rl', expiresInMinutes: 5 });
    const names: string[] = [];
    for await (const blob of new ContainerClient(sas.url).listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual(['doc.txt', 'other.txt']);
    const storage = await fx.service.resolver.linkedStorage('local');
    const old = await createSas(storage, { container: 'sas', name: 'doc.txt', permissions: 'r', expiresInMinutes: 1 }, new Date(Date.now() - 60 * 60_000));
    expect((await fetch(old.url)).status).toBe(403);
  });
});
