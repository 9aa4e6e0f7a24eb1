import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { expiryText, identityLabel, isSignInCancelled, tenantsText } from './sign-in-text';

describe('isSignInCancelled', () => {
  it('recognises only the SignInCancelled code', () => {
    expect(isSignInCancelled(new AppError({ code: 'SignInCancelled', message: 'Sign-in was cancelled.' }))).toBe(true);
    expect(isSignInCancelled({ code: 'SignInCancelled', message: 'x' })).toBe(true);
    expect(isSignInCancelled(new AppError({ code: 'SignInFailed', message: 'no' }))).toBe(false);
    expect(isSignInCancelled(new Error('SignInCancelled'))).toBe(false);
  });
});

describe('expiryText', () => {
  const now = 1_000_000_000_000;
  it('counts whole minutes left', () => {
    expect(expiryText(now + 15 * 60_000, now)).toBe('Expires in 15 minutes');
    expect(expiryText(now + 90_000, now)).toBe('Expires in 1 minute');
  });

  it('says less than a minute, then expired', () => {
    expect(expiryText(now + 30_000, now)).toBe('Expires in less than a minute');
    expect(expiryText(now, now)).toBe('Expired');
    expect(expiryText(now - 1, now)).toBe('Expired');
  });
});

describe('identity text', () => {
  it('names an identity by name and user name, without repeating', () => {
    expect(identityLabel({ username: 'ada@contoso.com', name: 'Ada Lovelace' })).toBe('Ada Lovelace (ada@contoso.com)');
    expect(identityLabel({ username: 'ada@contoso.com', name: 'ada@contoso.com' })).toBe('ada@contoso.com');
    expect(identityLabel({ username: 'ada@contoso.com' })).toBe('ada@contoso.com');
  });

  it('counts the tenants besides the home tenant', () => {
    expect(tenantsText({ homeTenantId: 't1', tenantIds: ['t1'] })).toBe('t1');
    expect(tenantsText({ homeTenantId: 't1', tenantIds: ['t1', 't2'] })).toBe('t1 and 1 other tenant');
    expect(tenantsText({ homeTenantId: 't1', tenantIds: ['t2', 't3', 't1'] })).toBe('t1 and 2 other tenants');
  });
});
