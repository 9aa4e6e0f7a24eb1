import { useEffect, useRef } from 'react';
import { FOLLOW_POLL_MS } from '../../api/intervals';
import type { ViewerController } from './viewer-controller';

/**
 * Follow mode: polls the viewer every FOLLOW_POLL_MS while `follow` is on and the window is visible; when `follow`
 * turns off (the task completed) it makes one last read, so the final output is never missed.
 */
export function useFollow(controller: ViewerController, follow: boolean): void {
  const wasFollowing = useRef(false);
  useEffect(() => {
    if (!follow) {
      if (wasFollowing.current) {
        wasFollowing.current = false;
        void controller.finalRead();
      }
      return;
    }
    wasFollowing.current = true;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void controller.poll();
    }, FOLLOW_POLL_MS);
    return () => clearInterval(timer);
  }, [controller, follow]);
}
