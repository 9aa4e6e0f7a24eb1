// Resolves an account's linked (auto-storage) storage account to a Blob service client, once per account.
import type { TokenCredential } from '@azure/core-auth';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AppError } from '../../../shared/errors';
import type { AccountKind, EntraAccountRef, LinkedStorageInfo } from '../../../shared/models';
import type { EventBus } from '../events';
import type { ArmStorageOps } from './arm';
import { storageError } from './errors';

/** Blob endpoint suffixes, for when ARM will not say the endpoint but the name is known. */
const BLOB_SUFFIX: Record<EntraAccountRef['cloud'], string> = {
  public: 'blob.core.windows.net',
  usGovernment: 'blob.core.usgovcloudapi.net',
  china: 'blob.core.chinacloudapi.cn',
};

/** A reachable linked storage account: the client, how it signs, and its key when main holds one (for SAS). */
export interface LinkedStorage {
  info: LinkedStorageInfo & { available: true; accountName: string; blobEndpoint: string; auth: 'sharedKey' | 'entra' };
  service: BlobServiceClient;
  /** Present for shared-key access: signs service SAS tokens. */
  sharedKey?: StorageSharedKeyCredential;
  /** Strings that must never appear in a message (the key). */
  secrets: string[];
}

/** What the resolver reads about an account. */
export interface AccountFacts {
  kind: AccountKind;
  displayName: string;
  entra?: EntraAccountRef;
}

export interface LinkedStorageDeps {
  account(accountId: string): Promise<AccountFacts>;
  /** The local account's storage (Azurite), when it runs. */
  localStorage(): { accountName: string; accountKey: string; blobUrl: string } | undefined;
  /** ARM operations for an Entra ID identity. */
  arm(ref: EntraAccountRef): ArmStorageOps;
  /** A token credential of the identity, used for the storage scope. */
  tokenCredential(ref: EntraAccountRef): TokenCredential;
  events?: EventBus;
}

/** Why an account has no linked storage to show, or the storage itself. */
export type Resolved = { available: false; info: LinkedStorageInfo } | ({ available: true } & LinkedStorage);

function unavailable(reason: string, extra: Partial<LinkedStorageInfo> = {}): Resolved {
  return { available: false, info: { available: false, reason, ...extra } };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown; status?: unknown })?.statusCode ?? (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

function nameOf(resourceId: string): string {
  return resourceId.split('/').filter(Boolean).pop() ?? resourceId;
}

/** Finds and caches each account's linked storage; the cache is dropped whenever the accounts change. */
export class LinkedStorageResolver {
  private readonly cache = new Map<string, Promise<Resolved>>();

  constructor(private readonly deps: LinkedStorageDeps) {
    deps.events?.listen(({ name }) => {
      if (name === 'accounts.changed') this.cache.clear();
    });
  }

  /** What `storage.info` answers. */
  async info(accountId: string): Promise<LinkedStorageInfo> {
    return (await this.resolve(accountId)).info;
  }

  /** The linked storage, or a clear error saying why the account has none. */
  async linkedStorage(accountId: string): Promise<LinkedStorage> {
    const resolved = await this.resolve(accountId);
    if (!resolved.available) {
      throw new AppError({ code: 'StorageUnavailable', message: resolved.info.reason ?? 'This account has no linked storage', status: 409 });
    }
    return resolved;
  }

  /** Forgets every cached answer (accounts changed, or a test). */
  clear(): void {
    this.cache.clear();
  }

  private resolve(accountId: string): Promise<Resolved> {
    let found = this.cache.get(accountId);
    if (!found) {
      found = this.lookUp(accountId);
      this.cache.set(accountId, found);
      // A failure (network, sign-in needed) is not remembered: the next call tries again.
      found.catch(() => this.cache.delete(accountId));
    }
    return found;
  }

  private async lookUp(accountId: string): Promise<Resolved> {
    const account = await this.deps.account(accountId);
    if (account.kind === 'local') {
      const local = this.deps.localStorage();
      if (!local) return unavailable('The local storage emulator (Azurite) is not running; restart the app to start it again.');
      const sharedKey = new StorageSharedKeyCredential(local.accountName, local.accountKey);
      return {
        available: true,
        info: { available: true, accountName: local.accountName, blobEndpoint: local.blobUrl, auth: 'sharedKey' },
        service: new BlobServiceClient(local.blobUrl, sharedKey),
        sharedKey,
        secrets: [local.accountKey],
      };
    }
    if (account.kind !== 'entra' || !account.entra) {
      return unavailable(
        `${account.displayName} was added with a shared key, which does not reach its linked storage account. Add the account through Entra ID sign-in to see its linked storage.`,
      );
    }
    return this.entraStorage(account.entra);
  }

  private async entraStorage(ref: EntraAccountRef): Promise<Resolved> {
    if (!ref.resourceId) return unavailable('This account was added without its ARM resource id; remove it and add it again through discovery.');
    const arm = this.deps.arm(ref);
    let storageId: string | undefined;
    try {
      storageId = await arm.autoStorageAccountId(ref.resourceId);
    } catch (error) {
      if (statusOf(error) === 403) return unavailable('You may not read this Batch account in Azure Resource Manager, so its linked storage cannot be found (the Reader role is enough).');
      throw storageError(error);
    }
    if (!storageId) return unavailable('This Batch account has no linked (auto-storage) account. Link one in the Azure portal under the Batch account\'s Storage account setting.');
    const accountName = nameOf(storageId);
    let endpoint: string | undefined;
    try {
      endpoint = await arm.blobEndpoint(storageId);
    } catch (error) {
      if (statusOf(error) !== 403 && statusOf(error) !== 404) throw storageError(error);
    }
    const blobEndpoint = (endpoint ?? `https://${accountName}.${BLOB_SUFFIX[ref.cloud]}`).replace(/\/+$/, '');
    let keys: string[] = [];
    try {
      keys = await arm.listKeys(storageId);
    } catch (error) {
      // 403: no listKeys permission; 409: a read-only lock. Either way a data-plane role may still let the identity in.
      const status = statusOf(error);
      if (status !== 403 && status !== 409) throw storageError(error);
    }
    const key = keys[0];
    if (key) {
      const sharedKey = new StorageSharedKeyCredential(accountName, key);
      return {
        available: true,
        info: { available: true, accountName, blobEndpoint, auth: 'sharedKey' },
        service: new BlobServiceClient(blobEndpoint, sharedKey),
        sharedKey,
        secrets: [key],
      };
    }
    return {
      available: true,
      info: { available: true, accountName, blobEndpoint, auth: 'entra' },
      service: new BlobServiceClient(blobEndpoint, this.deps.tokenCredential(ref)),
      secrets: [],
    };
  }
}
