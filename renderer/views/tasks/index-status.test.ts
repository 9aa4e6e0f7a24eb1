import { describe, expect, it } from 'vitest';
import type { TaskIndexStatus } from '../../../shared/models';
import { indexStatusText, newerStatus } from './index-status';

const NOW = Date.parse('2026-01-01T12:00:10.000Z');

describe('indexStatusText', () => {
  it('counts the tasks loaded while the first sync runs', () => {
    expect(indexStatusText({ phase: 'syncing', loaded: 240_000, version: 3 }, NOW)).toBe('Indexing… 240,000 tasks loaded');
  });

  it('says how long ago a ready index matched the service', () => {
    expect(indexStatusText({ phase: 'ready', loaded: 1_000_000, syncedAt: '2026-01-01T12:00:07.000Z', version: 9 }, NOW)).toBe(
      '1,000,000 tasks · synced 3 s ago',
    );
    expect(indexStatusText({ phase: 'ready', loaded: 1, syncedAt: '2026-01-01T12:00:09.800Z', version: 9 }, NOW)).toBe('1 task · synced just now');
  });

  it('shows the sync error with what the index still holds', () => {
    const status: TaskIndexStatus = { phase: 'error', loaded: 12, version: 4, error: { code: 'ServerBusy', message: 'try later' }, syncedAt: '2026-01-01T12:00:00.000Z' };
    expect(indexStatusText(status, NOW)).toBe('Sync failing (ServerBusy: try later) · showing 12 tasks · synced 10 s ago');
  });

  it('has a text before any status arrived', () => {
    expect(indexStatusText(undefined, NOW)).toBe('Loading the task index…');
  });
});

describe('newerStatus', () => {
  it('keeps the higher version whichever arrives first', () => {
    const older: TaskIndexStatus = { phase: 'syncing', loaded: 1, version: 1 };
    const newer: TaskIndexStatus = { phase: 'ready', loaded: 2, version: 2 };
    expect(newerStatus(older, newer)).toBe(newer);
    expect(newerStatus(newer, older)).toBe(newer);
    expect(newerStatus(undefined, older)).toBe(older);
    expect(newerStatus(older, undefined)).toBe(older);
  });
});
