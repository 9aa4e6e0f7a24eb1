import { describe, expect, it } from 'vitest';
import type { DiscoveredBatchAccount, DiscoveryResult } from '../../../shared/models';
import { canonicalUrl, groupDiscovery, isEntraOnly, problemText, togglePick } from './discovery-groups';

const account = (name: string, tenantId: string, subscriptionId: string, extra: Partial<DiscoveredBatchAccount> = {}): DiscoveredBatchAccount => ({
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/${name}`,
  name,
  resourceGroup: 'rg',
  accountEndpoint: `${name}.westeurope.batch.azure.com`,
  url: `https://${name}.westeurope.batch.azure.com`,
  subscriptionId,
  tenantId,
  ...extra,
});

const result: DiscoveryResult = {
  tenants: [
    { tenantId: 't-b', displayName: 'Contoso' },
    { tenantId: 't-a', defaultDomain: 'fabrikam.onmicrosoft.com' },
  ],
  subscriptions: [
    { subscriptionId: 's-1', displayName: 'Prod', tenantId: 't-b' },
    { subscriptionId: 's-2', displayName: 'Dev', tenantId: 't-b' },
  ],
  accounts: [
    account('zeta', 't-b', 's-1'),
    account('alpha', 't-b', 's-1'),
    account('devbatch', 't-b', 's-2'),
    account('fab', 't-a', 's-9'),
  ],
  problems: [],
};

describe('groupDiscovery', () => {
  it('groups by tenant then subscription with readable, sorted labels', () => {
    const groups = groupDiscovery(result, []);
    expect(groups.map((g) => g.label)).toEqual(['Contoso (t-b)', 'fabrikam.onmicrosoft.com (t-a)']);
    expect(groups[0]?.subscriptions.map((s) => s.label)).toEqual(['Dev (s-2)', 'Prod (s-1)']);
    expect(groups[0]?.subscriptions[1]?.accounts.map((a) => a.account.name)).toEqual(['alpha', 'zeta']);
    expect(groups[1]?.subscriptions[0]?.label).toBe('s-9');
  });

  it('marks accounts whose URL is already in the list, whatever its case or trailing slash', () => {
    const groups = groupDiscovery(result, ['HTTPS://Alpha.WestEurope.batch.azure.com/']);
    const prod = groups[0]?.subscriptions[1]?.accounts ?? [];
    expect(prod.map((a) => [a.account.name, a.alreadyAdded])).toEqual([
      ['alpha', true],
      ['zeta', false],
    ]);
  });

  it('is empty when nothing was found', () => {
    expect(groupDiscovery({ ...result, accounts: [] }, [])).toEqual([]);
  });
});

describe('problemText', () => {
  it('names the subscription or tenant and the service code', () => {
    expect(problemText({ scope: 'subscription', subscriptionId: 's-1', tenantId: 't-b', code: 'AuthorizationFailed', message: 'No access' }, result)).toBe(
      'Subscription Prod (s-1): AuthorizationFailed: No access',
    );
    expect(problemText({ scope: 'tenant', tenantId: 't-b', code: 'InteractionRequired', message: 'MFA' }, result)).toBe(
      'Tenant Contoso (t-b): InteractionRequired: MFA',
    );
    expect(problemText({ scope: 'tenants', code: 'ServiceUnreachable', message: 'down' }, result)).toBe('Tenants: ServiceUnreachable: down');
  });
});

describe('helpers', () => {
  it('knows Entra-only accounts from their allowed authentication modes', () => {
    expect(isEntraOnly({ allowedAuthenticationModes: ['AAD'] })).toBe(true);
    expect(isEntraOnly({ allowedAuthenticationModes: ['AAD', 'SharedKey'] })).toBe(false);
    expect(isEntraOnly({})).toBe(false);
  });

  it('canonicalises URLs and toggles picks without mutating', () => {
    expect(canonicalUrl(' https://A.example/ ')).toBe('https://a.example');
    expect(canonicalUrl('not a url')).toBe('not a url');
    const picked = new Set(['a']);
    expect([...togglePick(picked, 'b', true)]).toEqual(['a', 'b']);
    expect([...togglePick(picked, 'a', false)]).toEqual([]);
    expect([...picked]).toEqual(['a']);
  });
});
