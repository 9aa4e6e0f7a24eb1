import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { BatchServiceClient } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverBatchAccounts } from '../discovery/discover';
import { createBatchCredentials } from './batch-credentials';
import { CLOUDS } from './clouds';
import { ALICE, BOB, TENANT_A, TENANT_B, TEST_CLIENT_ID, startAuthFixture, type AuthFixture } from './testing/auth-fixture';
import { expireAccessTokens } from './testing/cache-inspect';
import { FakeArm } from './testing/fake-arm';
import { FakeBatchAccount } from './testing/fake-batch';
import { PlaintextFileVault } from '../vault/plaintext-file-vault';
import { filesUnder, findLeaks, textLeaks } from './testing/leak-scan';
import { toTokenCredential } from './token-credential';
import { cacheKey } from './vault-cache-plugin';

const REDIRECTED_ENV = ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'APPDATA', 'LOCALAPPDATA', 'TMPDIR', 'TMP', 'TEMP'];

describe('no token material outside the vault', () => {
  let fx: AuthFixture;
  let arm: FakeArm;
  let batch: FakeBatchAccount;
  let dataDir: string;
  let vaultDir: string;
  let output = '';

  beforeAll(async () => {
    fx = await startAuthFixture();
    arm = await FakeArm.start(fx.tls, {
      tenants: [
        { tenantId: TENANT_A, displayName: 'Contoso', defaultDomain: 'contoso.example', memberOids: [ALICE.oid] },
        { tenantId: TENANT_B, displayName: 'Fabrikam', defaultDomain: 'fabrikam.example', memberOids: [ALICE.oid] },
      ],
      subscriptions: [
        { subscriptionId: 's-a', displayName: 'A', tenantId: TENANT_A, accounts: [{ name: 'a1', resourceGroup: 'rg', location: 'westeurope', poolAllocationMode: 'BatchService' }] },
        { subscriptionId: 's-b', displayName: 'B', tenantId: TENANT_B, accounts: [{ name: 'b1', resourceGroup: 'rg', location: 'uksouth', poolAllocationMode: 'BatchService' }] },
      ],
    });
    batch = await FakeBatchAccount.start(fx.tls);
    dataDir = mkdtempSync(join(tmpdir(), 'batch-lens-data-'));
    vaultDir = join(dataDir, 'vault');
  });
  afterAll(async () => {
    await Promise.all([arm.close(), batch.close(), fx.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every flow with home, temp, config and working folders inside a temp data dir, then scans it', async () => {
    const savedEnv = Object.fromEntries(REDIRECTED_ENV.map((name) => [name, process.env[name]]));
    const savedCwd = process.cwd();
    for (const name of REDIRECTED_ENV) {
      process.env[name] = join(dataDir, name.toLowerCase());
      mkdirSync(process.env[name] as string, { recursive: true });
    }
    process.chdir(dataDir);
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ theme: 'dark' }));
    const capture = (chunk: unknown) => {
      output += String(chunk);
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) =>
          capture(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' ')),
        ),
      ),
    ];
    try {
      // A plain-text vault on purpose: the scan must tell the vault's own file from every other file.
      const { vault } = await PlaintextFileVault.open(join(vaultDir, 'secrets.json'));
      const { auth } = fx.createAuth({ vault, armEndpoint: arm.origin, log: (level, message) => console.warn(level, message) });
      fx.idp.signInAs(ALICE);
      const alice = await auth.signInInteractive();
      fx.idp.signInAs(BOB);
      fx.idp.deviceCodePendingPolls = 1;
      const bob = await auth.signInWithDeviceCode({ onCode: (prompt) => console.log(prompt.message) });

      const discovered = await discoverBatchAccounts({
        cloud: auth.cloud,
        homeTenantId: alice.homeTenantId,
        credentialFor: (tenantId) => toTokenCredential(auth.tokenSource(alice.id, tenantId)),
        pipeline: { tlsOptions: { ca: fx.tls.ca } },
      });
      expect(discovered.accounts.map((account) => account.name).sort()).toEqual(['a1', 'b1']);

      const agents = { http: new HttpAgent(), https: new HttpsAgent({ ca: fx.tls.ca }) };
      const client = new BatchServiceClient(createBatchCredentials(auth.tokenSource(alice.id), CLOUDS.public), batch.url, { agentSettings: agents });
      expect((await client.pool.list()).length).toBe(1);
      agents.https.destroy();

      await expireAccessTokens(vault, cacheKey('test', TEST_CLIENT_ID));
      await auth.getToken(bob.id, [CLOUDS.public.armScope]);
      fx.idp.failRefreshFor(ALICE);
      const failure = await auth.getToken(alice.id, [CLOUDS.public.armScope]).catch((error: unknown) => error);
      console.error(failure);
      fx.idp.failRefreshFor(ALICE, false);
      await auth.signOut(bob.id);
    } finally {
      for (const spy of spies) spy.mockRestore();
      process.chdir(savedCwd);
      for (const [name, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }

    expect(fx.idp.issued.size).toBeGreaterThan(10);
    // The scan can see tokens: the vault's own file holds refresh tokens.
    expect(findLeaks(dataDir, filesUnder(vaultDir), fx.idp.issued).length).toBeGreaterThan(0);
    const elsewhere = filesUnder(dataDir, [vaultDir]);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(findLeaks(dataDir, elsewhere, fx.idp.issued)).toEqual([]);
    // Nor in anything printed: msal's log, the device code message, the SignInNeeded error.
    expect(output).toContain('enter the code');
    expect(output).toContain('SignInNeeded');
    expect(textLeaks(output, fx.idp.issued)).toBe(false);
  });
});
