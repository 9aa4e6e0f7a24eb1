import type { ServiceClientCredentials, WebResourceLike } from '@azure/ms-rest-js';
import type { CloudConfig } from './clouds';
import type { AccessTokenResult } from './identity';
import type { TokenSource } from './token-credential';

/** Refresh this long before expiry so a request never leaves with a token that dies in flight. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A data-plane credential for `@azure/batch` 10.x. Handing that SDK a modern TokenCredential makes ms-rest-js wrap it
 * with the ARM scope, which the Batch service rejects; this signs every request with a token for the cloud's Batch
 * scope (`https://batch.core.windows.net//.default` on the public cloud) instead. No account key is involved, so
 * accounts that allow only Microsoft Entra ID work.
 */
export class BatchTokenCredentials implements ServiceClientCredentials {
  readonly scope: string;
  private current?: AccessTokenResult;
  private pending?: Promise<AccessTokenResult>;

  constructor(
    private readonly source: TokenSource,
    cloud: Pick<CloudConfig, 'batchScope'>,
  ) {
    this.scope = cloud.batchScope;
  }

  /** Adds `Authorization: Bearer <Batch token>` to an outgoing ms-rest-js request. */
  async signRequest(webResource: WebResourceLike): Promise<WebResourceLike> {
    const token = await this.token();
    webResource.headers.set('authorization', `Bearer ${token.token}`);
    return webResource;
  }

  /** Keeps the token in memory until near expiry, so each request does not decrypt the vault; one refresh at a time. */
  private async token(): Promise<AccessTokenResult> {
    if (this.current && this.current.expiresOn - REFRESH_MARGIN_MS > Date.now()) return this.current;
    this.pending ??= this.source([this.scope]).finally(() => {
      this.pending = undefined;
    });
    this.current = await this.pending;
    return this.current;
  }
}

/** Builds the Batch data-plane credential for one identity/tenant token source and cloud. */
export function createBatchCredentials(source: TokenSource, cloud: Pick<CloudConfig, 'batchScope'>): BatchTokenCredentials {
  return new BatchTokenCredentials(source, cloud);
}
