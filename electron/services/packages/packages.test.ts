// The package calls of the local account against Azurite: uploads go through the real UploadService.
import { strToU8, zipSync } from 'fflate';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationView, TransferProgress, UploadPlan } from '../../../shared/models';
import { AppPackageStore, APP_PACKAGES_CONTAINER } from '../../../emulator/storage/app-packages';
import { startStorageFixture, type StorageFixture } from '../storage/azurite-fixture';
import { failure, packageCaller, ticketOf } from './test-fixture';

let fx: StorageFixture;
let call: ReturnType<typeof packageCaller>;
let operation = 0;

function zip(text: string): Buffer {
  return Buffer.from(zipSync({ 'run.sh': strToU8(text) }));
}

async function begin(applicationId: string, version: string, size: number): Promise<UploadPlan> {
  return call<UploadPlan>('packages.beginUpload', { accountId: 'local', applicationId, version, size, operationId: `pkg-op-${String(++operation).padStart(4, '0')}` });
}

/** Begins an upload and sends `body` (in two chunks) to its one URL, as the host's upload route does. */
async function upload(applicationId: string, version: string, body: Buffer): Promise<{ plan: UploadPlan; sent: Promise<{ bytes: number }> }> {
  const plan = await begin(applicationId, version, body.length);
  const url = plan.uploads[0]?.url ?? '';
  const half = Math.max(1, Math.floor(body.length / 2));
  const sent = fx.service.uploads.receive(ticketOf(url), Readable.from([body.subarray(0, half), body.subarray(half)]), new AbortController().signal);
  return { plan, sent };
}

function store(): Promise<AppPackageStore> {
  return fx.service.resolver.linkedStorage('local').then((s) => new AppPackageStore(s.service.getContainerClient(APP_PACKAGES_CONTAINER)));
}

beforeAll(async () => {
  fx = await startStorageFixture();
  call = packageCaller(fx.service);
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

describe('application packages of the local account', () => {
  it('lists nothing before the first upload', async () => {
    expect(await call('packages.list', { accountId: 'local' })).toEqual([]);
  });

  it('uploads a zip through one upload link as a pending version, reporting progress', async () => {
    const body = zip('echo one');
    const { plan, sent } = await upload('tool', '1.0', body);
    expect(plan.uploads).toHaveLength(1);
    expect(await sent).toEqual({ bytes: body.length });
    const list = await call<ApplicationView[]>('packages.list', { accountId: 'local' });
    expect(list).toEqual([{ id: 'tool', versions: [{ version: '1.0', state: 'pending', format: 'zip', size: body.length }] }]);
    const last = fx.pushed.map((e) => e.payload as TransferProgress).filter((p) => p.operationId === plan.operationId).pop();
    expect(last).toMatchObject({ direction: 'upload', outcome: 'done', bytesDone: body.length, filesDone: 1 });
    const stored = await (await store()).container.getBlobClient('tool/1.0.zip').downloadToBuffer();
    expect(stored.equals(body)).toBe(true);
  });

  it('refuses a version that exists, naming it, before any byte moves', async () => {
    const clash = await failure(begin('TOOL', '1.0', 10));
    expect(clash).toMatchObject({ code: 'VersionExists', status: 409 });
    expect(clash.message).toContain('1.0');
  });

  it('refuses a file that is not a zip and leaves no application behind', async () => {
    const { sent } = await upload('notzip', '1.0', Buffer.from('#!/bin/sh\necho this is a script\n'));
    expect(await failure(sent)).toMatchObject({ code: 'NotAZipFile', status: 400 });
    const list = await call<ApplicationView[]>('packages.list', { accountId: 'local' });
    expect(list.map((a) => a.id)).toEqual(['tool']);
  });

  it('checks ids and versions with the contract', async () => {
    expect(await failure(begin('bad id', '1.0', 10))).toMatchObject({ code: 'BadRequest' });
    expect(await failure(begin('tool', '.hidden', 10))).toMatchObject({ code: 'BadRequest' });
  });

  it('activates a version and sets it as the default', async () => {
    const before = Date.now();
    const active = await call<ApplicationView>('packages.activate', { accountId: 'local', applicationId: 'tool', version: '1.0' });
    const version = active.versions[0];
    expect(version?.state).toBe('active');
    expect(Date.parse(version?.lastActivationTime ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const defaulted = await call<ApplicationView>('packages.setDefault', { accountId: 'local', applicationId: 'tool', version: '1.0' });
    expect(defaulted.defaultVersion).toBe('1.0');
    // The emulator reads the same store: the version is deployable.
    expect((await (await store()).download('tool', '1.0')).length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown application or version', async () => {
    expect(await failure(call('packages.activate', { accountId: 'local', applicationId: 'tool', version: '9.9' }))).toMatchObject({ code: 'VersionNotFound', status: 404 });
    expect(await failure(call('packages.setDefault', { accountId: 'local', applicationId: 'nothere', version: '1.0' }))).toMatchObject({
      code: 'ApplicationNotFound',
      status: 404,
    });
    expect(await failure(call('packages.deleteVersion', { accountId: 'local', applicationId: 'nothere', version: '1.0' }))).toMatchObject({ status: 404 });
  });

  it('deletes a version, and the default goes with it', async () => {
    const second = zip('echo two');
    await (await upload('tool', '2.0', second)).sent;
    expect(await call('packages.deleteVersion', { accountId: 'local', applicationId: 'tool', version: '1.0' })).toEqual({ deleted: true });
    const [tool] = await call<ApplicationView[]>('packages.list', { accountId: 'local' });
    expect(tool?.versions.map((v) => v.version)).toEqual(['2.0']);
    expect(tool?.defaultVersion).toBeUndefined();
  });

  it('stops an upload that is cancelled part way, storing nothing', async () => {
    const body = zip('echo three');
    const plan = await begin('tool', '3.0', body.length);
    const url = plan.uploads[0]?.url ?? '';
    const slow = new Readable({ read() {} });
    const sent = fx.service.uploads.receive(ticketOf(url), slow, new AbortController().signal);
    slow.push(body.subarray(0, 8));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fx.service.uploads.cancel(plan.operationId)).toBe(true);
    expect(await failure(sent)).toMatchObject({ code: 'Cancelled' });
    const [tool] = await call<ApplicationView[]>('packages.list', { accountId: 'local' });
    expect(tool?.versions.map((v) => v.version)).toEqual(['2.0']);
  });
});

describe('accounts without a packages backend', () => {
  it('tells a shared-key account that packages need Entra ID sign-in', async () => {
    const refused = await failure(call('packages.list', { accountId: 'shared' }));
    expect(refused).toMatchObject({ code: 'PackagesUnavailable', status: 409 });
    expect(refused.message).toMatch(/Azure Resource Manager/);
    expect(refused.message).toMatch(/Entra ID/);
  });

  it('tells an Entra ID account added without its resource id how to fix it, and an unknown account 404', async () => {
    expect(await failure(call('packages.list', { accountId: 'noarm' }))).toMatchObject({ code: 'PackagesUnavailable', status: 409 });
    expect(await failure(call('packages.list', { accountId: 'ghost' }))).toMatchObject({ code: 'AccountNotFound', status: 404 });
  });
});
