// Test fixture: the package calls over Azurite (local account) and over fake ARM operations (an Entra ID account).
import type { AccountSummary, EntraAccountRef } from '../../../shared/models';
import { createDispatcher, type Handlers } from '../contract/dispatch';
import type { LinkedStorageResolver } from '../storage/linked';
import type { UploadService } from '../transfers/uploads';
import type { ArmPackageOps } from './arm-backend';
import { packageHandlers } from './handlers';

function account(id: string, kind: AccountSummary['kind'], entra?: EntraAccountRef): AccountSummary {
  return { id, kind, displayName: `Account ${id}`, accountName: id, url: `https://${id}.example`, favourite: false, status: 'connected', ...(entra ? { entra } : {}) };
}

/** An Entra ID reference with an ARM resource id. */
export const ENTRA_REF: EntraAccountRef = {
  identityId: 'id-1',
  username: 'user@example.com',
  tenantId: 'tenant-1',
  cloud: 'public',
  resourceId: '/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Batch/batchAccounts/acct1',
};

/** The accounts the package tests know: local, a shared-key one, an Entra ID one and one without a resource id. */
export const TEST_ACCOUNTS: AccountSummary[] = [
  account('local', 'local'),
  account('shared', 'sharedKey'),
  account('entra', 'entra', ENTRA_REF),
  account('noarm', 'entra', { ...ENTRA_REF, resourceId: undefined } as EntraAccountRef),
];

/** Dispatches `packages.*` through the real schemas, over a linked storage resolver and an upload service. */
export function packageCaller(
  deps: { resolver: Pick<LinkedStorageResolver, 'linkedStorage'>; uploads: UploadService; requestTimeoutMs?: number },
  armOps?: () => ArmPackageOps,
) {
  const handlers = packageHandlers({
    accounts: { list: async () => TEST_ACCOUNTS },
    resolver: deps.resolver,
    uploads: deps.uploads,
    ...(armOps ? { armOps } : {}),
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
  const dispatch = createDispatcher(handlers as Handlers);
  return async <T = unknown>(name: string, args: unknown): Promise<T> => {
    const envelope = await dispatch(name, args);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return envelope.value as T;
  };
}

/** The ticket of an upload URL main handed out. */
export function ticketOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** The error a promise fails with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; status?: number };
  }
  throw new Error('expected the call to fail');
}
