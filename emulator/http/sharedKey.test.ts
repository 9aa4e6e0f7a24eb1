import { BatchSharedKeyCredentials } from '@azure/batch';
import { WebResource } from '@azure/ms-rest-js';
import { describe, expect, it } from 'vitest';
import { BatchError } from './errors.js';
import { signedQuery, verifySharedKey, type HeaderBag } from './sharedKey.js';

const ACCOUNT = 'acct';
const KEY = Buffer.alloc(32, 3).toString('base64');

// Signs a request with the SDK's own signer and returns it as the server would receive it.
async function sdkSigned(method: 'GET' | 'POST' | 'DELETE', url: string, body?: string): Promise<{ url: string; headers: Record<string, string> }> {
  const resource = new WebResource(url, method, body);
  if (body !== undefined) resource.headers.set('Content-Type', 'application/json; odata=minimalmetadata; charset=utf-8');
  await new BatchSharedKeyCredentials(ACCOUNT, KEY).signRequest(resource);
  const headers: Record<string, string> = {};
  for (const h of resource.headers.headersArray()) headers[h.name.toLowerCase()] = h.value;
  // Node's HTTP client adds these on the wire.
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  else if (method === 'POST') headers['content-length'] = '0';
  const parsed = new URL(url);
  return { url: parsed.pathname + parsed.search, headers };
}

function verify(method: string, url: string, headers: HeaderBag): void {
  verifySharedKey({ method, url, headers }, ACCOUNT, Buffer.from(KEY, 'base64'));
}

describe('SharedKey verification', () => {
  const cases: [string, 'GET' | 'POST' | 'DELETE', string, string?][] = [
    ['a list with an encoded filter', 'GET', "http://127.0.0.1:1/jobs/j/tasks?api-version=2022-10-01.16.0&%24filter=state%20eq%20'active'%20and%20id%20gt%20'a%2Bb'&maxresults=40"],
    ['an add with a JSON body', 'POST', 'http://127.0.0.1:1/pools?api-version=2022-10-01.16.0', JSON.stringify({ id: 'p', vmSize: 'ü-size' })],
    ['an action without a body', 'POST', 'http://127.0.0.1:1/jobs/j/enable?api-version=2022-10-01.16.0'],
    ['a delete of an encoded file path', 'DELETE', 'http://127.0.0.1:1/jobs/j/tasks/t/files/wd%2Fout%20put.txt?recursive=true&api-version=2022-10-01.16.0'],
  ];
  for (const [name, method, url, body] of cases) {
    it(`accepts the SDK's signature on ${name}`, async () => {
      const signed = await sdkSigned(method, url, body);
      expect(() => verify(method, signed.url, signed.headers)).not.toThrow();
    });
  }

  it('refuses a request whose query, verb or date changed after signing', async () => {
    const signed = await sdkSigned('GET', 'http://127.0.0.1:1/pools?api-version=2022-10-01.16.0&maxresults=5');
    const refused = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error instanceof BatchError ? [error.status, error.code] : error;
      }
      return 'accepted';
    };
    expect(refused(() => verify('GET', signed.url.replace('maxresults=5', 'maxresults=6'), signed.headers))).toEqual([403, 'AuthenticationFailed']);
    expect(refused(() => verify('DELETE', signed.url, signed.headers))).toEqual([403, 'AuthenticationFailed']);
    const later = new Date(Date.parse(signed.headers['ocp-date'] ?? '') + 1000).toUTCString();
    expect(refused(() => verify('GET', signed.url, { ...signed.headers, 'ocp-date': later }))).toEqual([403, 'AuthenticationFailed']);
    expect(refused(() => verify('GET', signed.url, { ...signed.headers, authorization: undefined }))).toEqual([401, 'AuthenticationFailed']);
    expect(refused(() => verify('GET', signed.url, { ...signed.headers, authorization: 'SharedKey acct' }))).toEqual([400, 'InvalidAuthenticationInfo']);
  });

  it('reads the query as the signer does: decoded, + as space, first of repeated names', () => {
    const q = signedQuery('a=1&a=2&b=x+y&%24filter=id%20eq%20%27x%27&flag&bad=%E0%A4%A');
    expect([...q.entries()]).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['$filter', "id eq 'x'"],
      ['flag', ''],
    ]);
  });
});
