import { describe, expect, it } from 'vitest';
import { transportLabel, versionLabel } from './status-text';

describe('status bar text', () => {
  it('names each transport', () => {
    expect(transportLabel('ipc')).toBe('Desktop (IPC)');
    expect(transportLabel('web')).toBe('Web host');
  });

  it('prefixes the version with v', () => {
    expect(versionLabel('0.1.0')).toBe('v0.1.0');
  });
});
