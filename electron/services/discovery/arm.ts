import { BatchManagementClient, type BatchAccount } from '@azure/arm-batch';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineOptions } from '@azure/core-rest-pipeline';
import type { CloudConfig } from '../auth/clouds';
import { withServiceDeadline } from '../deadline';
import type { BatchAccountQuotas, DiscoveredBatchAccount, DiscoveredSubscription, DiscoveredTenant } from '../../../shared/models';

/** Which ARM to talk to, and optional pipeline settings (a proxy, or trust for a private CA). */
export interface ArmOptions {
  cloud: Pick<CloudConfig, 'armEndpoint' | 'armScope'>;
  pipeline?: Pick<PipelineOptions, 'tlsOptions' | 'proxyOptions' | 'retryOptions'>;
  /** How long one listing, all its pages included, may take; REQUEST_TIMEOUT_MS unless a test shortens it. */
  timeoutMs?: number;
}

/**
 * Reads every page of an ARM listing, keeping what `map` returns. The ARM SDKs set no timeout, so the whole listing has
 * a deadline: a stalled ARM fails it with ConnectionTimeout.
 */
function listAll<T, R>(options: ArmOptions, pages: (abortSignal: AbortSignal) => AsyncIterable<T>, map: (item: T) => R | undefined): Promise<R[]> {
  return withServiceDeadline(
    async (abortSignal) => {
      const out: R[] = [];
      for await (const item of pages(abortSignal)) {
        const mapped = map(item);
        if (mapped !== undefined) out.push(mapped);
      }
      return out;
    },
    'Azure Resource Manager',
    options.timeoutMs,
  );
}

function clientOptions(options: ArmOptions) {
  const endpoint = options.cloud.armEndpoint;
  return { ...options.pipeline, endpoint, $host: endpoint, credentialScopes: [options.cloud.armScope] };
}

/** Lists the tenants the credential's identity belongs to (all pages). */
export async function listTenants(credential: TokenCredential, options: ArmOptions): Promise<DiscoveredTenant[]> {
  const client = new SubscriptionClient(credential, clientOptions(options));
  return listAll(
    options,
    (abortSignal) => client.tenants.list({ abortSignal }),
    (tenant): DiscoveredTenant | undefined =>
      tenant.tenantId
        ? {
            tenantId: tenant.tenantId,
            ...(tenant.displayName ? { displayName: tenant.displayName } : {}),
            ...(tenant.defaultDomain ? { defaultDomain: tenant.defaultDomain } : {}),
          }
        : undefined,
  );
}

/** Lists the subscriptions visible with a credential for `tenantId` (all pages). */
export async function listSubscriptions(
  credential: TokenCredential,
  tenantId: string,
  options: ArmOptions,
): Promise<DiscoveredSubscription[]> {
  const client = new SubscriptionClient(credential, clientOptions(options));
  return listAll(
    options,
    (abortSignal) => client.subscriptions.list({ abortSignal }),
    (subscription): DiscoveredSubscription | undefined =>
      subscription.subscriptionId
        ? {
            subscriptionId: subscription.subscriptionId,
            tenantId: subscription.tenantId ?? tenantId,
            ...(subscription.displayName ? { displayName: subscription.displayName } : {}),
            ...(subscription.state ? { state: subscription.state } : {}),
          }
        : undefined,
  );
}

function quotasOf(account: BatchAccount): BatchAccountQuotas | undefined {
  const quotas: BatchAccountQuotas = {};
  if (account.dedicatedCoreQuota !== undefined) quotas.dedicatedCores = account.dedicatedCoreQuota;
  if (account.lowPriorityCoreQuota !== undefined) quotas.lowPriorityCores = account.lowPriorityCoreQuota;
  if (account.poolQuota !== undefined) quotas.pools = account.poolQuota;
  if (account.activeJobAndJobScheduleQuota !== undefined) {
    quotas.activeJobsAndJobSchedules = account.activeJobAndJobScheduleQuota;
  }
  if (account.dedicatedCoreQuotaPerVMFamilyEnforced !== undefined) {
    quotas.dedicatedCoresPerVmFamilyEnforced = account.dedicatedCoreQuotaPerVMFamilyEnforced;
  }
  if (account.dedicatedCoreQuotaPerVMFamily?.length) {
    quotas.dedicatedCoresPerVmFamily = account.dedicatedCoreQuotaPerVMFamily.map((family) => ({
      name: family.name ?? '',
      coreQuota: family.coreQuota ?? 0,
    }));
  }
  return Object.keys(quotas).length ? quotas : undefined;
}

/** Maps an ARM Batch account to the plain model; undefined when ARM left out what is needed to connect. */
export function toDiscoveredAccount(
  account: BatchAccount,
  subscription: Pick<DiscoveredSubscription, 'subscriptionId' | 'tenantId'>,
): DiscoveredBatchAccount | undefined {
  if (!account.id || !account.name || !account.accountEndpoint) return undefined;
  const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(account.id)?.[1] ?? '';
  const quotas = quotasOf(account);
  return {
    id: account.id,
    name: account.name,
    resourceGroup,
    accountEndpoint: account.accountEndpoint,
    url: `https://${account.accountEndpoint}`,
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    ...(account.location ? { location: account.location } : {}),
    ...(account.poolAllocationMode ? { poolAllocationMode: account.poolAllocationMode } : {}),
    ...(account.allowedAuthenticationModes ? { allowedAuthenticationModes: [...account.allowedAuthenticationModes] } : {}),
    ...(account.publicNetworkAccess ? { publicNetworkAccess: account.publicNetworkAccess } : {}),
    ...(account.provisioningState ? { provisioningState: account.provisioningState } : {}),
    ...(quotas ? { quotas } : {}),
  };
}

/** Lists the Batch accounts in one subscription (all pages). */
export async function listBatchAccounts(
  credential: TokenCredential,
  subscription: Pick<DiscoveredSubscription, 'subscriptionId' | 'tenantId'>,
  options: ArmOptions,
): Promise<DiscoveredBatchAccount[]> {
  const client = new BatchManagementClient(credential, subscription.subscriptionId, clientOptions(options));
  return listAll(options, (abortSignal) => client.batchAccountOperations.list({ abortSignal }), (account) => toDiscoveredAccount(account, subscription));
}
