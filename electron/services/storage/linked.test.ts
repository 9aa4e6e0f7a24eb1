import type { TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import type { EntraAccountRef } from '../../../shared/models';
import { EventBus } from '../events';
import type { ArmStorageOps } from './arm';
import { parseResourceId } from './arm';
import { LinkedStorageResolver, type AccountFacts } from './linked';

const BATCH_ID = '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Batch/batchAccounts/mybatch';
const STORAGE_ID = '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/mystore';
const KEY = Buffer.alloc(64, 3).toString('base64');
const ref: EntraAccountRef = { identityId: 'id1', username: 'u@example.com', tenantId: 't1', cloud: 'public', resourceId: BATCH_ID };

function httpError(statusCode: number): Error {
  return Object.assign(new Error(`ARM answered ${statusCode}`), { statusCode });
}

/** A fake ARM recording its calls; each step answers or throws as the test sets. */
class FakeArm implements ArmStorageOps {
  calls: string[] = [];
  autoStorage: () => Promise<string | undefined> = async () => STORAGE_ID;
  endpoint: () => Promise<string | undefined> = async () => 'https://mystore.blob.core.windows.net/';
  keys: () => Promise<string[]> = async () => [KEY];
  autoStorageAccountId(id: string) {
    this.calls.push(`batch ${id}`);
    return this.autoStorage();
  }
  blobEndpoint(id: string) {
    this.calls.push(`endpoint ${id}`);
    return this.endpoint();
  }
  listKeys(id: string) {
    this.calls.push(`keys ${id}`);
    return this.keys();
  }
}

function setup(account: AccountFacts, arm = new FakeArm(), local?: { accountName: string; accountKey: string; blobUrl: string }) {
  const events = new EventBus();
  const tokens: EntraAccountRef[] = [];
  const credential: TokenCredential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3600_000 }) };
  const resolver = new LinkedStorageResolver({
    account: async () => account,
    localStorage: () => local,
    arm: () => arm,
    tokenCredential: (r) => {
      tokens.push(r);
      return credential;
    },
    events,
  });
  return { resolver, arm, events, tokens };
}

describe('linked storage resolver', () => {
  it('uses the local Azurite with its shared key', async () => {
    const { resolver } = setup({ kind: 'local', displayName: 'Local' }, undefined, { accountName: 'localstore', accountKey: KEY, blobUrl: 'http://127.0.0.1:1234/localstore' });
    const storage = await resolver.linkedStorage('local');
    expect(storage.info).toEqual({ available: true, accountName: 'localstore', blobEndpoint: 'http://127.0.0.1:1234/localstore', auth: 'sharedKey' });
    expect(storage.sharedKey).toBeDefined();
    expect(storage.secrets).toEqual([KEY]);
  });

  it('says why when Azurite is not running, or the account uses a shared key', async () => {
    const stopped = setup({ kind: 'local', displayName: 'Local' });
    expect(await stopped.resolver.info('local')).toMatchObject({ available: false, reason: expect.stringMatching(/Azurite/) });
    const shared = setup({ kind: 'sharedKey', displayName: 'Prod' });
    expect(await shared.resolver.info('a1')).toMatchObject({ available: false, reason: expect.stringMatching(/Entra ID sign-in/) });
    await expect(shared.resolver.linkedStorage('a1')).rejects.toMatchObject({ code: 'StorageUnavailable', status: 409 });
    expect(shared.arm.calls).toEqual([]);
  });

  it('finds the auto-storage account through ARM and signs with its key when it may list keys', async () => {
    const { resolver, arm, tokens } = setup({ kind: 'entra', displayName: 'Cloud', entra: ref });
    const storage = await resolver.linkedStorage('e1');
    expect(storage.info).toEqual({ available: true, accountName: 'mystore', blobEndpoint: 'https://mystore.blob.core.windows.net', auth: 'sharedKey' });
    expect(arm.calls).toEqual([`batch ${BATCH_ID}`, `endpoint ${STORAGE_ID}`, `keys ${STORAGE_ID}`]);
    expect(tokens).toEqual([]);
  });

  it('falls back to an Entra token when listing keys is refused, and guesses the endpoint when ARM hides it', async () => {
    const arm = new FakeArm();
    arm.keys = () => Promise.reject(httpError(403));
    arm.endpoint = () => Promise.reject(httpError(403));
    const { resolver, tokens } = setup({ kind: 'entra', displayName: 'Cloud', entra: { ...ref, cloud: 'usGovernment' } }, arm);
    const storage = await resolver.linkedStorage('e1');
    expect(storage.info).toEqual({ available: true, accountName: 'mystore', blobEndpoint: 'https://mystore.blob.core.usgovcloudapi.net', auth: 'entra' });
    expect(storage.sharedKey).toBeUndefined();
    expect(tokens).toHaveLength(1);
  });

  it('reports a Batch account without auto-storage, or one ARM will not show', async () => {
    const none = new FakeArm();
    none.autoStorage = async () => undefined;
    expect(await setup({ kind: 'entra', displayName: 'C', entra: ref }, none).resolver.info('e1')).toMatchObject({ available: false, reason: expect.stringMatching(/no linked/) });
    const hidden = new FakeArm();
    hidden.autoStorage = () => Promise.reject(httpError(403));
    expect(await setup({ kind: 'entra', displayName: 'C', entra: ref }, hidden).resolver.info('e1')).toMatchObject({ available: false, reason: expect.stringMatching(/Reader/) });
    const noId = setup({ kind: 'entra', displayName: 'C', entra: { ...ref, resourceId: undefined } as EntraAccountRef });
    expect(await noId.resolver.info('e1')).toMatchObject({ available: false });
  });

  it('caches per account, forgets on accounts.changed, and never caches a failure', async () => {
    const arm = new FakeArm();
    let fail = true;
    arm.autoStorage = async () => {
      if (fail) throw httpError(503);
      return STORAGE_ID;
    };
    const { resolver, events } = setup({ kind: 'entra', displayName: 'C', entra: ref }, arm);
    await expect(resolver.info('e1')).rejects.toMatchObject({ status: 503 });
    fail = false;
    await resolver.info('e1');
    await resolver.info('e1');
    expect(arm.calls.filter((c) => c.startsWith('batch'))).toHaveLength(2);
    events.emit('accounts.changed', { reason: 'updated' });
    await resolver.info('e1');
    expect(arm.calls.filter((c) => c.startsWith('batch'))).toHaveLength(3);
  });

  it('parses ARM resource ids and refuses anything else', () => {
    expect(parseResourceId(STORAGE_ID)).toEqual({ subscriptionId: 'sub1', resourceGroup: 'rg1', name: 'mystore' });
    expect(() => parseResourceId('/subscriptions/x')).toThrow(/Not an ARM resource id/);
  });
});
