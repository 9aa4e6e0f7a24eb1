import { DEFAULT_THEME_CHOICE, parseThemeChoice, type ThemeChoice } from './theme-resolution';

/** The localStorage key of the theme preference (a UI preference, not a secret). */
export const THEME_STORAGE_KEY = 'batchLens.theme';

/** The slice of Storage the theme preference needs. */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or undefined where reading it throws (storage disabled). */
export function browserStorage(): ThemeStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the remembered choice; storage errors mean "not remembered", never a crash. */
export function loadThemeChoice(storage: ThemeStorage | undefined): ThemeChoice {
  try {
    return parseThemeChoice(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return DEFAULT_THEME_CHOICE;
  }
}

/** Remembers a choice; returns false when storage refused (quota, privacy mode) so callers can still apply it. */
export function saveThemeChoice(storage: ThemeStorage | undefined, choice: ThemeChoice): boolean {
  if (!storage) return false;
  try {
    storage.setItem(THEME_STORAGE_KEY, choice);
    return true;
  } catch {
    return false;
  }
}
