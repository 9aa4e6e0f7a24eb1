import { describe, expect, it } from 'vitest';
import { THEME_CHOICES, isThemeChoice, parseThemeChoice, resolveTheme } from './theme-resolution';

const system = (prefersDark: boolean, forcedColors: boolean) => ({ prefersDark, forcedColors });

describe('resolveTheme', () => {
  it('uses an explicit choice whatever the system says', () => {
    for (const signals of [system(false, false), system(true, false), system(false, true), system(true, true)]) {
      expect(resolveTheme('light', signals)).toBe('light');
      expect(resolveTheme('dark', signals)).toBe('dark');
      expect(resolveTheme('high-contrast', signals)).toBe('high-contrast');
    }
  });

  it('follows prefers-color-scheme for "system"', () => {
    expect(resolveTheme('system', system(false, false))).toBe('light');
    expect(resolveTheme('system', system(true, false))).toBe('dark');
  });

  it('puts forced colors ahead of the color scheme for "system"', () => {
    expect(resolveTheme('system', system(false, true))).toBe('high-contrast');
    expect(resolveTheme('system', system(true, true))).toBe('high-contrast');
  });
});

describe('parseThemeChoice', () => {
  it('keeps every valid choice', () => {
    for (const choice of THEME_CHOICES) expect(parseThemeChoice(choice)).toBe(choice);
  });

  it('falls back to "system" for missing or unknown values', () => {
    for (const value of [null, undefined, '', 'Dark', 'solarized', 3, {}]) {
      expect(parseThemeChoice(value)).toBe('system');
      expect(isThemeChoice(value)).toBe(false);
    }
  });
});
