import { describe, expect, it, vi } from 'vitest';

const shown: { title: string; body: string }[] = [];
let supported = true;
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => supported;
    constructor(private readonly options: { title: string; body: string }) {}
    on() {}
    show() {
      shown.push({ title: this.options.title, body: this.options.body });
    }
  },
}));

const { EventBus } = await import('../services/events');
const { showMonitorNotifications } = await import('./notifications');

describe('OS notifications', () => {
  it('shows job notifications and ignores other events', () => {
    const events = new EventBus();
    showMonitorNotifications(events, () => {});
    events.emit('app.notice', { level: 'info', message: 'not a notification' });
    events.emit('monitor.notification', { accountId: 'local', jobId: 'j', kind: 'jobCompleted', title: 'j completed', body: 'Job j has completed.' });
    expect(shown).toEqual([{ title: 'j completed', body: 'Job j has completed.' }]);
  });

  it('stays quiet where the OS has no notifications', () => {
    supported = false;
    const events = new EventBus();
    showMonitorNotifications(events, () => {});
    events.emit('monitor.notification', { accountId: 'local', jobId: 'k', kind: 'firstTaskFailed', title: 't', body: 'b' });
    expect(shown).toHaveLength(1);
  });
});
