import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    constructor(public options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL });
    }
  }
  return { BrowserWindow };
});

const { createMainWindow } = await import('./window');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates, sandboxes and strips Node from the renderer', () => {
    createMainWindow('/app/preload.cjs');
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('sets no preference that weakens isolation', () => {
    createMainWindow('/p.cjs');
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    const allowed = new Set([
      'preload',
      'contextIsolation',
      'sandbox',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webSecurity',
      'allowRunningInsecureContent',
      'webviewTag',
      'experimentalFeatures',
      'navigateOnDragDrop',
      'spellcheck',
      'disableBlinkFeatures',
    ]);
    expect(Object.keys(prefs).filter((key) => !allowed.has(key))).toEqual([]);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the renderer from the app:// protocol, never file://', () => {
    createMainWindow('/app/preload.cjs');
    expect(created[0]?.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
  });
});
