import { createContext, useContext } from 'react';
import type { ActiveTheme, ThemeChoice } from './theme-resolution';

/** The theme state shared with Settings. */
export interface ThemeState {
  choice: ThemeChoice;
  active: ActiveTheme;
  setChoice: (choice: ThemeChoice) => void;
}

/** Holds the ThemeState; provided by ThemeProvider. */
export const ThemeContext = createContext<ThemeState | null>(null);

/** The current theme choice, the theme it resolved to, and a setter that also remembers the choice. */
export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme needs a <ThemeProvider> above it');
  return state;
}
