import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { sectionIndexForKey } from './section-hotkeys';
import { SECTIONS } from './sections';

/**
 * Alt+1..4 or Ctrl+1..4 jump to Accounts, Pools, Jobs, Settings.
 * Why: people watching pools and jobs switch sections constantly, and should not need the mouse (or Tab through the
 * nav) to do it. Both modifiers are accepted because a browser tab (web host) keeps Ctrl+digit for itself.
 */
export function useSectionHotkeys(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const index = sectionIndexForKey(event);
      const section = index === undefined ? undefined : SECTIONS[index];
      if (!section) return;
      event.preventDefault();
      navigate(section.path);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
