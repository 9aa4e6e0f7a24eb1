import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json';
import { createServices, type Services } from './services';
import { guardWebContents } from './shell/guards';
import { isOurMainFrame, registerContract } from './shell/ipc';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './shell/protocol';
import { hardenSession } from './shell/session';
import { createMainWindow } from './shell/window';
import { eventChannel } from '../shared/contract/names';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

let mainWindow: BrowserWindow | undefined;
let services: Services | undefined;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(protocol, rendererDir);
  services = await createServices({ version: pkg.version, transport: 'ipc', dataDir: app.getPath('userData') });
  registerContract(ipcMain, services.dispatch, (event) => isOurMainFrame(event, () => mainWindow?.webContents));
  services.events.listen(({ name, payload }) => mainWindow?.webContents.send(eventChannel(name), payload));
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
  // Suppressed electronegativity check: guardWebContents hands only https: URLs to openExternal (unit-tested).
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url)), // eng-disable OPEN_EXTERNAL_JS_CHECK
  );
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void services?.dispose();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Batch Lens failed to start:', error);
    app.exit(1);
  });
}
