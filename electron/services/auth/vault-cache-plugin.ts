import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretVault } from '../vault/vault';

/** A holder that never releases (a bug or an msal path that skips afterCacheAccess) must not lock sign-in forever. */
const STALE_LOCK_MS = 10_000;

/** Serialises cache accesses so two overlapping token requests cannot overwrite each other's vault write. */
class CacheLock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => released);
    await previous;
    const timer = setTimeout(release, STALE_LOCK_MS);
    timer.unref();
    return () => {
      clearTimeout(timer);
      release();
    };
  }
}

/** One lock per vault entry, shared by every plugin on it, so even two services on one vault cannot race. */
const locks = new WeakMap<SecretVault, Map<string, CacheLock>>();

function lockFor(vault: SecretVault, key: string): CacheLock {
  let byKey = locks.get(vault);
  if (!byKey) locks.set(vault, (byKey = new Map()));
  let lock = byKey.get(key);
  if (!lock) byKey.set(key, (lock = new CacheLock()));
  return lock;
}

/** The vault key that holds one cloud and client id's MSAL token cache. */
export function cacheKey(cloudId: string, clientId: string): string {
  return `entra.msal-cache.${cloudId}.${clientId}`;
}

/**
 * An msal cache plugin whose only storage is a SecretVault: the serialized cache (refresh tokens included) is read
 * from the vault before every access and written back after every change, and never touches a plaintext file.
 */
export function createVaultCachePlugin(vault: SecretVault, key: string): ICachePlugin {
  const lock = lockFor(vault, key);
  const holders = new WeakMap<TokenCacheContext, () => void>();

  return {
    async beforeCacheAccess(context) {
      const release = await lock.acquire();
      try {
        const stored = await vault.get(key);
        if (stored) {
          try {
            context.tokenCache.deserialize(stored);
          } catch {
            // An unreadable cache only costs a sign-in; it must not block every account.
          }
        }
        holders.set(context, release);
      } catch (error) {
        release();
        throw error;
      }
    },
    async afterCacheAccess(context) {
      const release = holders.get(context);
      holders.delete(context);
      try {
        if (context.cacheHasChanged) await vault.set(key, context.tokenCache.serialize());
      } finally {
        release?.();
      }
    },
  };
}
