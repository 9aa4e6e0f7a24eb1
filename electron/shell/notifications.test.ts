import { describe, expect, it, vi } from 'vitest';

const shown: { title: string; body: string }[] = [];
const clicks: (() => void)[] = [];
let supported = true;
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => supported;
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) {
      if (event === 'click') clicks.push(listener);
    }
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

  it("focuses the app on a click and opens the notification's link when it is an app route", () => {
    const events = new EventBus();
    const navigations: unknown[] = [];
    events.listen(({ name, payload }) => {
      if (name === 'app.navigate') navigations.push(payload);
    });
    let focused = 0;
    showMonitorNotifications(events, () => focused++);
    const done = { accountId: 'local', jobId: 's', kind: 'jobCompleted' as const, title: 's completed', body: 'Job s has completed.' };
    events.emit('monitor.notification', { ...done, link: '/data?container=fgrp-sample-outputs' });
    events.emit('monitor.notification', { ...done, link: 'https://evil.example/' });
    clicks.at(-2)?.();
    clicks.at(-1)?.();
    expect(focused).toBe(2);
    expect(navigations).toEqual([{ path: '/data?container=fgrp-sample-outputs' }]);
  });

  it('stays quiet where the OS has no notifications', () => {
    supported = false;
    const events = new EventBus();
    showMonitorNotifications(events, () => {});
    events.emit('monitor.notification', { accountId: 'local', jobId: 'k', kind: 'firstTaskFailed', title: 't', body: 'b' });
    expect(shown).toHaveLength(3);
  });
});
