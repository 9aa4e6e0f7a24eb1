import { json, startHttpsServer, type FakeResponse, type RunningServer } from './https-server';
import { decodeJwt } from './jwt';
import type { TestTls } from './test-tls';

const BATCH_AUDIENCE = 'https://batch.core.windows.net/';

function authFailed(reason: string): FakeResponse {
  return json(401, {
    'odata.metadata': 'https://fake.batch/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element',
    code: 'AuthenticationFailed',
    message: { lang: 'en-US', value: `Server failed to authenticate the request. ${reason}` },
  });
}

/**
 * A Batch account that allows only Microsoft Entra ID (no shared keys), like one created with
 * allowedAuthenticationModes = [AAD]: it records every Authorization header and, as the real service does, accepts
 * only bearer tokens whose audience is the Batch resource.
 */
export class FakeBatchAccount {
  readonly authorizations: string[] = [];
  private server!: RunningServer;

  static async start(tls: TestTls): Promise<FakeBatchAccount> {
    const account = new FakeBatchAccount();
    account.server = await startHttpsServer(tls, (req) => {
      const authorization = String(req.headers.authorization ?? '');
      account.authorizations.push(authorization);
      const token = /^Bearer (.+)$/.exec(authorization)?.[1];
      if (!token) return authFailed('Only Microsoft Entra ID authentication is allowed for this account.');
      const claims = decodeJwt(token);
      if (claims.aud !== BATCH_AUDIENCE) return authFailed(`The audience ${String(claims.aud)} is not valid.`);
      if (Number(claims.exp) * 1000 < Date.now()) return authFailed('The token has expired.');
      if (req.url.pathname !== '/pools') return json(404, { code: 'ResourceNotFound', message: { value: 'nope' } });
      return json(200, {
        'odata.metadata': `${account.url}/$metadata#pools`,
        value: [{ id: 'entra-only-pool', state: 'active', vmSize: 'standard_d2s_v3', allocationState: 'steady' }],
      });
    });
    return account;
  }

  get url(): string {
    return this.server.origin;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
