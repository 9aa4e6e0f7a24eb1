// The ARM calls behind an Entra ID account's linked storage: the Batch account's auto-storage, the storage
// account's blob endpoint, and its keys when the identity may list them.
import { BatchManagementClient } from '@azure/arm-batch';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/core-auth';
import { AppError } from '../../../shared/errors';
import type { CloudConfig } from '../auth/clouds';

/** What the resolver needs from ARM, so its logic can be tested with fakes. */
export interface ArmStorageOps {
  /** The auto-storage account's resource id, or undefined when none is linked. */
  autoStorageAccountId(batchResourceId: string): Promise<string | undefined>;
  /** The storage account's primary blob endpoint. */
  blobEndpoint(storageResourceId: string): Promise<string | undefined>;
  /** The account's keys; fails with status 403 when the identity may not list them. */
  listKeys(storageResourceId: string): Promise<string[]>;
}

/** The parts of an ARM resource id: `/subscriptions/<s>/resourceGroups/<g>/providers/<ns>/<type>/<name>`. */
export function parseResourceId(id: string): { subscriptionId: string; resourceGroup: string; name: string } {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id.trim());
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new AppError({ code: 'BadResourceId', message: `Not an ARM resource id: ${id.slice(0, 200)}`, status: 400 });
  }
  return { subscriptionId: match[1], resourceGroup: match[2], name: match[3] };
}

/** The ARM operations for one identity and cloud, over the management SDKs. */
export function armStorageOps(credential: TokenCredential, cloud: Pick<CloudConfig, 'armEndpoint' | 'armScope'>): ArmStorageOps {
  const batchOptions = { endpoint: cloud.armEndpoint, $host: cloud.armEndpoint, credentialScopes: [cloud.armScope] };
  const storageOptions = { endpoint: cloud.armEndpoint, credentials: { scopes: [cloud.armScope] } };
  return {
    async autoStorageAccountId(batchResourceId) {
      const { subscriptionId, resourceGroup, name } = parseResourceId(batchResourceId);
      const account = await new BatchManagementClient(credential, subscriptionId, batchOptions).batchAccountOperations.get(resourceGroup, name);
      return account.autoStorage?.storageAccountId || undefined;
    },
    async blobEndpoint(storageResourceId) {
      const { subscriptionId, resourceGroup, name } = parseResourceId(storageResourceId);
      const account = await new StorageManagementClient(credential, subscriptionId, storageOptions).storageAccounts.getProperties(resourceGroup, name);
      return account.primaryEndpoints?.blob;
    },
    async listKeys(storageResourceId) {
      const { subscriptionId, resourceGroup, name } = parseResourceId(storageResourceId);
      const result = await new StorageManagementClient(credential, subscriptionId, storageOptions).storageAccounts.listKeys(resourceGroup, name);
      return (result.keys ?? []).map((k) => k.value ?? '').filter((v) => v !== '');
    },
  };
}
