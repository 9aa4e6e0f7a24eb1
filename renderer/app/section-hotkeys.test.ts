import { describe, expect, it } from 'vitest';
import { sectionIndexForKey, type HotkeyInput } from './section-hotkeys';
import { SECTIONS } from './sections';

const key = (digit: string, mods: Partial<HotkeyInput> = {}): HotkeyInput => ({
  key: digit,
  code: `Digit${digit}`,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('sectionIndexForKey', () => {
  it('maps Alt+1..6 and Ctrl+1..6 to the sections in nav order', () => {
    expect(SECTIONS.map((s) => s.label)).toEqual(['Accounts', 'Pools', 'Jobs', 'Data', 'Packages', 'Settings']);
    for (const [i] of SECTIONS.entries()) {
      expect(sectionIndexForKey(key(String(i + 1), { altKey: true }))).toBe(i);
      expect(sectionIndexForKey(key(String(i + 1), { ctrlKey: true }))).toBe(i);
    }
  });

  it('ignores digits outside the section range', () => {
    expect(sectionIndexForKey(key('0', { altKey: true }))).toBeUndefined();
    expect(sectionIndexForKey(key(String(SECTIONS.length + 1), { altKey: true }))).toBeUndefined();
  });

  it('needs exactly one of Alt or Ctrl, without Shift or Meta', () => {
    expect(sectionIndexForKey(key('1'))).toBeUndefined();
    expect(sectionIndexForKey(key('1', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(sectionIndexForKey(key('1', { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(sectionIndexForKey(key('1', { ctrlKey: true, metaKey: true }))).toBeUndefined();
  });

  it('reads the physical key, so macOS Alt characters and AZERTY still work', () => {
    expect(sectionIndexForKey({ ...key('2', { altKey: true }), key: '™' })).toBe(1);
    expect(sectionIndexForKey({ ...key('3', { ctrlKey: true }), key: '"' })).toBe(2);
  });

  it('falls back to the character when the code is not a digit key (numeric keypad)', () => {
    expect(sectionIndexForKey({ ...key('4', { altKey: true }), code: 'Numpad4' })).toBe(3);
    expect(sectionIndexForKey({ ...key('x', { altKey: true }), code: 'KeyX' })).toBeUndefined();
  });
});
