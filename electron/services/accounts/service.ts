import type { BatchServiceClient } from '@azure/batch';
import type { ServiceClientCredentials } from '@azure/ms-rest-js';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { AccountSummary, DiscoveredBatchAccount, EntraAccountRef } from '../../../shared/models';
import { batchClient, sharedKeyClient, withDeadline } from '../batch/clients';
import type { EventBus } from '../events';
import type { JsonFileStore } from '../settings/json-file-store';
import type { SecretVault } from '../vault/vault';
import { normalizeAccountUrl, parseAccountUrl, type ReachOptions } from './connection';
import type { AccountRecord, AccountsFile } from './records';
import { statusFromError, type StatusFinding } from './status';
import { testAccountConnection } from './test-connection';

/** The id of the built-in local emulator account. */
export const LOCAL_ACCOUNT_ID = 'local';
const STALE_AFTER_MS = 60_000;
const CHECK_CONCURRENCY = 4;

export interface LocalAccount {
  url: string;
  account: string;
  key: string;
  /** The local account's linked storage (Azurite); its key stays in main like the account's. */
  storage?: { accountName: string; accountKey: string; blobUrl: string };
  running(): boolean;
}

export interface AccountsDeps {
  store: JsonFileStore<AccountsFile>;
  /** The vault in force; a getter because Settings may reopen it. */
  vault: () => SecretVault;
  events: EventBus;
  local?: () => LocalAccount | undefined;
  /** Data-plane credentials for an Entra ID account (a Batch-scoped token adapter). */
  entraCredentials?: (ref: EntraAccountRef) => ServiceClientCredentials;
  reach?: ReachOptions;
  now?: () => Date;
}

interface SharedKeyInput {
  displayName: string;
  accountName: string;
  url: string;
  key: string;
}

const keyName = (id: string) => `account.${id}.key`;

/** Keeps the account list, its secrets (in the vault only) and each account's last known status. */
export class AccountsService {
  private readonly statuses = new Map<string, StatusFinding & { checkedAt: string }>();
  private readonly checking = new Map<string, Promise<AccountSummary>>();

  constructor(private readonly deps: AccountsDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private summary(record: AccountRecord): AccountSummary {
    const found = this.statuses.get(record.id);
    const out: AccountSummary = {
      id: record.id,
      kind: record.kind,
      displayName: record.displayName,
      accountName: record.accountName,
      url: record.url,
      favourite: record.favourite,
      status: found?.status ?? 'unknown',
    };
    if (found?.statusMessage) out.statusMessage = found.statusMessage;
    if (found?.statusCode) out.statusCode = found.statusCode;
    if (found?.checkedAt) out.checkedAt = found.checkedAt;
    if (record.entra) out.entra = record.entra;
    if (record.quotas) out.quotas = record.quotas;
    return out;
  }

  private localRecord(file: AccountsFile): AccountRecord | undefined {
    const local = this.deps.local?.();
    if (!local) return undefined;
    return {
      id: LOCAL_ACCOUNT_ID,
      kind: 'sharedKey',
      displayName: 'Local emulator',
      accountName: local.account,
      url: local.url,
      favourite: file.localFavourite,
      createdAt: new Date(0).toISOString(),
    };
  }

  private async records(): Promise<AccountRecord[]> {
    await this.deps.store.load();
    const value = this.deps.store.current;
    const local = this.localRecord(value);
    return local ? [local, ...value.accounts] : value.accounts;
  }

  private async record(id: string): Promise<AccountRecord> {
    const record = (await this.records()).find((r) => r.id === id);
    if (!record) throw new AppError({ code: 'AccountNotFound', message: `No account with id ${id}`, status: 404 });
    return record;
  }

  /** Every account with its last known status; stale statuses are re-checked in the background. */
  async list(): Promise<AccountSummary[]> {
    const records = await this.records();
    const summaries = records.map((r) => {
      const s = this.summary(r);
      return r.id === LOCAL_ACCOUNT_ID ? { ...s, kind: 'local' as const } : s;
    });
    const stale = records.filter((r) => {
      const at = this.statuses.get(r.id)?.checkedAt;
      return !at || this.now().getTime() - Date.parse(at) > STALE_AFTER_MS;
    });
    if (stale.length > 0) void this.checkMany(stale.map((r) => r.id));
    return summaries;
  }

  private async checkMany(ids: string[]): Promise<void> {
    const queue = [...ids];
    const before = ids.map((id) => this.statuses.get(id)?.status).join();
    await Promise.all(
      Array.from({ length: Math.min(CHECK_CONCURRENCY, queue.length) }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) await this.check(id).catch(() => undefined);
      }),
    );
    if (ids.map((id) => this.statuses.get(id)?.status).join() !== before) {
      this.deps.events.emit('accounts.changed', { reason: 'status' });
    }
  }

  /** Re-checks one account now (one cheap authenticated call) and records what it found. */
  check(id: string): Promise<AccountSummary> {
    const running = this.checking.get(id);
    if (running) return running;
    const work = (async () => {
      const record = await this.record(id);
      let finding: StatusFinding;
      try {
        const client = await this.clientFor(id);
        await testAccountConnection(record.url, client, this.deps.reach);
        finding = { status: 'connected' };
      } catch (error) {
        finding = statusFromError(error);
      }
      this.statuses.set(id, { ...finding, checkedAt: this.now().toISOString() });
      const summary = this.summary(record);
      return id === LOCAL_ACCOUNT_ID ? { ...summary, kind: 'local' as const } : summary;
    })().finally(() => this.checking.delete(id));
    this.checking.set(id, work);
    return work;
  }

  /** A data-plane client for an account; its credentials never leave main. */
  async clientFor(id: string): Promise<BatchServiceClient> {
    if (id === LOCAL_ACCOUNT_ID) {
      const local = this.deps.local?.();
      if (!local?.running()) {
        throw new AppError({ code: 'LocalEmulatorStopped', message: 'The local emulator is not running', status: 503 });
      }
      return sharedKeyClient(local.url, local.account, local.key);
    }
    const record = await this.record(id);
    if (record.kind === 'entra') {
      if (!record.entra || !this.deps.entraCredentials) {
        throw new AppError({ code: 'SignInNeeded', message: `Sign-in needed for ${record.displayName}`, status: 401 });
      }
      return batchClient(record.url, this.deps.entraCredentials(record.entra));
    }
    const key = await this.deps.vault().get(keyName(id));
    if (!key) {
      throw new AppError({
        code: 'KeyMissing',
        message: `The key of ${record.displayName} is not stored on this machine (secrets were kept in memory only); edit the account to enter it again`,
        status: 401,
      });
    }
    return sharedKeyClient(record.url, record.accountName, key);
  }

  private async assertNewUrl(url: string, exceptId?: string): Promise<string> {
    const normalized = normalizeAccountUrl(url);
    const clash = (await this.records()).find((r) => r.id !== exceptId && normalizeAccountUrl(r.url) === normalized);
    if (clash) {
      throw new AppError({ code: 'AccountExists', message: `${clash.displayName} already uses ${normalized}`, status: 409 });
    }
    return normalized;
  }

  /** Tests the connection first; only a working account is saved (its key into the vault). */
  async addSharedKey(input: SharedKeyInput): Promise<AccountSummary> {
    const url = await this.assertNewUrl(input.url);
    await testAccountConnection(url, sharedKeyClient(url, input.accountName, input.key), this.deps.reach);
    const record: AccountRecord = {
      id: randomUUID(),
      kind: 'sharedKey',
      displayName: input.displayName,
      accountName: input.accountName,
      url,
      favourite: false,
      createdAt: this.now().toISOString(),
    };
    await this.deps.vault().set(keyName(record.id), input.key);
    try {
      await this.deps.store.update((file) => ({ ...file, accounts: [...file.accounts, record] }));
    } catch (error) {
      await this.deps.vault().delete(keyName(record.id));
      throw error;
    }
    this.statuses.set(record.id, { status: 'connected', checkedAt: this.now().toISOString() });
    this.deps.events.emit('accounts.changed', { reason: 'added' });
    return this.summary(record);
  }

  /** Edits an account; a new URL, name or key is tested before anything is saved. */
  async update(input: { id: string } & Partial<SharedKeyInput>): Promise<AccountSummary> {
    if (input.id === LOCAL_ACCOUNT_ID) {
      throw new AppError({ code: 'ReadOnlyAccount', message: 'The local emulator account cannot be edited', status: 400 });
    }
    const record = await this.record(input.id);
    const connectionChanged = input.url !== undefined || input.accountName !== undefined || input.key !== undefined;
    if (record.kind === 'entra' && connectionChanged) {
      throw new AppError({ code: 'ReadOnlyAccount', message: 'Only the display name of an Entra ID account can be edited', status: 400 });
    }
    const next: AccountRecord = { ...record };
    if (input.displayName !== undefined) next.displayName = input.displayName;
    if (input.accountName !== undefined) next.accountName = input.accountName;
    if (input.url !== undefined) next.url = await this.assertNewUrl(input.url, record.id);
    const key = input.key ?? (connectionChanged ? await this.deps.vault().get(keyName(record.id)) : undefined);
    if (connectionChanged) {
      if (!key) throw new AppError({ code: 'KeyMissing', message: 'Enter the account key to test the new settings', status: 400 });
      parseAccountUrl(next.url);
      await testAccountConnection(next.url, sharedKeyClient(next.url, next.accountName, key), this.deps.reach);
      await this.deps.vault().set(keyName(record.id), key);
      this.statuses.set(record.id, { status: 'connected', checkedAt: this.now().toISOString() });
    }
    await this.deps.store.update((file) => ({ ...file, accounts: file.accounts.map((r) => (r.id === record.id ? next : r)) }));
    this.deps.events.emit('accounts.changed', { reason: 'updated' });
    return this.summary(next);
  }

  /** Removes an account and its stored secret. */
  async remove(id: string): Promise<{ removed: boolean }> {
    if (id === LOCAL_ACCOUNT_ID) {
      throw new AppError({ code: 'ReadOnlyAccount', message: 'The local emulator account cannot be removed', status: 400 });
    }
    await this.record(id);
    await this.deps.store.update((file) => ({ ...file, accounts: file.accounts.filter((r) => r.id !== id) }));
    await this.deps.vault().delete(keyName(id));
    this.statuses.delete(id);
    this.deps.events.emit('accounts.changed', { reason: 'removed' });
    return { removed: true };
  }

  /** Marks or unmarks an account as a favourite. */
  async setFavourite(id: string, favourite: boolean): Promise<AccountSummary> {
    await this.record(id);
    await this.deps.store.update((file) =>
      id === LOCAL_ACCOUNT_ID
        ? { ...file, localFavourite: favourite }
        : { ...file, accounts: file.accounts.map((r) => (r.id === id ? { ...r, favourite } : r)) },
    );
    this.deps.events.emit('accounts.changed', { reason: 'favourite' });
    return (await this.list()).find((a) => a.id === id)!;
  }

  /** Adds accounts found by discovery for a signed-in identity; no keys involved. */
  async addEntra(identity: { id: string; username: string; cloud: EntraAccountRef['cloud'] }, picked: { account: DiscoveredBatchAccount; displayName?: string }[]): Promise<AccountSummary[]> {
    const added: AccountRecord[] = [];
    for (const { account, displayName } of picked) {
      await this.assertNewUrl(account.url);
      added.push({
        id: randomUUID(),
        kind: 'entra',
        displayName: displayName ?? account.name,
        accountName: account.name,
        url: normalizeAccountUrl(account.url),
        favourite: false,
        createdAt: this.now().toISOString(),
        entra: {
          identityId: identity.id,
          username: identity.username,
          tenantId: account.tenantId,
          cloud: identity.cloud,
          subscriptionId: account.subscriptionId,
          resourceGroup: account.resourceGroup,
          resourceId: account.id,
        },
        ...(account.quotas ? { quotas: account.quotas } : {}),
      });
    }
    await this.deps.store.update((file) => ({ ...file, accounts: [...file.accounts, ...added] }));
    this.deps.events.emit('accounts.changed', { reason: 'added' });
    return added.map((r) => this.summary(r));
  }

  /** Runs one SDK call for an account with a deadline, mapping failures to the shared error shape. */
  async withClient<T>(id: string, work: (client: BatchServiceClient, signal: AbortSignal) => Promise<T>, timeoutMs?: number): Promise<T> {
    const client = await this.clientFor(id);
    return withDeadline((signal) => work(client, signal), timeoutMs);
  }

  /** The account's service URL (for checking continuations). */
  async urlOf(id: string): Promise<string> {
    return (await this.record(id)).url;
  }
}
