import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let lockGranted = true;
const registerSchemesAsPrivileged = vi.fn();

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => {
      calls.push('lock');
      return lockGranted;
    },
    quit: () => calls.push('quit'),
    exit: () => calls.push('exit'),
    on: (name: string) => calls.push(`on:${name}`),
    whenReady: () => new Promise(() => {}),
    getPath: () => '/tmp',
  },
  protocol: { registerSchemesAsPrivileged, handle: vi.fn() },
  BrowserWindow: class {},
  ipcMain: { handle: vi.fn() },
  session: { defaultSession: {} },
  shell: { openExternal: vi.fn() },
}));

describe('main entry', () => {
  beforeEach(() => {
    calls.length = 0;
    registerSchemesAsPrivileged.mockClear();
    vi.resetModules();
  });

  it('takes the single-instance lock, registers the app scheme and guards every web contents', async () => {
    lockGranted = true;
    await import('./main');
    expect(calls[0]).toBe('lock');
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) }),
    ]);
    expect(calls).toContain('on:web-contents-created');
    expect(calls).toContain('on:second-instance');
    expect(calls).not.toContain('quit');
  });

  it('quits at once when another instance holds the lock', async () => {
    lockGranted = false;
    await import('./main');
    expect(calls).toEqual(['lock', 'quit']);
    expect(registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});
