import { Notification } from 'electron';
import type { EventBus } from '../services/events';
import { isAppRoute } from '../../shared/app-route';
import type { MonitorNotification } from '../../shared/models';

/** Shows the monitor's job notifications as OS notifications; clicking one focuses the app and opens its link. */
export function showMonitorNotifications(events: EventBus, focus: () => void): () => void {
  return events.listen(({ name, payload }) => {
    if (name !== 'monitor.notification' || !Notification.isSupported()) return;
    const { title, body, link } = payload as MonitorNotification;
    const notification = new Notification({ title, body, silent: false });
    notification.on('click', () => {
      focus();
      if (isAppRoute(link)) events.emit('app.navigate', { path: link });
    });
    notification.show();
  });
}
