import { useEffect, useEffectEvent, type RefObject } from 'react';
import { listHotkey } from './list-hotkeys';

/** Binds `/` (focus `searchRef`) and `r` (call `onRefresh`) while the calling view is mounted. */
export function useListHotkeys(searchRef: RefObject<HTMLInputElement | null> | undefined, onRefresh: () => void): void {
  const refresh = useEffectEvent(onRefresh);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const action = listHotkey({ key: event.key, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, target: event.target as HTMLElement | null });
      if (action === 'search' && searchRef?.current) {
        event.preventDefault();
        searchRef.current.focus();
      } else if (action === 'refresh') {
        event.preventDefault();
        refresh();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
