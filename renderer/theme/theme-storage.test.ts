import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, loadThemeChoice, saveThemeChoice, type ThemeStorage } from './theme-storage';

function memoryStorage(): ThemeStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const throwing: ThemeStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme storage', () => {
  it('round-trips a choice under the documented key', () => {
    const storage = memoryStorage();
    expect(saveThemeChoice(storage, 'high-contrast')).toBe(true);
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('high-contrast');
    expect(loadThemeChoice(storage)).toBe('high-contrast');
  });

  it('defaults to "system" when nothing or garbage is stored', () => {
    const storage = memoryStorage();
    expect(loadThemeChoice(storage)).toBe('system');
    storage.data.set(THEME_STORAGE_KEY, 'neon');
    expect(loadThemeChoice(storage)).toBe('system');
    expect(loadThemeChoice(undefined)).toBe('system');
  });

  it('survives storage that throws', () => {
    expect(loadThemeChoice(throwing)).toBe('system');
    expect(saveThemeChoice(throwing, 'dark')).toBe(false);
    expect(saveThemeChoice(undefined, 'dark')).toBe(false);
  });
});
