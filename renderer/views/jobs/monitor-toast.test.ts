import { describe, expect, it } from 'vitest';
import { monitorToast, showsMonitorToasts } from './monitor-toast';

describe('monitorToast', () => {
  it('shows a failed first task as an error linking to the job', () => {
    expect(
      monitorToast({ accountId: 'local', jobId: 'job 1', kind: 'firstTaskFailed', title: 'A task of job 1 failed', body: 'Job job 1 has its first failed task.' }),
    ).toEqual({
      title: 'A task of job 1 failed',
      body: 'Job job 1 has its first failed task.',
      intent: 'error',
      accountId: 'local',
      jobId: 'job 1',
      path: '/jobs/job%201',
    });
  });

  it('shows a completed job as a success, with a title even when main sent none', () => {
    expect(monitorToast({ accountId: 'a', jobId: 'j', kind: 'jobCompleted', title: '', body: 'done' })).toMatchObject({
      title: 'j completed',
      intent: 'success',
    });
  });

  it('carries an app route to the outputs, and drops a link that leaves the app', () => {
    const base = { accountId: 'local', jobId: 'j', kind: 'jobCompleted', title: 't', body: 'b' };
    expect(monitorToast({ ...base, link: '/data?container=fgrp-out&folder=j%2F' })?.link).toBe('/data?container=fgrp-out&folder=j%2F');
    for (const link of ['https://evil.example/', '//evil.example/x', 42]) expect(monitorToast({ ...base, link })).not.toHaveProperty('link');
  });

  it('drops payloads that are not notifications', () => {
    for (const payload of [null, 'x', { accountId: 'a', jobId: 'j', kind: 'other' }, { accountId: 'a', kind: 'jobCompleted' }, { jobId: 'j', kind: 'jobCompleted' }]) {
      expect(monitorToast(payload)).toBeUndefined();
    }
  });
});

describe('showsMonitorToasts', () => {
  it('is on in the browser only', () => {
    expect(showsMonitorToasts('web')).toBe(true);
    expect(showsMonitorToasts('ipc')).toBe(false);
  });
});
