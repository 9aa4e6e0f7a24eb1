import { useEffect, useEffectEvent, type RefObject } from 'react';
import { listHotkey } from './list-hotkeys';

/**
 * Wires `/` to focus `searchRef` and `r` to `onRefresh` (each when given) while the calling view is mounted.
 * A view inside another passes only what the outer one does not handle, since the first handler takes the key.
 */
export function useListHotkeys(onRefresh: (() => void) | undefined, searchRef?: RefObject<HTMLInputElement | null>): void {
  const refresh = useEffectEvent(() => onRefresh?.());
  const hasRefresh = onRefresh !== undefined;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const element = event.target instanceof HTMLElement ? event.target : undefined;
      const target = element
        ? {
            tagName: element.tagName,
            isContentEditable: element.isContentEditable,
            type: element instanceof HTMLInputElement ? element.type : undefined,
            role: element.getAttribute('role'),
          }
        : null;
      const action = listHotkey({ key: event.key, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, target });
      if (action === 'search' && searchRef?.current) {
        event.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
      } else if (action === 'refresh' && hasRefresh) {
        event.preventDefault();
        refresh();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef, hasRefresh]);
}
