import type { SecretVault } from '../../vault/vault';

interface CacheEntry {
  home_account_id?: string;
  secret?: string;
  expires_on?: string;
  extended_expires_on?: string;
  refresh_on?: string;
  realm?: string;
  target?: string;
}

/** The msal cache as serialized into the vault. */
export interface SerializedCache {
  Account: Record<string, CacheEntry>;
  AccessToken: Record<string, CacheEntry>;
  RefreshToken: Record<string, CacheEntry>;
  IdToken: Record<string, CacheEntry>;
}

/** Reads and parses the msal cache the vault holds under `key`. */
export async function readCache(vault: SecretVault, key: string): Promise<SerializedCache> {
  const text = await vault.get(key);
  if (!text) throw new Error(`vault has no ${key}`);
  const cache = JSON.parse(text) as Partial<SerializedCache>;
  return { Account: {}, AccessToken: {}, RefreshToken: {}, IdToken: {}, ...cache };
}

/** Simulates time passing: every cached access token expired an hour ago (refresh tokens stay valid). */
export async function expireAccessTokens(vault: SecretVault, key: string): Promise<number> {
  const cache = await readCache(vault, key);
  const past = String(Math.floor(Date.now() / 1000) - 3600);
  const tokens = Object.values(cache.AccessToken);
  for (const token of tokens) {
    token.expires_on = past;
    token.extended_expires_on = past;
    delete token.refresh_on;
  }
  await vault.set(key, JSON.stringify(cache));
  return tokens.length;
}

/** Every secret (access, refresh and id token) in the cache that belongs to one home account. */
export function secretsOf(cache: SerializedCache, homeAccountId: string): string[] {
  return [...Object.values(cache.AccessToken), ...Object.values(cache.RefreshToken), ...Object.values(cache.IdToken)]
    .filter((entry) => entry.home_account_id === homeAccountId && entry.secret)
    .map((entry) => entry.secret as string);
}

/** Polls until `check` is true (for things that happen on another socket), failing after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
