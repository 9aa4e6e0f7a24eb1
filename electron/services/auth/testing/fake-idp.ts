import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:https';
import type { AuthorityOverrides } from '../entra-auth';
import { json, startHttpsServer, type FakeRequest, type FakeResponse, type RunningServer } from './https-server';
import { audienceForScope, encodeUnsignedJwt } from './jwt';
import type { TestTls } from './test-tls';

/** A user the fake identity provider can sign in. */
export interface FakeUser {
  oid: string;
  homeTenantId: string;
  username: string;
  name: string;
  /** Tenants (besides home) the user is a guest in. */
  guestTenants?: string[];
}

/** One call to the token endpoint, for assertions. */
export interface TokenCall {
  grantType: string;
  tenant: string;
  scope: string;
  user?: string;
  outcome: 'issued' | string;
}

interface CodeGrant {
  user: FakeUser;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  used: boolean;
}

interface DeviceGrant {
  user: FakeUser;
  pendingPolls: number;
  polls: number;
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);
const random = (bytes = 24) => randomBytes(bytes).toString('base64url');

function oauthError(error: string, aadsts: number, status = 400): FakeResponse {
  return json(status, { error, error_description: `AADSTS${aadsts}: fake ${error}.`, error_codes: [aadsts] });
}

/** A loopback Entra ID stand-in: discovery, authorize (form_post + PKCE), token (code, refresh, device) and device code. */
export class FakeIdentityProvider {
  /** Every secret this provider ever issued (tokens, codes), for leak scans. */
  readonly issued = new Set<string>();
  readonly tokenCalls: TokenCall[] = [];
  readonly authorizeRequests: URLSearchParams[] = [];
  /** Access token lifetime in seconds. */
  accessTokenLifetime = 3600;
  /** How many polls answer `authorization_pending` before a device code completes. */
  deviceCodePendingPolls = 2;
  readonly deviceGrants = new Map<string, DeviceGrant>();
  /** Tenants whose policies (e.g. MFA via Conditional Access) refuse silently refreshed tokens. */
  readonly interactionRequiredTenants = new Set<string>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, FakeUser>();
  private readonly refreshFails = new Set<string>();
  private nextUser?: FakeUser;
  private server!: RunningServer;

  private constructor(
    private readonly tls: TestTls,
    readonly clientId: string,
    private readonly users: FakeUser[],
  ) {}

  /** Starts the provider on a random loopback port. */
  static async start(tls: TestTls, clientId: string, users: FakeUser[]): Promise<FakeIdentityProvider> {
    const idp = new FakeIdentityProvider(tls, clientId, users);
    idp.server = await startHttpsServer(tls, (req) => idp.handle(req));
    return idp;
  }

  get origin(): string {
    return this.server.origin;
  }

  /** The user who completes the next browser or device code sign-in. */
  signInAs(user: FakeUser): void {
    this.nextUser = user;
  }

  /** Makes every refresh for this user fail with invalid_grant (e.g. the session was revoked). */
  failRefreshFor(user: FakeUser, fail = true): void {
    if (fail) this.refreshFails.add(user.oid);
    else this.refreshFails.delete(user.oid);
  }

  /** msal's authority options for this provider, from its own discovery endpoints. */
  async msalOverrides(): Promise<AuthorityOverrides> {
    const host = new URL(this.origin).host;
    const authorize = `${this.origin}/organizations/oauth2/v2.0/authorize`;
    return {
      knownAuthorities: [host],
      authorityMetadata: await this.get('/organizations/v2.0/.well-known/openid-configuration'),
      cloudDiscoveryMetadata: await this.get(
        `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
      ),
    };
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private get(path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      request(`${this.origin}${path}`, { ca: this.tls.ca }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
  }

  private handle(req: FakeRequest): FakeResponse {
    const [tenant = '', ...rest] = req.url.pathname.split('/').filter(Boolean);
    const route = rest.join('/');
    if (tenant === 'common' && route === 'discovery/instance') return this.instanceDiscovery();
    if (route === 'v2.0/.well-known/openid-configuration') return this.openIdConfiguration(tenant);
    if (route === 'oauth2/v2.0/authorize' && req.method === 'GET') return this.authorize(req.url.searchParams);
    const form = new URLSearchParams(req.body);
    if (route === 'oauth2/v2.0/devicecode' && req.method === 'POST') return this.deviceCode(form);
    if (route === 'oauth2/v2.0/token' && req.method === 'POST') return this.token(tenant, form);
    return json(404, { error: 'not_found' });
  }

  private instanceDiscovery(): FakeResponse {
    const host = new URL(this.origin).host;
    return json(200, {
      tenant_discovery_endpoint: `${this.origin}/organizations/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  }

  private openIdConfiguration(tenant: string): FakeResponse {
    const base = `${this.origin}/${tenant}`;
    return json(200, {
      issuer: `${this.origin}/{tenantid}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${this.origin}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
    });
  }

  private authorize(query: URLSearchParams): FakeResponse {
    this.authorizeRequests.push(query);
    const redirectUri = query.get('redirect_uri') ?? '';
    const state = query.get('state');
    const challenge = query.get('code_challenge');
    const valid =
      query.get('client_id') === this.clientId &&
      query.get('response_type') === 'code' &&
      query.get('response_mode') === 'form_post' &&
      query.get('code_challenge_method') === 'S256' &&
      /^http:\/\/localhost:\d+\/?$/.test(redirectUri) &&
      state &&
      challenge;
    const hint = query.get('login_hint');
    const user = (hint && this.users.find((candidate) => candidate.username === hint)) || this.nextUser;
    if (!valid || !user || !state || !challenge) return { status: 400, body: 'bad authorize request', headers: { 'content-type': 'text/plain' } };
    const code = random();
    this.issued.add(code);
    const nonce = query.get('nonce') ?? undefined;
    this.codes.set(code, { user, redirectUri, challenge, used: false, ...(nonce ? { nonce } : {}) });
    const fields = { code, state, client_info: this.clientInfo(user), session_state: random(8) };
    const inputs = Object.entries(fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}"/>`)
      .join('');
    const page = `<html><body onload="document.forms[0].submit()"><form method="POST" action="${redirectUri}">${inputs}</form></body></html>`;
    return { status: 200, body: page, headers: { 'content-type': 'text/html' } };
  }

  private deviceCode(form: URLSearchParams): FakeResponse {
    if (form.get('client_id') !== this.clientId || !this.nextUser) return oauthError('invalid_request', 900144);
    const deviceCode = random();
    const userCode = randomBytes(4).toString('hex').toUpperCase();
    this.issued.add(deviceCode);
    this.deviceGrants.set(deviceCode, { user: this.nextUser, pendingPolls: this.deviceCodePendingPolls, polls: 0 });
    const verificationUri = `${this.origin}/devicelogin`;
    return json(200, {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: 0.02,
      message: `To sign in, open ${verificationUri} and enter the code ${userCode}.`,
    });
  }

  private token(tenant: string, form: URLSearchParams): FakeResponse {
    const grantType = form.get('grant_type') ?? '';
    const scope = form.get('scope') ?? '';
    const call: TokenCall = { grantType, tenant, scope, outcome: 'issued' };
    this.tokenCalls.push(call);
    const fail = (error: string, aadsts: number) => {
      call.outcome = error;
      return oauthError(error, aadsts);
    };
    if (form.get('client_id') !== this.clientId) return fail('invalid_client', 700016);
    let user: FakeUser | undefined;
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.used || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
        return fail('invalid_grant', 70008);
      }
      grant.used = true;
      user = grant.user;
    } else if (grantType === 'refresh_token') {
      user = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!user || this.refreshFails.has(user.oid)) return fail('invalid_grant', 700082);
    } else if (grantType === 'device_code') {
      const grant = this.deviceGrants.get(form.get('device_code') ?? '');
      if (!grant) return fail('invalid_grant', 70019);
      grant.polls += 1;
      if (grant.pendingPolls > 0) {
        grant.pendingPolls -= 1;
        return fail('authorization_pending', 70016);
      }
      user = grant.user;
    } else {
      return fail('unsupported_grant_type', 70003);
    }
    call.user = user.username;
    const tid = tenant === 'organizations' || tenant === 'common' ? user.homeTenantId : tenant;
    if (tid !== user.homeTenantId && !user.guestTenants?.includes(tid)) return fail('invalid_grant', 50020);
    if (grantType === 'refresh_token' && this.interactionRequiredTenants.has(tid)) {
      return fail('interaction_required', 50076);
    }
    return json(200, this.issue(user, tid, scope));
  }

  private issue(user: FakeUser, tid: string, scope: string): Record<string, string | number> {
    const now = Math.floor(Date.now() / 1000);
    const resourceScopes = scope.split(' ').filter((s) => s && !OIDC_SCOPES.has(s));
    const audience = audienceForScope(resourceScopes[0] ?? '');
    const common = { tid, oid: user.oid, iat: now, nbf: now, exp: now + this.accessTokenLifetime };
    const accessToken = encodeUnsignedJwt({
      ...common, aud: audience, scp: 'user_impersonation', appid: this.clientId, upn: user.username,
      iss: `${this.origin}/${tid}/`, ver: '1.0',
    });
    const idToken = encodeUnsignedJwt({
      ...common, aud: this.clientId, sub: user.oid, preferred_username: user.username, name: user.name,
      iss: `${this.origin}/${tid}/v2.0`, ver: '2.0', exp: now + 3600,
    });
    const refreshToken = `rt.${random(32)}`;
    this.refreshTokens.set(refreshToken, user);
    for (const secret of [accessToken, idToken, refreshToken]) this.issued.add(secret);
    return {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: this.accessTokenLifetime,
      ext_expires_in: this.accessTokenLifetime,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: this.clientInfo(user),
    };
  }

  private clientInfo(user: FakeUser): string {
    return Buffer.from(JSON.stringify({ uid: user.oid, utid: user.homeTenantId })).toString('base64url');
  }
}
