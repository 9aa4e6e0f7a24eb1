import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { MemoryVault } from '../vault/vault';
import { CLOUDS } from './clouds';
import type { EntraIdentity } from './identity';
import { ALICE, BOB, TENANT_B, TEST_CLIENT_ID, startAuthFixture, type AuthFixture } from './testing/auth-fixture';
import { expireAccessTokens, readCache, secretsOf } from './testing/cache-inspect';
import { decodeJwt } from './testing/jwt';
import { cacheKey } from './vault-cache-plugin';

const CACHE_KEY = cacheKey('test', TEST_CLIENT_ID);
const ARM = [CLOUDS.public.armScope];
const BATCH = [CLOUDS.public.batchScope];

describe('Entra ID tokens: silent refresh, failures, several identities, sign-out', () => {
  let fx: AuthFixture;
  let vault: MemoryVault;
  let auth: ReturnType<AuthFixture['createAuth']>['auth'];
  let alice: EntraIdentity;
  let bob: EntraIdentity;
  const logs: string[] = [];

  beforeAll(async () => {
    fx = await startAuthFixture();
  });
  afterAll(() => fx.close());

  beforeEach(async () => {
    vault = new MemoryVault();
    auth = fx.createAuth({ vault, log: (_level, message) => logs.push(message) }).auth;
    fx.idp.failRefreshFor(ALICE, false);
    fx.idp.signInAs(ALICE);
    alice = await auth.signInInteractive();
    fx.idp.signInAs(BOB);
    fx.idp.deviceCodePendingPolls = 0;
    bob = await auth.signInWithDeviceCode({ onCode: () => undefined });
  });

  it('keeps several identities signed in at once', async () => {
    const identities = await auth.listIdentities();
    expect(identities.map((identity) => identity.username)).toEqual([ALICE.username, BOB.username]);
  });

  it('serves a valid token from the cache, then refreshes silently once it has expired', async () => {
    const first = await auth.getToken(alice.id, ARM);
    const calls = fx.idp.tokenCalls.length;
    const again = await auth.getToken(alice.id, ARM);
    expect(again.token).toBe(first.token);
    expect(fx.idp.tokenCalls.length).toBe(calls);

    expect(await expireAccessTokens(vault, CACHE_KEY)).toBeGreaterThan(0);
    const refreshed = await auth.getToken(alice.id, ARM);

    expect(fx.idp.tokenCalls.at(-1)).toMatchObject({ grantType: 'refresh_token', outcome: 'issued', user: ALICE.username });
    expect(refreshed.token).not.toBe(first.token);
    expect(refreshed.expiresOn).toBeGreaterThan(Date.now());
    const claims = decodeJwt(refreshed.token);
    expect(claims.aud).toBe('https://management.azure.com');
    expect(claims.oid).toBe(ALICE.oid);
  });

  it('throws SignInNeeded for an identity whose refresh fails while the other keeps working', async () => {
    await expireAccessTokens(vault, CACHE_KEY);
    fx.idp.failRefreshFor(ALICE);

    const error = (await auth.getToken(alice.id, ARM).catch((caught: unknown) => caught)) as AppError;
    expect(error.code).toBe('SignInNeeded');
    expect(error.message).toBe(`Sign-in needed for ${ALICE.username}.`);
    expect(fx.idp.tokenCalls.at(-1)).toMatchObject({ grantType: 'refresh_token', outcome: 'invalid_grant' });
    const serialized = JSON.stringify({ ...error.toJSON(), stack: error.stack });
    for (const secret of fx.idp.issued) expect(serialized).not.toContain(secret);

    const bobToken = await auth.getToken(bob.id, ARM);
    expect(decodeJwt(bobToken.token).oid).toBe(BOB.oid);
    expect(fx.idp.tokenCalls.at(-1)).toMatchObject({ grantType: 'refresh_token', user: BOB.username, outcome: 'issued' });

    // "Sign in" on the account: the browser sign-in with a login hint repairs it.
    fx.idp.failRefreshFor(ALICE, false);
    fx.idp.signInAs(BOB);
    const repaired = await auth.signInInteractive({ loginHint: ALICE.username });
    expect(repaired.id).toBe(alice.id);
    expect(fx.idp.authorizeRequests.at(-1)?.get('login_hint')).toBe(ALICE.username);
    expect(decodeJwt((await auth.getToken(alice.id, ARM)).token).oid).toBe(ALICE.oid);
  });

  it('gets tokens in another tenant the identity is a guest in, not the home tenant\'s cached one', async () => {
    const homeArm = await auth.getToken(alice.id, ARM);
    const guestArm = await auth.getToken(alice.id, ARM, { tenantId: TENANT_B });
    expect(decodeJwt(homeArm.token).tid).toBe(ALICE.homeTenantId);
    expect(decodeJwt(guestArm.token).tid).toBe(TENANT_B);
    expect(guestArm.tenantId).toBe(TENANT_B);
    const calls = fx.idp.tokenCalls.length;
    expect((await auth.getToken(alice.id, ARM, { tenantId: TENANT_B })).token).toBe(guestArm.token);
    expect((await auth.getToken(alice.id, ARM)).token).toBe(homeArm.token);
    expect(fx.idp.tokenCalls.length).toBe(calls);

    const batch = await auth.getToken(alice.id, BATCH, { tenantId: TENANT_B });
    expect(batch.tenantId).toBe(TENANT_B);
    expect(decodeJwt(batch.token)).toMatchObject({ tid: TENANT_B, aud: 'https://batch.core.windows.net/' });
    const home = await auth.getToken(alice.id, BATCH);
    expect(decodeJwt(home.token).tid).toBe(ALICE.homeTenantId);
    const identity = (await auth.listIdentities()).find((candidate) => candidate.id === alice.id);
    expect(identity?.tenantIds).toEqual([ALICE.homeTenantId, TENANT_B].sort());
  });

  it("signs out one identity, removing all of its cached tokens and only those", async () => {
    await auth.getToken(alice.id, BATCH, { tenantId: TENANT_B });
    const before = await readCache(vault, CACHE_KEY);
    const aliceSecrets = secretsOf(before, alice.id);
    const bobSecrets = secretsOf(before, bob.id);
    expect(aliceSecrets.length).toBeGreaterThanOrEqual(4);
    expect(bobSecrets.length).toBeGreaterThanOrEqual(2);

    expect(await auth.signOut(alice.id)).toBe(true);

    const stored = (await vault.get(CACHE_KEY)) ?? '';
    for (const secret of aliceSecrets) expect(stored).not.toContain(secret);
    expect(stored).not.toContain(ALICE.oid);
    for (const secret of bobSecrets) expect(stored).toContain(secret);
    expect((await auth.listIdentities()).map((identity) => identity.id)).toEqual([bob.id]);
    await expect(auth.getToken(alice.id, ARM)).rejects.toMatchObject({ code: 'SignInNeeded' });
    expect(decodeJwt((await auth.getToken(bob.id, ARM)).token).oid).toBe(BOB.oid);
    expect(await auth.signOut(alice.id)).toBe(false);
  });

  it('keeps the cache only in the vault: a new instance on the same vault is still signed in', async () => {
    const restarted = fx.createAuth({ vault }).auth;
    expect((await restarted.listIdentities()).map((identity) => identity.id).sort()).toEqual([alice.id, bob.id].sort());
    const calls = fx.idp.tokenCalls.length;
    await restarted.getToken(bob.id, ARM);
    expect(fx.idp.tokenCalls.length).toBe(calls);

    await vault.delete(CACHE_KEY);
    expect(await restarted.listIdentities()).toEqual([]);
    expect(await auth.listIdentities()).toEqual([]);
  });

  it('does not bring back a signed-out identity when another instance on the same vault writes later', async () => {
    const other = fx.createAuth({ vault }).auth;
    await auth.getToken(alice.id, ARM);
    expect(await other.signOut(alice.id)).toBe(true);

    await expireAccessTokens(vault, CACHE_KEY);
    await auth.getToken(bob.id, ARM);
    fx.idp.signInAs(BOB);
    await auth.signInInteractive();

    expect((await vault.get(CACHE_KEY)) ?? '').not.toContain(ALICE.oid);
    expect((await auth.listIdentities()).map((identity) => identity.id)).toEqual([bob.id]);
  });

  it('never logs a token', () => {
    const text = logs.join('\n');
    for (const secret of fx.idp.issued) expect(text).not.toContain(secret);
  });
});
