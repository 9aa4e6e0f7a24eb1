import { timingSafeEqual } from 'node:crypto';
import { WebHostPaths } from '../../shared/transport';

export interface RequestFacts {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type AccessDecision =
  | { allowed: true; tokenFromQuery: boolean }
  | { allowed: false; status: 401 | 403; reason: string };

function header(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison so the token cannot be guessed byte by byte from response times. */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host values we answer to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Decides whether one request may be served: right Host, same-origin POSTs, and the session token. */
export function checkAccess(facts: RequestFacts, token: string, port: number): AccessDecision {
  const host = header(facts, 'host')?.toLowerCase();
  if (!host || !allowedHosts(port).includes(host)) {
    return { allowed: false, status: 403, reason: 'Host not allowed' };
  }
  if (facts.method !== 'GET' && facts.method !== 'HEAD') {
    const origin = header(facts, 'origin')?.toLowerCase();
    if (!origin || !allowedHosts(port).some((h) => origin === `http://${h}`)) {
      return { allowed: false, status: 403, reason: 'Origin not allowed' };
    }
  }
  const query = new URL(facts.url, 'http://127.0.0.1').searchParams.get(WebHostPaths.tokenQuery) ?? undefined;
  if (query !== undefined) {
    return tokensEqual(query, token)
      ? { allowed: true, tokenFromQuery: true }
      : { allowed: false, status: 401, reason: 'Invalid token' };
  }
  const presented =
    header(facts, WebHostPaths.tokenHeader) ?? cookieValue(header(facts, 'cookie'), WebHostPaths.tokenCookie);
  return tokensEqual(presented, token)
    ? { allowed: true, tokenFromQuery: false }
    : { allowed: false, status: 401, reason: 'Missing or invalid token' };
}

/** The session cookie set once the token arrived in the URL: HttpOnly and same-site only. */
export function sessionCookie(token: string): string {
  return `${WebHostPaths.tokenCookie}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
