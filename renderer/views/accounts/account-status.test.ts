import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../shared/models';
import { canSignInAgain, isEditable, kindLabel, statusBadge, statusDetail } from './account-status';

const entra = { identityId: 'i', username: 'ada@contoso.com', tenantId: 't', cloud: 'public' as const };

describe('statusBadge', () => {
  it('names every status with its own colour', () => {
    const expected: Record<AccountStatus, [string, string]> = {
      connected: ['Connected', 'success'],
      authFailed: ['Auth failed', 'danger'],
      unreachable: ['Unreachable', 'severe'],
      signInNeeded: ['Sign-in needed', 'warning'],
      error: ['Error', 'danger'],
      unknown: ['Checking…', 'informative'],
    };
    for (const [status, [label, colour]] of Object.entries(expected)) {
      expect(statusBadge(status as AccountStatus)).toEqual({ label, colour });
    }
  });

  it('shows checking while the page re-tests the account, whatever the last status was', () => {
    expect(statusBadge('authFailed', true).label).toBe('Checking…');
    expect(statusBadge('connected', true).colour).toBe('informative');
  });
});

describe('statusDetail', () => {
  it('says nothing for connected or not-yet-checked accounts', () => {
    expect(statusDetail({ status: 'connected' })).toBeUndefined();
    expect(statusDetail({ status: 'unknown', statusMessage: 'stale' })).toBeUndefined();
  });

  it('prefixes the code unless the message already names it', () => {
    expect(statusDetail({ status: 'unreachable', statusCode: 'ConnectionRefused', statusMessage: 'Nothing listens on 127.0.0.1:9' })).toBe(
      'ConnectionRefused: Nothing listens on 127.0.0.1:9',
    );
    expect(
      statusDetail({ status: 'authFailed', statusCode: 'AuthenticationFailed', statusMessage: 'refused (AuthenticationFailed): check the key' }),
    ).toBe('refused (AuthenticationFailed): check the key');
  });

  it('falls back to the code alone, or nothing', () => {
    expect(statusDetail({ status: 'error', statusCode: 'ServerBusy' })).toBe('ServerBusy');
    expect(statusDetail({ status: 'error' })).toBeUndefined();
  });
});

describe('row actions', () => {
  it('offers sign-in again only for Entra accounts that need it', () => {
    expect(canSignInAgain({ status: 'signInNeeded', entra })).toBe(true);
    expect(canSignInAgain({ status: 'signInNeeded' })).toBe(false);
    expect(canSignInAgain({ status: 'authFailed', entra })).toBe(false);
  });

  it('never lets the local emulator be edited or removed', () => {
    expect(isEditable({ kind: 'local', id: 'local' })).toBe(false);
    expect(isEditable({ kind: 'sharedKey', id: 'local' })).toBe(false);
    expect(isEditable({ kind: 'sharedKey', id: 'a1' })).toBe(true);
    expect(isEditable({ kind: 'entra', id: 'a2' })).toBe(true);
  });

  it('labels each kind', () => {
    expect([kindLabel('local'), kindLabel('sharedKey'), kindLabel('entra')]).toEqual(['Local emulator', 'Shared key', 'Microsoft Entra ID']);
  });
});
