import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EntraAuth } from '../auth/entra-auth';
import type { EntraIdentity } from '../auth/identity';
import { ALICE, BOB, TENANT_A, TENANT_B, startAuthFixture, type AuthFixture } from '../auth/testing/auth-fixture';
import { FakeArm } from '../auth/testing/fake-arm';
import { toTokenCredential } from '../auth/token-credential';
import { discoverBatchAccounts, type DiscoveryInput } from './discover';

const QUOTAS = { dedicatedCoreQuota: 20, lowPriorityCoreQuota: 100, poolQuota: 10, activeJobAndJobScheduleQuota: 50 };

describe('ARM discovery of Batch accounts across tenants', () => {
  let fx: AuthFixture;
  let arm: FakeArm;
  let auth: EntraAuth;
  let alice: EntraIdentity;

  beforeAll(async () => {
    fx = await startAuthFixture();
    arm = await FakeArm.start(
      fx.tls,
      {
        tenants: [
          { tenantId: TENANT_A, displayName: 'Contoso', defaultDomain: 'contoso.example', memberOids: [ALICE.oid] },
          { tenantId: TENANT_B, displayName: 'Fabrikam', defaultDomain: 'fabrikam.example', memberOids: [ALICE.oid, BOB.oid] },
        ],
        subscriptions: [
          {
            subscriptionId: 'sub-a1', displayName: 'Contoso prod', tenantId: TENANT_A,
            accounts: [
              { name: 'alpha', resourceGroup: 'rg-render', location: 'westeurope', poolAllocationMode: 'BatchService', quotas: QUOTAS },
              { name: 'beta', resourceGroup: 'rg-hpc', location: 'eastus', poolAllocationMode: 'UserSubscription', allowedAuthenticationModes: ['AAD'] },
            ],
          },
          {
            subscriptionId: 'sub-a2', displayName: 'Contoso dev', tenantId: TENANT_A,
            accounts: ['d1', 'd2', 'd3'].map((name) => ({ name, resourceGroup: 'rg-dev', location: 'northeurope', poolAllocationMode: 'BatchService' as const })),
          },
          {
            subscriptionId: 'sub-a3', displayName: 'Contoso old', tenantId: TENANT_A, state: 'Disabled',
            accounts: [{ name: 'ghost', resourceGroup: 'rg-old', location: 'westus', poolAllocationMode: 'BatchService' }],
          },
          {
            subscriptionId: 'sub-b1', displayName: 'Fabrikam shared', tenantId: TENANT_B,
            accounts: [{ name: 'gamma', resourceGroup: 'rg-shared', location: 'uksouth', poolAllocationMode: 'BatchService', quotas: QUOTAS }],
          },
        ],
      },
      1,
    );
    ({ auth } = fx.createAuth({ armEndpoint: arm.origin }));
    fx.idp.signInAs(ALICE);
    alice = await auth.signInInteractive();
  });
  afterAll(async () => {
    await arm.close();
    await fx.close();
  });
  beforeEach(() => {
    arm.calls.length = 0;
    arm.stalled.clear();
    fx.idp.interactionRequiredTenants.clear();
  });

  const input = (): DiscoveryInput => ({
    cloud: auth.cloud,
    homeTenantId: alice.homeTenantId,
    credentialFor: (tenantId) => toTokenCredential(auth.tokenSource(alice.id, tenantId)),
    pipeline: { tlsOptions: { ca: fx.tls.ca }, retryOptions: { maxRetries: 0 } },
  });

  it('lists tenants, subscriptions and accounts across two tenants, following every nextLink', async () => {
    const result = await discoverBatchAccounts(input());

    expect(result.problems).toEqual([]);
    expect(result.tenants).toEqual([
      { tenantId: TENANT_A, displayName: 'Contoso', defaultDomain: 'contoso.example' },
      { tenantId: TENANT_B, displayName: 'Fabrikam', defaultDomain: 'fabrikam.example' },
    ]);
    expect(result.subscriptions.map((s) => [s.subscriptionId, s.tenantId, s.state])).toEqual([
      ['sub-a1', TENANT_A, 'Enabled'],
      ['sub-a2', TENANT_A, 'Enabled'],
      ['sub-a3', TENANT_A, 'Disabled'],
      ['sub-b1', TENANT_B, 'Enabled'],
    ]);
    expect(result.accounts.map((a) => a.name).sort()).toEqual(['alpha', 'beta', 'd1', 'd2', 'd3', 'gamma']);

    expect(result.accounts.find((a) => a.name === 'alpha')).toEqual({
      id: '/subscriptions/sub-a1/resourceGroups/rg-render/providers/Microsoft.Batch/batchAccounts/alpha',
      name: 'alpha',
      resourceGroup: 'rg-render',
      location: 'westeurope',
      accountEndpoint: 'alpha.westeurope.batch.azure.com',
      url: 'https://alpha.westeurope.batch.azure.com',
      subscriptionId: 'sub-a1',
      tenantId: TENANT_A,
      poolAllocationMode: 'BatchService',
      publicNetworkAccess: 'Enabled',
      provisioningState: 'Succeeded',
      quotas: { dedicatedCores: 20, lowPriorityCores: 100, pools: 10, activeJobsAndJobSchedules: 50 },
    });
    const beta = result.accounts.find((a) => a.name === 'beta');
    expect(beta).toMatchObject({ poolAllocationMode: 'UserSubscription', allowedAuthenticationModes: ['AAD'] });
    expect(beta?.quotas).toBeUndefined();
    expect(result.accounts.find((a) => a.name === 'gamma')).toMatchObject({ tenantId: TENANT_B, subscriptionId: 'sub-b1' });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);

    // Paging: one page per item, so every list needed its nextLinks.
    const count = (path: string) => arm.calls.filter((call) => call.path === path).length;
    expect(count('/tenants')).toBe(2);
    expect(count('/subscriptions')).toBe(3 + 1);
    expect(count('/subscriptions/sub-a2/providers/Microsoft.Batch/batchAccounts')).toBe(3);
    expect(count('/subscriptions/sub-a3/providers/Microsoft.Batch/batchAccounts')).toBe(0);
    // Each tenant's calls carried a token for that tenant.
    for (const call of arm.calls) expect(call.status).toBe(200);
    expect(arm.calls.filter((call) => call.path.startsWith('/subscriptions/sub-b1')).every((call) => call.tid === TENANT_B)).toBe(true);
    expect(arm.calls.filter((call) => call.path.startsWith('/subscriptions/sub-a')).every((call) => call.tid === TENANT_A)).toBe(true);
  });

  it('reports a subscription whose account listing ARM never answers, once its deadline passes, and returns the others', async () => {
    arm.stalled.add('/subscriptions/sub-a2/providers/Microsoft.Batch/batchAccounts');
    const started = Date.now();
    const result = await discoverBatchAccounts({ ...input(), timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.accounts.map((a) => a.name).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(result.problems).toEqual([
      { scope: 'subscription', tenantId: TENANT_A, subscriptionId: 'sub-a2', code: 'ConnectionTimeout', message: 'Azure Resource Manager did not answer within 300 ms' },
    ]);
  });

  it('reports a tenant that needs an interactive sign-in and still returns the others', async () => {
    fx.idp.interactionRequiredTenants.add(TENANT_B);
    await auth.signOut(alice.id);
    fx.idp.signInAs(ALICE);
    alice = await auth.signInInteractive();

    const result = await discoverBatchAccounts(input());

    expect(result.accounts.map((a) => a.name).sort()).toEqual(['alpha', 'beta', 'd1', 'd2', 'd3']);
    expect(result.problems).toEqual([
      { scope: 'tenant', tenantId: TENANT_B, code: 'SignInNeeded', message: `Sign-in needed for ${ALICE.username}.` },
    ]);
    expect(arm.calls.some((call) => call.tid === TENANT_B)).toBe(false);
  });
});
