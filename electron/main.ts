import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json';
import { createServices, type Services } from './services';
import { guardWebContents, isExternalLinkAllowed } from './shell/guards';
import { isOurMainFrame, registerContract } from './shell/ipc';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './shell/protocol';
import { downloadTargetDialog } from './shell/dialogs';
import { createSafeStorageCipher } from './shell/safe-storage';
import { showMonitorNotifications } from './shell/notifications';
import { hardenSession } from './shell/session';
import { createMainWindow } from './shell/window';
import { eventChannel } from '../shared/contract/names';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

let mainWindow: BrowserWindow | undefined;
let services: Services | undefined;

/** The one place main opens URLs outside the app: https only, checked here again whatever the caller checked. */
async function openHttpsExternally(url: string): Promise<void> {
  if (!isExternalLinkAllowed(url)) throw new Error('Only https links are opened outside the app');
  // Suppressed electronegativity check: the line above admits https: URLs only (unit-tested in guards).
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(protocol, rendererDir, () => services?.storage.uploads);
  services = await createServices({
    version: pkg.version,
    transport: 'ipc',
    dataDir: app.getPath('userData'),
    cipher: await createSafeStorageCipher(),
    openBrowser: (url) => openHttpsExternally(url),
    chooseDownloadTarget: downloadTargetDialog(() => mainWindow),
    // The emulator runs under Electron's own Node, so no separate Node install is needed.
    emulator: { command: process.execPath, args: [join(here, 'emulator.js')], env: { ELECTRON_RUN_AS_NODE: '1' } },
    log: (line) => console.log(line),
  });
  registerContract(ipcMain, services.dispatch, (event) => isOurMainFrame(event, () => mainWindow?.webContents));
  services.events.listen(({ name, payload }) => mainWindow?.webContents.send(eventChannel(name), payload));
  showMonitorNotifications(services.events, focusMainWindow);
  mainWindow = createMainWindow(preloadPath);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openHttpsExternally));
  app.on('window-all-closed', () => app.quit());
  let disposed = false;
  app.on('will-quit', (event) => {
    // Quitting waits for the local emulator to stop its tasks, so no process outlives the app.
    if (disposed || !services) return;
    event.preventDefault();
    void services.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Batch Lens failed to start:', error);
    app.exit(1);
  });
}
