import { describe, expect, it } from 'vitest';
import type { DeviceCodeNotice } from '../../shared/models';
import { SignInRequests, newRequestId } from './sign-in-requests';

const notice = (requestId: string): DeviceCodeNotice => ({
  requestId,
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://microsoft.com/devicelogin',
  message: 'To sign in, enter the code',
  expiresOn: 1_900_000_000_000,
});

describe('newRequestId', () => {
  it('matches what auth.signIn accepts and differs per call', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(a).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('is built from the random bytes it is given', () => {
    expect(newRequestId((bytes) => bytes.fill(255))).toBe(`signin-${'ff'.repeat(16)}`);
  });
});

describe('SignInRequests', () => {
  it('tracks our running sign-ins and forgets them when they finish', () => {
    const requests = new SignInRequests();
    requests.start({ requestId: 'req-00001', method: 'browser' });
    expect(requests.current().map((r) => r.requestId)).toEqual(['req-00001']);
    requests.finish('req-00001');
    expect(requests.current()).toEqual([]);
  });

  it('attaches a device code only to a sign-in of ours', () => {
    const requests = new SignInRequests();
    requests.start({ requestId: 'req-00001', method: 'deviceCode' });
    expect(requests.deviceCode(notice('someone-else'))).toBe(false);
    expect(requests.current()[0]?.deviceCode).toBeUndefined();
    expect(requests.deviceCode(notice('req-00001'))).toBe(true);
    expect(requests.current()[0]?.deviceCode?.userCode).toBe('ABCD-EFGH');
  });

  it('records a sign-in page only when it is https and ours', () => {
    const requests = new SignInRequests();
    requests.start({ requestId: 'req-00001', method: 'browser' });
    expect(requests.signInUrl('req-00001', 'http://login.example/')).toBe(false);
    expect(requests.signInUrl('req-00001', 'javascript:alert(1)')).toBe(false);
    expect(requests.signInUrl('other-0001', 'https://login.example/')).toBe(false);
    expect(requests.current()[0]?.signInUrl).toBeUndefined();
    expect(requests.signInUrl('req-00001', 'https://login.example/authorize')).toBe(true);
    expect(requests.current()[0]?.signInUrl).toBe('https://login.example/authorize');
  });

  it('notifies subscribers on change and keeps the snapshot stable between changes', () => {
    const requests = new SignInRequests();
    let calls = 0;
    const stop = requests.subscribe(() => calls++);
    const before = requests.current();
    expect(requests.current()).toBe(before);
    requests.start({ requestId: 'req-00001', method: 'browser' });
    expect(calls).toBe(1);
    expect(requests.current()).not.toBe(before);
    requests.finish('unknown-01');
    expect(calls).toBe(1);
    stop();
    requests.finish('req-00001');
    expect(calls).toBe(1);
  });
});
