import { request } from 'node:https';
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';

/**
 * An msal network client on node:https that trusts an extra CA. msal-node 7 talks through global fetch, which has no
 * per-client trust option, so tests hand msal this instead to reach the fake identity provider.
 */
export function createHttpsNetworkClient(ca: string): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const req = request(url, { method, ca, headers: options?.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ headers, body: (text ? JSON.parse(text) : {}) as T, status: res.statusCode ?? 0 });
          } catch {
            reject(new AuthError('token_parsing_error', '', 'Response was not JSON'));
          }
        });
      });
      // msal classifies network failures by this code, as it does for its own client.
      req.on('error', (error) => reject(new AuthError('network_error', '', error.message)));
      if (method === 'POST') req.end(options?.body ?? '');
      else req.end();
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
