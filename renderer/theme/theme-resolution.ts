/** What the user picks in Settings. */
export type ThemeChoice = 'system' | 'light' | 'dark' | 'high-contrast';

/** What is actually rendered (exposed as `data-theme` on the app root). */
export type ActiveTheme = 'light' | 'dark' | 'high-contrast';

/** Every choice, in the order Settings lists them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'high-contrast'];

/** The choice used when nothing (valid) is stored. */
export const DEFAULT_THEME_CHOICE: ThemeChoice = 'system';

/** What the operating system asks for, read from media queries. */
export interface SystemThemeSignals {
  /** `(prefers-color-scheme: dark)` matches. */
  prefersDark: boolean;
  /** `(forced-colors: active)` matches, e.g. Windows high-contrast mode. */
  forcedColors: boolean;
}

/** True for a string naming a theme choice. */
export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** A stored value as a choice; anything unknown (old versions, hand edits) falls back to the default. */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return isThemeChoice(value) ? value : DEFAULT_THEME_CHOICE;
}

/** The theme to render for a choice; "system" follows forced colors first, since contrast is an accessibility need. */
export function resolveTheme(choice: ThemeChoice, system: SystemThemeSignals): ActiveTheme {
  if (choice !== 'system') return choice;
  if (system.forcedColors) return 'high-contrast';
  return system.prefersDark ? 'dark' : 'light';
}
