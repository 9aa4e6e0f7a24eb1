import { useEffect, useEffectEvent, type RefObject } from 'react';
import { listKeyAction } from './list-hotkeys';

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
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      const action = listKeyAction({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName,
        targetEditable: target?.isContentEditable || target?.getAttribute('role') === 'textbox',
      });
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
