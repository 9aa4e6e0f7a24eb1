import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type DeviceCodeRequest,
  type INetworkModule,
} from '@azure/msal-node';
import { AppError } from '../../../shared/errors';
import type { SecretVault } from '../vault/vault';
import { AuthErrorCodes, cancelled, signInError, signInNeeded, silentError } from './auth-errors';
import { DEFAULT_CLIENT_ID, type CloudConfig } from './clouds';
import { toIdentities, homeTenantOf, type AccessTokenResult, type DeviceCodePrompt, type EntraIdentity } from './identity';
import { abandonLoopback } from './loopback-cancel';
import { redactTokens } from './redact';
import type { TokenSource } from './token-credential';
import { cacheKey, createVaultCachePlugin } from './vault-cache-plugin';

/** Where msal's warnings go; messages are already stripped of PII and anything token-shaped. */
export type AuthLog = (level: 'error' | 'warning', message: string) => void;

/** For private or test authorities only: what msal would otherwise discover from the public Entra ID endpoints. */
export interface AuthorityOverrides {
  knownAuthorities?: string[];
  /** The authority's OpenID configuration JSON, as a string. */
  authorityMetadata?: string;
  /** An instance discovery response JSON, as a string. */
  cloudDiscoveryMetadata?: string;
}

/** What the Entra ID service needs; everything Electron-specific comes in through these. */
export interface EntraAuthOptions {
  cloud: CloudConfig;
  /** Public client id; defaults to DEFAULT_CLIENT_ID (see clouds.ts for why). */
  clientId?: string;
  /** Holds the msal token cache; nothing else stores it. */
  vault: SecretVault;
  /** Opens a URL in the system browser (Electron: shell.openExternal, https only). */
  openBrowser(url: string): Promise<void>;
  /** Tenant used to sign in when none is given; `organizations` = any work or school account. */
  defaultTenant?: string;
  log?: AuthLog;
  authorityOverrides?: AuthorityOverrides;
  /** Replaces msal's fetch-based HTTP client (e.g. to trust a test or corporate CA). */
  networkClient?: INetworkModule;
}

/** Options for the browser sign-in. */
export interface InteractiveSignInOptions {
  tenantId?: string;
  /** Pre-fills the account picker, e.g. when an identity shows "sign-in needed". */
  loginHint?: string;
  signal?: AbortSignal;
}

/** Options for the device code sign-in. */
export interface DeviceCodeSignInOptions {
  tenantId?: string;
  signal?: AbortSignal;
  /** Called once with the code to show; the sign-in settles when the user completes it elsewhere. */
  onCode(prompt: DeviceCodePrompt): void;
}

/** Options for one token request. */
export interface TokenOptions {
  /** Tenant to get the token in; defaults to the identity's home tenant. */
  tenantId?: string;
  forceRefresh?: boolean;
}

const SUCCESS_PAGE = '<!doctype html><title>Batch Lens</title><p>You are signed in to Batch Lens. You can close this tab.</p>';
const ERROR_PAGE = '<!doctype html><title>Batch Lens</title><p>Sign-in did not complete. Close this tab and try again in Batch Lens.</p>';

/** Rejects with SignInCancelled as soon as the signal aborts, after letting the caller stop the underlying work. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(cancelled());
    };
    if (signal.aborted) {
      abort();
      work.catch(() => undefined);
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Microsoft Entra ID sign-in and tokens for one cloud and client id, with the token cache kept only in the vault. */
export class EntraAuth {
  readonly cloud: CloudConfig;
  readonly clientId: string;
  private readonly config: Configuration;
  private readonly openBrowser: (url: string) => Promise<void>;
  private readonly defaultTenant: string;
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(options: EntraAuthOptions) {
    this.cloud = options.cloud;
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.openBrowser = options.openBrowser;
    this.defaultTenant = options.defaultTenant ?? 'organizations';
    const log = options.log;
    const overrides = options.authorityOverrides ?? {};
    this.config = {
      auth: {
        clientId: this.clientId,
        authority: this.authority(this.defaultTenant),
        ...(overrides.knownAuthorities ? { knownAuthorities: overrides.knownAuthorities } : {}),
        ...(overrides.authorityMetadata ? { authorityMetadata: overrides.authorityMetadata } : {}),
        ...(overrides.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: overrides.cloudDiscoveryMetadata } : {}),
      },
      cache: { cachePlugin: createVaultCachePlugin(options.vault, cacheKey(String(this.cloud.id), this.clientId)) },
      system: {
        ...(options.networkClient ? { networkClient: options.networkClient } : {}),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (level, message, containsPii) => {
            if (!log || containsPii) return;
            log(level === LogLevel.Error ? 'error' : 'warning', redactTokens(message));
          },
        },
      },
    };
  }

  /**
   * A fresh msal client per operation. msal's in-memory cache only ever merges what the plugin loads, so a long-lived
   * client would keep (and write back) accounts that were signed out or cleared from the vault meanwhile.
   */
  private app(): PublicClientApplication {
    return new PublicClientApplication(this.config);
  }

  /** Signs in through the system browser with msal's loopback redirect; resolves with the signed-in identity. */
  async signInInteractive(options: InteractiveSignInOptions = {}): Promise<EntraIdentity> {
    const { signal } = options;
    let authorizeUrl: string | undefined;
    const expectedOrigin = new URL(this.cloud.authorityHost).origin;
    const work = this.app().acquireTokenInteractive({
      scopes: [this.cloud.armScope],
      authority: this.authority(options.tenantId ?? this.defaultTenant),
      // A hinted sign-in repairs a known identity and may ride the browser session; otherwise let the user pick.
      ...(options.loginHint ? { loginHint: options.loginHint } : { prompt: 'select_account' }),
      successTemplate: SUCCESS_PAGE,
      errorTemplate: ERROR_PAGE,
      openBrowser: async (url) => {
        if (signal?.aborted) throw cancelled();
        // Only the authority's own page may be handed to the OS browser.
        if (new URL(url).origin !== expectedOrigin) {
          throw new AppError({ code: AuthErrorCodes.signInFailed, message: 'Refused to open an unexpected sign-in URL.' });
        }
        authorizeUrl = url;
        await this.openBrowser(url);
      },
    });
    const result = await raceAbort(work, signal, () => {
      if (authorizeUrl) void abandonLoopback(authorizeUrl);
    }).catch((error: unknown) => {
      throw signInError(error);
    });
    return this.identityFor(result);
  }

  /** Signs in with a device code shown to the user through `onCode`; cancel with the signal. */
  async signInWithDeviceCode(options: DeviceCodeSignInOptions): Promise<EntraIdentity> {
    const request: DeviceCodeRequest = {
      scopes: [this.cloud.armScope],
      authority: this.authority(options.tenantId ?? this.defaultTenant),
      deviceCodeCallback: (response) => {
        options.onCode({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
          expiresOn: Date.now() + response.expiresIn * 1000,
        });
      },
    };
    // msal checks `cancel` before each poll, so setting it stops polling on the next tick.
    const result = await raceAbort(this.app().acquireTokenByDeviceCode(request), options.signal, () => {
      request.cancel = true;
    }).catch((error: unknown) => {
      throw signInError(error);
    });
    if (!result) throw new AppError({ code: AuthErrorCodes.signInFailed, message: 'Sign-in failed.' });
    return this.identityFor(result);
  }

  /** Every identity with tokens in the cache. */
  async listIdentities(): Promise<EntraIdentity[]> {
    return toIdentities(await this.app().getAllAccounts(), String(this.cloud.id));
  }

  /** A token for `scopes` from the cache or a silent refresh; throws SignInNeeded when only the user can fix it. */
  async getToken(identityId: string, scopes: string[], options: TokenOptions = {}): Promise<AccessTokenResult> {
    const work = this.silent(identityId, scopes, options);
    let running = this.inFlight.get(identityId);
    if (!running) this.inFlight.set(identityId, (running = new Set()));
    running.add(work);
    try {
      return await work;
    } finally {
      running.delete(work);
      if (running.size === 0) this.inFlight.delete(identityId);
    }
  }

  /** A token source bound to one identity and tenant, for the ARM and Batch credential adapters. */
  tokenSource(identityId: string, tenantId?: string): TokenSource {
    return (scopes) => this.getToken(identityId, scopes, tenantId ? { tenantId } : {});
  }

  /** Removes this identity's accounts and tokens (every tenant) from the cache; other identities are untouched. */
  async signOut(identityId: string): Promise<boolean> {
    const removed = await this.removeAccounts(identityId);
    // A refresh that was already in flight writes its result after we removed the account; remove that too.
    const running = this.inFlight.get(identityId);
    if (running?.size) {
      await Promise.allSettled(running);
      await this.removeAccounts(identityId);
    }
    return removed;
  }

  private async silent(identityId: string, scopes: string[], options: TokenOptions): Promise<AccessTokenResult> {
    const app = this.app();
    const home = await findAccount(app, identityId);
    if (!home) throw signInNeeded(identityId, 'no_account');
    const tenantId = options.tenantId ?? homeTenantOf(home);
    const account = await findAccount(app, identityId, tenantId) ?? { ...home, tenantId };
    let result: AuthenticationResult | null;
    try {
      result = await app.acquireTokenSilent({
        account,
        scopes,
        authority: this.authority(tenantId),
        forceRefresh: options.forceRefresh ?? false,
      });
    } catch (error) {
      throw silentError(error, account.username);
    }
    if (!result?.accessToken) throw signInNeeded(account.username, 'no_token');
    return {
      token: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now(),
      tenantId: result.tenantId || tenantId,
    };
  }

  private async removeAccounts(identityId: string): Promise<boolean> {
    const cache = this.app().getTokenCache();
    const accounts = (await cache.getAllAccounts()).filter((account) => account.homeAccountId === identityId);
    for (const account of accounts) await cache.removeAccount(account);
    return accounts.length > 0;
  }

  private authority(tenant: string): string {
    return `${this.cloud.authorityHost}/${encodeURIComponent(tenant)}`;
  }

  private async identityFor(result: AuthenticationResult): Promise<EntraIdentity> {
    const id = result.account?.homeAccountId;
    const identity = (await this.listIdentities()).find((candidate) => candidate.id === id);
    if (!identity) throw new AppError({ code: AuthErrorCodes.signInFailed, message: 'Sign-in returned no account.' });
    return identity;
  }
}

/**
 * The identity's account entry for one tenant (home by default). msal keeps one entry per tenant profile and looks
 * tokens up by the entry's tenant, not the request's authority, so asking with the home entry for another tenant
 * would hand back the home tenant's token.
 */
async function findAccount(
  app: PublicClientApplication,
  identityId: string,
  tenantId?: string,
): Promise<AccountInfo | undefined> {
  const accounts = (await app.getAllAccounts()).filter((account) => account.homeAccountId === identityId);
  if (tenantId) return accounts.find((account) => account.tenantId === tenantId);
  return accounts.find((account) => account.tenantId === homeTenantOf(account)) ?? accounts[0];
}
