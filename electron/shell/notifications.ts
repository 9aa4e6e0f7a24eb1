import { Notification } from 'electron';
import type { EventBus } from '../services/events';
import type { MonitorNotification } from '../../shared/models';

/** Shows the monitor's job notifications as OS notifications; clicking one focuses the app. */
export function showMonitorNotifications(events: EventBus, focus: () => void): () => void {
  return events.listen(({ name, payload }) => {
    if (name !== 'monitor.notification' || !Notification.isSupported()) return;
    const { title, body } = payload as MonitorNotification;
    const notification = new Notification({ title, body, silent: false });
    notification.on('click', focus);
    notification.show();
  });
}
