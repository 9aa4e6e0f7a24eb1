import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './protocol';

/** Opens the main window on the app:// entry page: isolated, sandboxed, no Node, web security on. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  // The options stay one literal so static checkers (electronegativity) can read every setting.
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Batch Lens',
    webPreferences: {
      // Suppressed electronegativity check: the preload exposes only invoke/subscribe for contract names (tested).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
