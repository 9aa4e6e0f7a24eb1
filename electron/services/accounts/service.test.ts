import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { EventBus } from '../events';
import { MemoryVault, type SecretVault } from '../vault/vault';
import { accountDashboard } from './dashboard';
import { accountsStore } from './records';
import { AccountsService, LOCAL_ACCOUNT_ID } from './service';

const dir = mkdtempSync(join(tmpdir(), 'bl-accounts-'));
const key = randomBytes(32).toString('base64');
const wrongKey = randomBytes(32).toString('base64');
let remote: RunningEmulator;
let local: RunningEmulator;
let vault: SecretVault = new MemoryVault();
const events = new EventBus();
const changes: string[] = [];
events.listen((event) => {
  if (event.name === 'accounts.changed') changes.push((event.payload as { reason: string }).reason);
});

let service: AccountsService;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  remote = await startEmulator({ dataDir: join(dir, 'remote'), key, account: 'remote', fsync: false });
  local = await startEmulator({ dataDir: join(dir, 'local'), fsync: false });
  service = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => vault,
    events,
    local: () => ({ url: local.url, account: local.account, key: local.key, running: () => true }),
  });
});

afterAll(async () => {
  await remote.close();
  await local.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('accounts', () => {
  it('always lists the built-in local emulator account, without its key', async () => {
    const [first] = await service.list();
    expect(first).toMatchObject({ id: LOCAL_ACCOUNT_ID, kind: 'local', displayName: 'Local emulator', url: local.url });
    expect(JSON.stringify(await service.list())).not.toContain(local.key);
    await expect(service.check(LOCAL_ACCOUNT_ID)).resolves.toMatchObject({ status: 'connected' });
  });

  it('refuses a wrong key with AuthenticationFailed and saves nothing', async () => {
    await expect(
      service.addSharedKey({ displayName: 'Remote', accountName: 'remote', url: remote.url, key: wrongKey }),
    ).rejects.toMatchObject({ code: 'AuthenticationFailed', message: expect.stringContaining('check the account name and key') });
    expect((await service.list()).map((a) => a.id)).toEqual([LOCAL_ACCOUNT_ID]);
    expect(await vault.keys()).toEqual([]);
  });

  it('names a malformed URL and a refused connection', async () => {
    await expect(service.addSharedKey({ displayName: 'X', accountName: 'x', url: 'batch.example', key })).rejects.toMatchObject({
      code: 'MalformedUrl',
    });
    const port = await closedPort();
    await expect(
      service.addSharedKey({ displayName: 'X', accountName: 'x', url: `http://127.0.0.1:${port}`, key }),
    ).rejects.toMatchObject({ code: 'ConnectionRefused' });
  });

  it('saves a working account with its key in the vault only', async () => {
    const added = await service.addSharedKey({ displayName: 'Remote', accountName: 'remote', url: `${remote.url}/`, key });
    expect(added).toMatchObject({ kind: 'sharedKey', status: 'connected', url: remote.url, favourite: false });
    expect(await vault.get(`account.${added.id}.key`)).toBe(key);
    const onDisk = readFileSync(join(dir, 'app', 'accounts.json'), 'utf8');
    expect(onDisk).toContain('Remote');
    expect(onDisk).not.toContain(key);
    expect(changes).toContain('added');
  });

  it('refuses a second account with the same URL', async () => {
    await expect(
      service.addSharedKey({ displayName: 'Again', accountName: 'remote', url: remote.url.toUpperCase().replace('HTTP', 'http'), key }),
    ).rejects.toMatchObject({ code: 'AccountExists', status: 409 });
  });

  it('tests an edit before saving it and keeps the old key when the new one is wrong', async () => {
    const account = (await service.list()).find((a) => a.displayName === 'Remote')!;
    await expect(service.update({ id: account.id, key: wrongKey })).rejects.toMatchObject({ code: 'AuthenticationFailed' });
    expect(await vault.get(`account.${account.id}.key`)).toBe(key);
    await expect(service.update({ id: account.id, displayName: 'Remote emulator' })).resolves.toMatchObject({
      displayName: 'Remote emulator',
    });
    await expect(service.update({ id: LOCAL_ACCOUNT_ID, displayName: 'x' })).rejects.toMatchObject({ code: 'ReadOnlyAccount' });
  });

  it('shows the dashboard: pools by node state and jobs by state', async () => {
    const client = new BatchServiceClient(new BatchSharedKeyCredentials('remote', key), remote.url);
    await client.pool.add({ id: 'dash-pool', vmSize: 'standard_d2s_v3', targetDedicatedNodes: 0, virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } });
    await client.job.add({ id: 'dash-job', poolInfo: { poolId: 'dash-pool' } });
    const account = (await service.list()).find((a) => a.displayName === 'Remote emulator')!;
    const dashboard = await accountDashboard(service, account.id);
    expect(dashboard.pools.map((p) => p.poolId)).toEqual(['dash-pool']);
    expect(dashboard.jobsByState).toEqual({ active: 1 });
    expect(dashboard.jobsTruncated).toBe(false);
  });

  it('reports a key lost with an in-memory vault as auth failed, naming the problem', async () => {
    const account = (await service.list()).find((a) => a.displayName === 'Remote emulator')!;
    vault = new MemoryVault();
    await expect(service.check(account.id)).resolves.toMatchObject({
      status: 'authFailed',
      statusCode: 'KeyMissing',
      statusMessage: expect.stringContaining('enter it again'),
    });
  });

  it('marks favourites and removes accounts with their secret', async () => {
    const account = (await service.list()).find((a) => a.displayName === 'Remote emulator')!;
    await vault.set(`account.${account.id}.key`, key);
    await expect(service.setFavourite(account.id, true)).resolves.toMatchObject({ favourite: true });
    await expect(service.setFavourite(LOCAL_ACCOUNT_ID, false)).resolves.toMatchObject({ favourite: false });
    await expect(service.remove(account.id)).resolves.toEqual({ removed: true });
    expect(await vault.keys()).toEqual([]);
    expect((await service.list()).map((a) => a.id)).toEqual([LOCAL_ACCOUNT_ID]);
    await expect(service.remove(LOCAL_ACCOUNT_ID)).rejects.toMatchObject({ code: 'ReadOnlyAccount' });
    await expect(service.remove('nope')).rejects.toMatchObject({ code: 'AccountNotFound', status: 404 });
  });
});
