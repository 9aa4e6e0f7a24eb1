import { randomBytes } from 'node:crypto';

/** Claims carried by the fake identity provider's tokens. */
export type Claims = Record<string, string | number | string[] | undefined>;

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** An unsigned, JWT-shaped token (`alg: none`): enough for msal and the fakes, useless to anyone else. */
export function encodeUnsignedJwt(claims: Claims): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'none' }));
  const payload = base64url(JSON.stringify({ ...claims, jti: randomBytes(8).toString('hex') }));
  return `${header}.${payload}.`;
}

/** Reads the claims of a JWT-shaped token without verifying it. */
export function decodeJwt(token: string): Claims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
}

/** The audience a fake token gets for a scope: the resource part, as Entra ID derives it. */
export function audienceForScope(scope: string): string {
  if (scope.endsWith('/.default')) return scope.slice(0, -'/.default'.length);
  const slash = scope.lastIndexOf('/');
  return slash > 0 ? scope.slice(0, slash) : scope;
}
