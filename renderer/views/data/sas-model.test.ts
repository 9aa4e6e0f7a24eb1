import { describe, expect, it } from 'vitest';
import { expiryMinutes, permissionString, type SasLetter } from './sas-model';

describe('SAS choices', () => {
  it('write permissions in the canonical order whatever order they were ticked', () => {
    expect(permissionString(new Set<SasLetter>(['l', 'r']))).toBe('rl');
    expect(permissionString(new Set<SasLetter>(['d', 'w', 'c', 'a', 'r', 'l']))).toBe('racwdl');
    expect(permissionString(new Set())).toBe('');
  });

  it('turn presets and custom minutes into a lifetime, refusing bad entries', () => {
    expect(expiryMinutes('60', 'ignored')).toEqual({ ok: true, minutes: 60 });
    expect(expiryMinutes('10080', '')).toEqual({ ok: true, minutes: 10080 });
    expect(expiryMinutes('custom', ' 90 ')).toEqual({ ok: true, minutes: 90 });
    expect(expiryMinutes('custom', '1.5')).toEqual({ ok: false, message: 'Type a whole number of minutes' });
    expect(expiryMinutes('custom', '0')).toEqual({ ok: false, message: 'The SAS must last at least a minute' });
    expect(expiryMinutes('custom', String(30 * 24 * 60 + 1))).toEqual({ ok: false, message: 'A SAS lasts at most 43200 minutes (30 days)' });
  });
});
