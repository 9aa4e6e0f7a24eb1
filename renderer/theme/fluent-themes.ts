import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ActiveTheme } from './theme-resolution';

/** The Fluent UI theme object behind each active theme. */
export const FLUENT_THEMES: Readonly<Record<ActiveTheme, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
};
