import type { AccountInfo } from '@azure/msal-node';

/** A signed-in Microsoft Entra ID identity, as plain JSON safe to show in the UI (no tokens, no claims blob). */
export interface EntraIdentity {
  /** msal's home account id (`<object id>.<home tenant id>`): stable, not a secret. */
  id: string;
  username: string;
  name?: string;
  homeTenantId: string;
  /** Tenants this identity has signed in to or fetched tokens for. */
  tenantIds: string[];
  cloud: string;
}

/** What the UI shows while a device code sign-in waits: the code, the link and msal's sentence. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
  /** Epoch milliseconds after which the code no longer works. */
  expiresOn: number;
}

/** An access token for main-process use only: it goes into an Authorization header, never to the renderer or a log. */
export interface AccessTokenResult {
  token: string;
  /** Epoch milliseconds. */
  expiresOn: number;
  tenantId: string;
}

/** The home tenant is the second half of msal's home account id. */
export function homeTenantOf(account: AccountInfo): string {
  const dot = account.homeAccountId.indexOf('.');
  return dot >= 0 ? account.homeAccountId.slice(dot + 1) : account.tenantId;
}

/** Groups msal's per-tenant account entries into one identity per home account, copying only safe fields. */
export function toIdentities(accounts: AccountInfo[], cloud: string): EntraIdentity[] {
  const byId = new Map<string, EntraIdentity>();
  for (const account of accounts) {
    const homeTenantId = homeTenantOf(account);
    let identity = byId.get(account.homeAccountId);
    if (!identity) {
      identity = { id: account.homeAccountId, username: account.username, homeTenantId, tenantIds: [], cloud };
      byId.set(account.homeAccountId, identity);
    }
    if (account.tenantId === homeTenantId) {
      identity.username = account.username || identity.username;
      if (account.name) identity.name = account.name;
    }
    const tenants = [account.tenantId, ...(account.tenantProfiles?.keys() ?? [])];
    for (const tenant of tenants) {
      if (tenant && !identity.tenantIds.includes(tenant)) identity.tenantIds.push(tenant);
    }
  }
  for (const identity of byId.values()) identity.tenantIds.sort();
  return [...byId.values()].sort((a, b) => a.username.localeCompare(b.username));
}
