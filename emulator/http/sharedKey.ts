import { createHmac, timingSafeEqual } from 'node:crypto';
import { BatchError, authenticationFailed } from './errors.js';

/** Headers as Node delivers them: lower-case names. */
export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

const STANDARD_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
] as const;

/** Requests whose date is further than this from the emulator's clock are refused, like the service. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

function header(headers: HeaderBag, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The query as the signer sees it: pairs split on '&' and the first '=', '+' read as space, percent
 * escapes decoded, undecodable pairs skipped and the first of repeated names kept.
 */
export function signedQuery(query: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    if (rawKey === '' || /[?#]/.test(rawKey)) continue;
    const key = decodeComponent(rawKey);
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined || result.has(key)) continue;
    result.set(key, value);
  }
  return result;
}

/**
 * The SharedKey string to sign: verb, the standard headers in fixed order, the sorted ocp-* headers,
 * then /account/path and the sorted decoded query parameters, one per line.
 */
export function stringToSign(account: string, method: string, url: string, headers: HeaderBag, contentLength?: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const lines = [method.toUpperCase()];
  for (const name of STANDARD_HEADERS) {
    lines.push(name === 'content-length' && contentLength !== undefined ? contentLength : header(headers, name));
  }
  let text = `${lines.join('\n')}\n`;
  const ocp = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .filter((n) => n.startsWith('ocp-'))
    .sort();
  for (const name of ocp) {
    const value = header(headers, name);
    if (value !== '') text += `${name}:${value}\n`;
  }
  text += `/${account}${path === '' ? '/' : path}`;
  const params = signedQuery(q < 0 ? '' : url.slice(q + 1));
  for (const name of [...params.keys()].sort()) text += `\n${name}:${params.get(name) ?? ''}`;
  return text;
}

/** Base64 HMAC-SHA256 of a string under a base64 account key. */
export function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

/** The Authorization header value for a request (used by tests and tools that hand-make requests). */
export function authorization(account: string, key: Buffer, method: string, url: string, headers: HeaderBag): string {
  return `SharedKey ${account}:${hmac(key, stringToSign(account, method, url, headers))}`;
}

function sameSignature(expected: string, given: Buffer): boolean {
  const expectedBytes = Buffer.from(expected, 'base64');
  return expectedBytes.length === given.length && timingSafeEqual(expectedBytes, given);
}

/** What verifySharedKey needs from a request. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: HeaderBag;
}

/** Throws the service's 401/403 unless the request carries a valid SharedKey signature for the account. */
export function verifySharedKey(req: SignedRequest, account: string, key: Buffer, now = Date.now()): void {
  const auth = header(req.headers, 'authorization');
  if (auth === '') throw authenticationFailed('The Authorization header is missing.', 401);
  const match = /^SharedKey ([^:\s]+):([A-Za-z0-9+/=]+)$/.exec(auth.trim());
  if (!match) {
    if (/^Bearer /i.test(auth)) throw authenticationFailed('The emulator accepts SharedKey authorization only.', 401);
    throw new BatchError(400, 'InvalidAuthenticationInfo', 'The authentication information was not provided in the correct format. Verify the value of Authorization header.');
  }
  if (match[1] !== account) throw authenticationFailed(`The account name '${match[1] ?? ''}' does not match this account.`);
  const dateText = header(req.headers, 'ocp-date') || header(req.headers, 'date');
  const date = Date.parse(dateText);
  if (dateText === '' || Number.isNaN(date)) throw authenticationFailed('The request has no valid ocp-date or Date header.');
  if (Math.abs(now - date) > MAX_CLOCK_SKEW_MS) throw authenticationFailed(`Request date header too old or too new: '${dateText}'.`);

  const given = Buffer.from(match[2] ?? '', 'base64');
  // Clients disagree on zero lengths (the SDK signs "0" for an empty POST, the REST docs say empty): accept both.
  const length = header(req.headers, 'content-length');
  const lengths = length === '' || length === '0' ? ['', '0'] : [length];
  const q = req.url.indexOf('?');
  const rawPath = q < 0 ? req.url : req.url.slice(0, q);
  let decodedPath: string | undefined;
  try {
    decodedPath = decodeURI(rawPath);
  } catch {
    decodedPath = undefined;
  }
  const urls = decodedPath !== undefined && decodedPath !== rawPath ? [req.url, decodedPath + req.url.slice(rawPath.length)] : [req.url];
  let ok = false;
  let first = '';
  for (const url of urls) {
    for (const len of lengths) {
      const text = stringToSign(account, req.method, url, req.headers, len);
      if (first === '') first = text;
      // Every candidate is checked (no early exit) so timing does not reveal which one matched.
      ok = sameSignature(hmac(key, text), given) || ok;
    }
  }
  if (!ok) {
    throw authenticationFailed(
      `The MAC signature found in the HTTP request '${match[2] ?? ''}' is not the same as any computed signature. Server used following string to sign: '${first}'.`,
    );
  }
}
