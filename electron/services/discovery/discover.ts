import type { TokenCredential } from '@azure/core-auth';
import { listBatchAccounts, listSubscriptions, listTenants, type ArmOptions } from './arm';
import type { DiscoveredSubscription, DiscoveryProblem, DiscoveryResult } from '../../../shared/models';

/** What a discovery run needs: the identity's home tenant and a credential per tenant (from the auth service). */
export interface DiscoveryInput extends ArmOptions {
  homeTenantId: string;
  credentialFor(tenantId: string): TokenCredential;
  /** Parallel ARM calls per tenant; ARM throttles per identity, so keep this small. */
  concurrency?: number;
}

/** Subscriptions in these states cannot hold usable accounts (ARM refuses reads). */
const SKIPPED_STATES = new Set(['Disabled', 'Deleted']);

function problem(scope: DiscoveryProblem['scope'], error: unknown, ids: Partial<DiscoveryProblem> = {}): DiscoveryProblem {
  // Only the code and the message are copied: an SDK error also carries the request, Authorization header included.
  const rest = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof rest.code === 'string' && rest.code ? rest.code : 'DiscoveryFailed';
  const message = typeof rest.message === 'string' && rest.message ? rest.message : 'The request failed.';
  return { scope, ...ids, code, message };
}

async function mapLimit<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Lists tenants, then each tenant's subscriptions, then each subscription's Batch accounts, each call with a
 * credential for that tenant. A tenant or subscription that fails (e.g. SignInNeeded for a tenant with stricter
 * policies) becomes a problem in the result and never hides what the others returned.
 */
export async function discoverBatchAccounts(input: DiscoveryInput): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { tenants: [], subscriptions: [], accounts: [], problems: [] };
  const concurrency = input.concurrency ?? 4;
  try {
    result.tenants = await listTenants(input.credentialFor(input.homeTenantId), input);
  } catch (error) {
    result.problems.push(problem('tenants', error, { tenantId: input.homeTenantId }));
    result.tenants = [{ tenantId: input.homeTenantId }];
  }
  for (const tenant of result.tenants) {
    const credential = input.credentialFor(tenant.tenantId);
    let subscriptions: DiscoveredSubscription[];
    try {
      subscriptions = await listSubscriptions(credential, tenant.tenantId, input);
    } catch (error) {
      result.problems.push(problem('tenant', error, { tenantId: tenant.tenantId }));
      continue;
    }
    result.subscriptions.push(...subscriptions);
    const usable = subscriptions.filter((subscription) => !SKIPPED_STATES.has(subscription.state ?? ''));
    const lists = await mapLimit(usable, concurrency, async (subscription) => {
      try {
        return await listBatchAccounts(credential, subscription, input);
      } catch (error) {
        const ids = { tenantId: subscription.tenantId, subscriptionId: subscription.subscriptionId };
        result.problems.push(problem('subscription', error, ids));
        return [];
      }
    });
    for (const accounts of lists) result.accounts.push(...accounts);
  }
  return result;
}
