import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { MemoryVault } from '../vault/vault';
import { EntraAuth } from './entra-auth';
import type { DeviceCodePrompt } from './identity';
import { ALICE, BOB, TEST_CLIENT_ID, startAuthFixture, testCloud, type AuthFixture } from './testing/auth-fixture';
import { readCache, waitFor } from './testing/cache-inspect';
import { createHttpsNetworkClient } from './testing/https-network-client';
import { TestBrowser } from './testing/test-browser';
import { cacheKey } from './vault-cache-plugin';

const CACHE_KEY = cacheKey('test', TEST_CLIENT_ID);

function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('Entra ID sign-in against the fake identity provider', () => {
  let fx: AuthFixture;
  beforeAll(async () => {
    fx = await startAuthFixture();
  });
  afterAll(() => fx.close());

  it('signs in through the system browser and msal loopback, with PKCE and form_post', async () => {
    const { auth, vault, browser } = fx.createAuth();
    fx.idp.signInAs(ALICE);

    const identity = await auth.signInInteractive();

    expect(identity).toMatchObject({ username: ALICE.username, name: 'Alice', homeTenantId: ALICE.homeTenantId });
    expect(identity.id).toBe(`${ALICE.oid}.${ALICE.homeTenantId}`);
    expect(browser.opened).toHaveLength(1);
    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.origin).toBe(fx.idp.origin);
    expect(authorize.pathname).toBe('/organizations/oauth2/v2.0/authorize');
    const query = fx.idp.authorizeRequests.at(-1);
    expect(query?.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(query?.get('code_challenge_method')).toBe('S256');
    expect(query?.get('response_mode')).toBe('form_post');
    expect(query?.get('prompt')).toBe('select_account');
    expect(query?.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(query?.get('scope')).toContain('https://management.azure.com/.default');
    expect(browser.landed.at(-1)).toContain('You are signed in to Batch Lens');
    expect(fx.idp.tokenCalls.at(-1)).toMatchObject({ grantType: 'authorization_code', outcome: 'issued' });

    // The loopback listener is gone once the sign-in settles.
    const port = Number(new URL(query?.get('redirect_uri') ?? '').port);
    await waitFor(() => portRefuses(port));

    // The token cache, refresh token included, lives in the vault.
    const cache = await readCache(vault, CACHE_KEY);
    const refreshTokens = Object.values(cache.RefreshToken).map((entry) => entry.secret);
    expect(refreshTokens).toHaveLength(1);
    expect(fx.idp.issued.has(refreshTokens[0] ?? '')).toBe(true);
  });

  it('refuses to hand the browser a sign-in page outside the authority (e.g. tampered metadata)', async () => {
    const overrides = await fx.idp.msalOverrides();
    const metadata = JSON.parse(overrides.authorityMetadata ?? '{}') as Record<string, string>;
    metadata.authorization_endpoint = 'https://phish.example/organizations/oauth2/v2.0/authorize';
    const browser = new TestBrowser(fx.tls.ca);
    const auth = new EntraAuth({
      cloud: testCloud(fx.idp.origin),
      clientId: TEST_CLIENT_ID,
      vault: new MemoryVault(),
      openBrowser: browser.openBrowser,
      authorityOverrides: { ...overrides, authorityMetadata: JSON.stringify(metadata) },
      networkClient: createHttpsNetworkClient(fx.tls.ca),
    });
    fx.idp.signInAs(ALICE);
    browser.completes = false;
    const controller = new AbortController();

    const outcome = await Promise.race([
      auth.signInInteractive({ signal: controller.signal }).then(
        () => 'signed in',
        (error: AppError) => error.code,
      ),
      waitFor(() => browser.opened.length > 0, 10_000).then(() => 'opened a foreign page'),
    ]);
    controller.abort();

    expect(outcome).toBe('SignInFailed');
    expect(browser.opened).toHaveLength(0);
  });

  it('cancels a browser sign-in the user abandoned and frees the loopback port', async () => {
    const { auth, browser } = fx.createAuth();
    browser.completes = false;
    fx.idp.signInAs(ALICE);
    const controller = new AbortController();
    const signIn = auth.signInInteractive({ signal: controller.signal });
    await waitFor(() => browser.opened.length === 1);
    controller.abort();

    await expect(signIn).rejects.toMatchObject({ code: 'SignInCancelled' });
    const redirect = new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    await waitFor(() => portRefuses(Number(new URL(redirect).port)));
    expect(await auth.listIdentities()).toEqual([]);
  });

  it('signs in with a device code, surfacing the code, the link and the message', async () => {
    const { auth } = fx.createAuth();
    fx.idp.signInAs(BOB);
    fx.idp.deviceCodePendingPolls = 3;
    const prompts: DeviceCodePrompt[] = [];

    const identity = await auth.signInWithDeviceCode({ onCode: (prompt) => prompts.push(prompt) });

    expect(identity).toMatchObject({ username: BOB.username, homeTenantId: BOB.homeTenantId });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.userCode).toMatch(/^[0-9A-F]{8}$/);
    expect(prompts[0]?.verificationUri).toBe(`${fx.idp.origin}/devicelogin`);
    expect(prompts[0]?.message).toContain(prompts[0]?.userCode);
    expect(prompts[0]?.expiresOn).toBeGreaterThan(Date.now());
    const grant = [...fx.idp.deviceGrants.values()].at(-1);
    expect(grant?.polls).toBe(4);
    const pending = fx.idp.tokenCalls.filter((call) => call.outcome === 'authorization_pending');
    expect(pending.length).toBeGreaterThanOrEqual(3);
  });

  it('cancels a device code sign-in and stops polling', async () => {
    const { auth } = fx.createAuth();
    fx.idp.signInAs(BOB);
    fx.idp.deviceCodePendingPolls = 1_000_000;
    const controller = new AbortController();
    const signIn = auth.signInWithDeviceCode({ onCode: () => undefined, signal: controller.signal });
    await waitFor(() => ([...fx.idp.deviceGrants.values()].at(-1)?.polls ?? 0) >= 2);
    controller.abort();

    const error = (await signIn.catch((caught: unknown) => caught)) as AppError;
    expect(error.code).toBe('SignInCancelled');
    const grant = [...fx.idp.deviceGrants.values()].at(-1);
    const pollsAtCancel = grant?.polls ?? 0;
    // Polls run every 20 ms; after a generous pause at most the one already in flight may land.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(grant?.polls ?? 0).toBeLessThanOrEqual(pollsAtCancel + 1);
  });
});
