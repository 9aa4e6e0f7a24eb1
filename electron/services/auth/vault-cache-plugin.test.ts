import type { ISerializableTokenCache, TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { MemoryVault } from '../vault/vault';
import { cacheKey, createVaultCachePlugin } from './vault-cache-plugin';

/** A stand-in for msal's context: records what the plugin loads and serializes what it is told. */
function context(changed: boolean, state: { loaded: string[]; next: string }): TokenCacheContext {
  const cache: ISerializableTokenCache = {
    deserialize: (text: string) => {
      if (text.startsWith('!')) throw new Error('corrupt');
      state.loaded.push(text);
    },
    serialize: () => state.next,
  };
  return { tokenCache: cache, cacheHasChanged: changed, hasChanged: changed } as unknown as TokenCacheContext;
}

describe('vault cache plugin', () => {
  it('loads from and saves to the vault only, and only when the cache changed', async () => {
    const vault = new MemoryVault();
    const key = cacheKey('public', 'client');
    expect(key).toBe('entra.msal-cache.public.client');
    const plugin = createVaultCachePlugin(vault, key);
    const state = { loaded: [] as string[], next: '{"v":1}' };

    const read = context(false, state);
    await plugin.beforeCacheAccess(read);
    await plugin.afterCacheAccess(read);
    expect(await vault.get(key)).toBeUndefined();

    const write = context(true, state);
    await plugin.beforeCacheAccess(write);
    await plugin.afterCacheAccess(write);
    expect(await vault.get(key)).toBe('{"v":1}');

    const again = context(false, state);
    await plugin.beforeCacheAccess(again);
    await plugin.afterCacheAccess(again);
    expect(state.loaded).toEqual(['{"v":1}']);
  });

  it('serialises overlapping accesses so a second reader sees the first writer', async () => {
    const vault = new MemoryVault();
    const key = 'k';
    const plugin = createVaultCachePlugin(vault, key);
    const other = createVaultCachePlugin(vault, key);
    const first = { loaded: [] as string[], next: 'first' };
    const second = { loaded: [] as string[], next: 'second' };
    const a = context(true, first);
    const b = context(true, second);

    await plugin.beforeCacheAccess(a);
    let secondEntered = false;
    const entering = other.beforeCacheAccess(b).then(() => {
      secondEntered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondEntered).toBe(false);
    await plugin.afterCacheAccess(a);
    await entering;
    expect(second.loaded).toEqual(['first']);
    await other.afterCacheAccess(b);
    expect(await vault.get(key)).toBe('second');
  });

  it('survives a corrupt vault entry and releases the lock when the vault fails', async () => {
    const vault = new MemoryVault();
    await vault.set('k', '!not json');
    const plugin = createVaultCachePlugin(vault, 'k');
    const state = { loaded: [] as string[], next: '{}' };
    const ctx = context(false, state);
    await plugin.beforeCacheAccess(ctx);
    await plugin.afterCacheAccess(ctx);

    const broken = new MemoryVault();
    broken.get = async () => {
      throw new Error('vault locked');
    };
    const failing = createVaultCachePlugin(broken, 'k');
    await expect(failing.beforeCacheAccess(context(false, state))).rejects.toThrow('vault locked');
    broken.get = async () => undefined;
    const next = context(false, state);
    await failing.beforeCacheAccess(next);
    await failing.afterCacheAccess(next);
  });
});
