import { THEME_CHOICES, type ThemeChoice } from '../../theme/theme-resolution';

const LABELS: Readonly<Record<ThemeChoice, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** The theme picker's options, in display order. */
export const THEME_OPTIONS: readonly { value: ThemeChoice; label: string }[] = THEME_CHOICES.map((value) => ({
  value,
  label: LABELS[value],
}));
