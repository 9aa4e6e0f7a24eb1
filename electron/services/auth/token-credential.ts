import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { AccessTokenResult } from './identity';

/** Gets an access token for the given scopes (from the cache or a silent refresh). */
export type TokenSource = (scopes: string[]) => Promise<AccessTokenResult>;

/** Adapts a token source to the modern Azure SDK `TokenCredential` (ARM clients, core-rest-pipeline). */
export function toTokenCredential(source: TokenSource): TokenCredential {
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const result = await source(Array.isArray(scopes) ? scopes : [scopes]);
      return { token: result.token, expiresOnTimestamp: result.expiresOn, tokenType: 'Bearer' };
    },
  };
}
