import { describe, expect, it } from 'vitest';
import { checkAccess, sessionCookie, tokensEqual } from './auth';

const token = 'a'.repeat(43);
const port = 4321;
const base = { method: 'GET', url: '/', headers: { host: `127.0.0.1:${port}`, cookie: `batch_lens_session=${token}` } };

describe('web host access checks', () => {
  it('accepts the token from the URL, the cookie or the header', () => {
    expect(checkAccess({ ...base, url: `/?token=${token}`, headers: { host: `localhost:${port}` } }, token, port)).toEqual({
      allowed: true,
      tokenFromQuery: true,
    });
    expect(checkAccess(base, token, port)).toEqual({ allowed: true, tokenFromQuery: false });
    expect(
      checkAccess({ ...base, headers: { host: `127.0.0.1:${port}`, 'x-batch-lens-token': token } }, token, port),
    ).toEqual({ allowed: true, tokenFromQuery: false });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(checkAccess({ ...base, headers: { host: `127.0.0.1:${port}` } }, token, port)).toMatchObject({ allowed: false, status: 401 });
    expect(checkAccess({ ...base, url: '/?token=wrong' }, token, port)).toMatchObject({ allowed: false, status: 401 });
    expect(
      checkAccess({ ...base, headers: { host: `127.0.0.1:${port}`, cookie: `batch_lens_session=${token}x` } }, token, port),
    ).toMatchObject({ allowed: false, status: 401 });
  });

  it('refuses foreign Host headers even with the right token (DNS rebinding)', () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `[::1]:${port}`, '']) {
      expect(checkAccess({ ...base, headers: { ...base.headers, host } }, token, port), host).toMatchObject({
        allowed: false,
        status: 403,
      });
    }
  });

  it('refuses POSTs from a foreign or missing Origin', () => {
    const post = { ...base, method: 'POST', url: '/api/app.info' };
    expect(checkAccess({ ...post, headers: { ...base.headers, origin: `http://127.0.0.1:${port}` } }, token, port)).toMatchObject({
      allowed: true,
    });
    for (const origin of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null', undefined]) {
      expect(checkAccess({ ...post, headers: { ...base.headers, origin } }, token, port), String(origin)).toMatchObject({
        allowed: false,
        status: 403,
      });
    }
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(undefined, token)).toBe(false);
    expect(tokensEqual(token.slice(1), token)).toBe(false);
    expect(sessionCookie(token)).toMatch(/HttpOnly/);
    expect(sessionCookie(token)).toMatch(/SameSite=Strict/);
  });
});
