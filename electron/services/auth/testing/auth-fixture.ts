import { MemoryVault, type SecretVault } from '../../vault/vault';
import { CLOUDS, type CloudConfig } from '../clouds';
import { EntraAuth, type AuthLog } from '../entra-auth';
import { FakeIdentityProvider, type FakeUser } from './fake-idp';
import { createHttpsNetworkClient } from './https-network-client';
import { TestBrowser } from './test-browser';
import { createTestTls, type TestTls } from './test-tls';

/** A client id that is not the production default, so tests prove the option is honoured. */
export const TEST_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT_A = 'aaaaaaaa-0000-0000-0000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-0000-0000-00000000000b';

export const ALICE: FakeUser = {
  oid: 'a11ce000-0000-0000-0000-000000000001',
  homeTenantId: TENANT_A,
  username: 'alice@contoso.example',
  name: 'Alice',
  guestTenants: [TENANT_B],
};
export const BOB: FakeUser = {
  oid: 'b0b00000-0000-0000-0000-000000000002',
  homeTenantId: TENANT_B,
  username: 'bob@fabrikam.example',
  name: 'Bob',
};

/** The public cloud's scopes with the login host (and optionally ARM) pointed at the loopback fakes. */
export function testCloud(authorityHost: string, armEndpoint = CLOUDS.public.armEndpoint): CloudConfig {
  return { ...CLOUDS.public, id: 'test', displayName: 'Test cloud', authorityHost, armEndpoint };
}

/** Certificates, a fake identity provider and a factory for EntraAuth instances wired to it. */
export interface AuthFixture {
  tls: TestTls;
  idp: FakeIdentityProvider;
  createAuth(options?: { vault?: SecretVault; browser?: TestBrowser; log?: AuthLog; armEndpoint?: string }): {
    auth: EntraAuth;
    vault: SecretVault;
    browser: TestBrowser;
  };
  close(): Promise<void>;
}

/** Starts the fake identity provider with Alice (home A, guest in B) and Bob (home B). */
export async function startAuthFixture(): Promise<AuthFixture> {
  const tls = createTestTls();
  const idp = await FakeIdentityProvider.start(tls, TEST_CLIENT_ID, [ALICE, BOB]);
  const overrides = await idp.msalOverrides();
  return {
    tls,
    idp,
    createAuth(options = {}) {
      const vault = options.vault ?? new MemoryVault();
      const browser = options.browser ?? new TestBrowser(tls.ca);
      const auth = new EntraAuth({
        cloud: testCloud(idp.origin, options.armEndpoint),
        clientId: TEST_CLIENT_ID,
        vault,
        openBrowser: browser.openBrowser,
        authorityOverrides: overrides,
        networkClient: createHttpsNetworkClient(tls.ca),
        ...(options.log ? { log: options.log } : {}),
      });
      return { auth, vault, browser };
    },
    close: () => idp.close(),
  };
}
