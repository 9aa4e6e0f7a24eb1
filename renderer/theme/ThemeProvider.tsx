import { FluentProvider } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { FLUENT_THEMES } from './fluent-themes';
import { ThemeContext, type ThemeState } from './theme-context';
import { resolveTheme, type ThemeChoice } from './theme-resolution';
import { browserStorage, loadThemeChoice, saveThemeChoice } from './theme-storage';
import { useMediaQuery } from './use-media-query';

/** Applies the chosen Fluent theme to the whole app and exposes it as `data-theme` on the app root. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => loadThemeChoice(browserStorage()));
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const forcedColors = useMediaQuery('(forced-colors: active)');
  const active = resolveTheme(choice, { prefersDark, forcedColors });

  const setChoice = useCallback((next: ThemeChoice) => {
    saveThemeChoice(browserStorage(), next);
    setChoiceState(next);
  }, []);
  const state = useMemo<ThemeState>(() => ({ choice, active, setChoice }), [choice, active, setChoice]);

  return (
    <ThemeContext value={state}>
      {/* No layout classes here: Fluent copies the provider's className onto every portal (toasts, menus). */}
      <FluentProvider theme={FLUENT_THEMES[active]} data-theme={active} data-testid="app-root">
        {children}
      </FluentProvider>
    </ThemeContext>
  );
}
