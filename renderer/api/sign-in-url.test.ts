import { describe, expect, it } from 'vitest';
import { isHttpsUrl, openSignInUrl } from './sign-in-url';

describe('isHttpsUrl', () => {
  it('accepts absolute https URLs', () => {
    expect(isHttpsUrl('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1')).toBe(true);
    expect(isHttpsUrl('HTTPS://login.microsoftonline.us/')).toBe(true);
  });

  it('refuses every other scheme, relative paths and non-strings', () => {
    for (const url of [
      'http://login.microsoftonline.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      '//evil.example/',
      '/relative',
      'not a url',
      '',
      null,
      42,
      { href: 'https://x' },
    ]) {
      expect(isHttpsUrl(url)).toBe(false);
    }
  });
});

describe('openSignInUrl', () => {
  it('opens an https URL in a new tab without an opener', () => {
    const opened: unknown[][] = [];
    expect(openSignInUrl('https://login.example/authorize', (...args) => opened.push(args))).toBe(true);
    expect(opened).toEqual([['https://login.example/authorize', '_blank', 'noopener,noreferrer']]);
  });

  it('never opens anything that is not https', () => {
    const opened: unknown[] = [];
    for (const url of ['http://login.example/', 'javascript:void(0)', 'file:///tmp/x', undefined]) {
      expect(openSignInUrl(url, (u) => opened.push(u))).toBe(false);
    }
    expect(opened).toEqual([]);
  });
});
