import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BatchServiceClient } from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchCredentials } from './batch-credentials';
import { CLOUDS } from './clouds';
import type { EntraIdentity } from './identity';
import { ALICE, BOB, TEST_CLIENT_ID, startAuthFixture, type AuthFixture } from './testing/auth-fixture';
import { expireAccessTokens } from './testing/cache-inspect';
import { FakeBatchAccount } from './testing/fake-batch';
import { decodeJwt } from './testing/jwt';
import { toTokenCredential, type TokenSource } from './token-credential';
import { cacheKey } from './vault-cache-plugin';

describe('Batch data-plane credentials', () => {
  let fx: AuthFixture;
  let batch: FakeBatchAccount;
  let setup: ReturnType<AuthFixture['createAuth']>;
  let alice: EntraIdentity;
  let bob: EntraIdentity;
  let agents: { http: HttpAgent; https: HttpsAgent };

  beforeAll(async () => {
    fx = await startAuthFixture();
    batch = await FakeBatchAccount.start(fx.tls);
    agents = { http: new HttpAgent(), https: new HttpsAgent({ ca: fx.tls.ca }) };
    setup = fx.createAuth();
    fx.idp.signInAs(ALICE);
    alice = await setup.auth.signInInteractive();
    fx.idp.signInAs(BOB);
    bob = await setup.auth.signInInteractive();
  });
  afterAll(async () => {
    agents.https.destroy();
    await batch.close();
    await fx.close();
  });

  it('uses the public cloud Batch scope with its double slash', () => {
    expect(CLOUDS.public.batchScope).toBe('https://batch.core.windows.net//.default');
    expect(createBatchCredentials(setup.auth.tokenSource(alice.id), CLOUDS.public).scope).toBe(
      'https://batch.core.windows.net//.default',
    );
  });

  it('lists pools of an Entra-only account with a Batch-audience token and no key', async () => {
    const client = new BatchServiceClient(
      createBatchCredentials(setup.auth.tokenSource(alice.id), CLOUDS.public),
      batch.url,
      { agentSettings: agents },
    );

    const pools = await client.pool.list();

    expect(pools.map((pool) => pool.id)).toEqual(['entra-only-pool']);
    const header = batch.authorizations.at(-1) ?? '';
    expect(header).toMatch(/^Bearer /);
    const claims = decodeJwt(header.slice('Bearer '.length));
    expect(claims.aud).toBe('https://batch.core.windows.net/');
    expect(claims.scp).toBe('user_impersonation');
    expect(claims.oid).toBe(ALICE.oid);
    expect(fx.idp.tokenCalls.at(-1)?.scope.split(' ')).toContain('https://batch.core.windows.net//.default');
  });

  it('catches the trap: a bare TokenCredential gets an ARM token, which Batch refuses', async () => {
    const credential = toTokenCredential(setup.auth.tokenSource(alice.id));
    // What the SDK's typings allow at run time; ms-rest-js then wraps it with the ARM scope.
    const client = new BatchServiceClient(credential as never, batch.url, { agentSettings: agents });

    await expect(client.pool.list()).rejects.toMatchObject({ statusCode: 401, code: 'AuthenticationFailed' });
    const claims = decodeJwt((batch.authorizations.at(-1) ?? '').slice('Bearer '.length));
    expect(claims.aud).toBe('https://management.azure.com');
    expect(claims.aud).not.toBe('https://batch.core.windows.net/');
  });

  it('keeps the token in memory between requests and refreshes it only once for concurrent calls', async () => {
    let fetches = 0;
    const source: TokenSource = (scopes) => {
      fetches += 1;
      return setup.auth.getToken(bob.id, scopes);
    };
    const client = new BatchServiceClient(createBatchCredentials(source, CLOUDS.public), batch.url, {
      agentSettings: agents,
    });
    await Promise.all([client.pool.list(), client.pool.list()]);
    await client.pool.list();
    expect(fetches).toBe(1);
  });

  it('fails with SignInNeeded, before calling Batch, when the identity can no longer refresh', async () => {
    await expireAccessTokens(setup.vault, cacheKey('test', TEST_CLIENT_ID));
    fx.idp.failRefreshFor(ALICE);
    const calls = batch.authorizations.length;
    const client = new BatchServiceClient(
      createBatchCredentials(setup.auth.tokenSource(alice.id), CLOUDS.public),
      batch.url,
      { agentSettings: agents },
    );

    await expect(client.pool.list()).rejects.toMatchObject({ code: 'SignInNeeded' });
    expect(batch.authorizations.length).toBe(calls);
    fx.idp.failRefreshFor(ALICE, false);
  });
});
