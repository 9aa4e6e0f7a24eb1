import { describe, expect, it } from 'vitest';
import { noticeToast } from './notice-toast';

describe('noticeToast', () => {
  it('keeps errors on screen until dismissed and announces them assertively', () => {
    expect(noticeToast({ level: 'error', message: 'Sign-in expired' })).toEqual({
      message: 'Sign-in expired',
      intent: 'error',
      timeout: -1,
      politeness: 'assertive',
    });
  });

  it('auto-dismisses info and warnings, warnings later', () => {
    const info = noticeToast({ level: 'info', message: 'a' });
    const warning = noticeToast({ level: 'warning', message: 'b' });
    expect(info).toMatchObject({ intent: 'info', politeness: 'polite' });
    expect(warning).toMatchObject({ intent: 'warning', politeness: 'polite' });
    expect(info!.timeout).toBeGreaterThan(0);
    expect(warning!.timeout).toBeGreaterThan(info!.timeout);
  });

  it('drops payloads that are not notices', () => {
    for (const payload of [null, 'text', { level: 'info' }, { level: 'fatal', message: 'x' }, { level: 'info', message: 3 }]) {
      expect(noticeToast(payload)).toBeUndefined();
    }
  });
});
