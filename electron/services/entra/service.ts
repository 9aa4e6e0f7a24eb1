import type { ServiceClientCredentials } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import type { DiscoveryResult, EntraAccountRef, EntraIdentitySummary } from '../../../shared/models';
import { CLOUDS, createBatchCredentials, EntraAuth, toTokenCredential, type CloudId } from '../auth';
import { discoverBatchAccounts } from '../discovery';
import type { EventBus } from '../events';
import type { SecretVault } from '../vault/vault';

export interface EntraServiceDeps {
  /** The cloud and client id from Settings, read at each use so a change applies to the next sign-in. */
  config: () => { cloud: CloudId; clientId?: string };
  vault: () => SecretVault;
  events: EventBus;
  /** Opens a sign-in page: the OS browser in Electron; under the web host, an event the page acts on. */
  openBrowser: (url: string, requestId: string) => Promise<void>;
  log?: (line: string) => void;
}

/** Sign-in, identities, discovery and data-plane credentials for Microsoft Entra ID; tokens never leave it. */
export class EntraService {
  private readonly auths = new Map<string, EntraAuth>();
  private readonly pending = new Map<string, AbortController>();
  private readonly discovered = new Map<string, DiscoveryResult>();
  private activeRequest = '';
  private authsVault: SecretVault | undefined;

  constructor(private readonly deps: EntraServiceDeps) {}

  /** The msal-backed service for a cloud, created once per cloud and client id while the vault stays the same. */
  auth(cloud: CloudId = this.deps.config().cloud): EntraAuth {
    const clientId = this.deps.config().clientId;
    const vault = this.deps.vault();
    if (vault !== this.authsVault) {
      this.auths.clear();
      this.authsVault = vault;
    }
    const key = `${cloud}|${clientId ?? ''}`;
    let auth = this.auths.get(key);
    if (!auth) {
      auth = new EntraAuth({
        cloud: CLOUDS[cloud],
        ...(clientId ? { clientId } : {}),
        vault,
        openBrowser: (url) => this.deps.openBrowser(url, this.activeRequest),
        ...(this.deps.log ? { log: this.deps.log } : {}),
      });
      this.auths.set(key, auth);
    }
    return auth;
  }

  /** Every signed-in identity of the configured cloud. */
  async identities(): Promise<EntraIdentitySummary[]> {
    return this.auth().listIdentities();
  }

  /** Signs in through the system browser or a device code; `requestId` lets the page cancel it. */
  async signIn(input: { requestId: string; method: 'browser' | 'deviceCode'; tenantId?: string; loginHint?: string }): Promise<EntraIdentitySummary> {
    if (this.pending.has(input.requestId)) {
      throw new AppError({ code: 'SignInInProgress', message: 'This sign-in is already running', status: 409 });
    }
    const controller = new AbortController();
    this.pending.set(input.requestId, controller);
    this.activeRequest = input.requestId;
    const common = { signal: controller.signal, ...(input.tenantId ? { tenantId: input.tenantId } : {}) };
    try {
      if (input.method === 'deviceCode') {
        return await this.auth().signInWithDeviceCode({
          ...common,
          onCode: (prompt) => this.deps.events.emit('auth.deviceCode', { requestId: input.requestId, ...prompt }),
        });
      }
      return await this.auth().signInInteractive({ ...common, ...(input.loginHint ? { loginHint: input.loginHint } : {}) });
    } finally {
      this.pending.delete(input.requestId);
      this.deps.events.emit('accounts.changed', { reason: 'signIn' });
    }
  }

  /** Cancels a running sign-in. */
  cancel(requestId: string): { cancelled: boolean } {
    const controller = this.pending.get(requestId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /** Removes one identity's cached tokens, and only those. */
  async signOut(identityId: string): Promise<{ signedOut: boolean }> {
    const signedOut = await this.auth().signOut(identityId);
    this.discovered.delete(identityId);
    this.deps.events.emit('accounts.changed', { reason: 'signOut' });
    return { signedOut };
  }

  /** The identity with this id, or a clear error. */
  async identity(identityId: string): Promise<EntraIdentitySummary> {
    const found = (await this.identities()).find((i) => i.id === identityId);
    if (!found) throw new AppError({ code: 'IdentityNotFound', message: 'That identity is not signed in', status: 404 });
    return found;
  }

  /** Lists tenants, subscriptions and Batch accounts the identity can see. */
  async discover(identityId: string): Promise<DiscoveryResult> {
    const identity = await this.identity(identityId);
    const auth = this.auth();
    const result = await discoverBatchAccounts({
      cloud: auth.cloud,
      homeTenantId: identity.homeTenantId,
      credentialFor: (tenantId) => toTokenCredential(auth.tokenSource(identityId, tenantId)),
    });
    this.discovered.set(identityId, result);
    return result;
  }

  /** A discovered account by ARM resource id, from the identity's last discovery. */
  discoveredAccount(identityId: string, resourceId: string) {
    const account = this.discovered.get(identityId)?.accounts.find((a) => a.id === resourceId);
    if (!account) {
      throw new AppError({ code: 'AccountNotDiscovered', message: `Run discovery again: ${resourceId} is not among the accounts found`, status: 404 });
    }
    return account;
  }

  /** Data-plane credentials for an Entra ID account: a Batch-scoped token adapter, never the ARM scope. */
  credentialsFor(ref: EntraAccountRef): ServiceClientCredentials {
    const auth = this.auth(ref.cloud);
    return createBatchCredentials(auth.tokenSource(ref.identityId, ref.tenantId), CLOUDS[ref.cloud]);
  }
}
