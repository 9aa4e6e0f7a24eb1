import { join } from 'node:path';
import type { TransportKind } from '../../shared/models';
import { accountDashboard } from './accounts/dashboard';
import { accountsStore } from './accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from './accounts/service';
import { appInfo } from './app/info';
import { createDispatcher, type Dispatch, type Handlers } from './contract/dispatch';
import { EntraService } from './entra/service';
import { EventBus } from './events';
import { failureHandlers } from './failures/handlers';
import { DownloadService, type ChooseDownloadTarget } from './files/download/service';
import { fileHandlers } from './files/handlers';
import { accountRunner } from './files/runner';
import { startAzurite, type LocalStorage } from '../../emulator/storage/azurite';
import { startLocalEmulator, type EmulatorCommand, type LocalEmulator } from './local/emulator-process';
import { runSampleWorkload, sampleOutputsLink } from './local/sample-workload';
import { monitoringHandlers } from './monitor/handlers';
import { packageHandlers } from './packages/handlers';
import { HistoryStore } from './monitor/history-store';
import { Monitor } from './monitor/sampler';
import { SettingsService } from './settings/service';
import { storageService, type StorageService } from './storage/handlers';
import { taskIndexService } from './task-index/handlers';
import type { Cipher } from './vault/cipher';

export interface ServiceOptions {
  version: string;
  transport: TransportKind;
  /** Where the app keeps its state (Electron's userData, or the web host's --data). */
  dataDir: string;
  /** The OS keystore (Electron safeStorage); absent under the web host. */
  cipher?: Cipher;
  /** The web host's `--persist-secrets` opt-in. */
  persistSecrets?: boolean;
  /** Opens https sign-in pages in the OS browser; absent under the web host, where the page opens them. */
  openBrowser?: (url: string) => Promise<void>;
  /** How to run the built-in local emulator; false to run without it (some tests). */
  emulator: EmulatorCommand | false;
  /** The desktop's save / choose-folder dialog; absent under the web host, where downloads go to the browser. */
  chooseDownloadTarget?: ChooseDownloadTarget;
  log?: (line: string) => void;
}

export interface Services {
  dispatch: Dispatch;
  events: EventBus;
  /** Desktop downloads and the web host's one-time download links. */
  downloads: DownloadService;
  /** Linked storage: upload bodies and one-time blob download links the hosts serve. */
  storage: StorageService;
  dispose(): Promise<void>;
}

/** Creates every main-process service; the Electron shell and the web host both start here. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const events = new EventBus();
  const log = options.log ?? (() => undefined);
  const info = appInfo(options.version, options.transport);
  const settings = await SettingsService.open({
    dataDir: options.dataDir,
    events,
    ...(options.cipher ? { cipher: options.cipher } : {}),
    ...(options.persistSecrets ? { persistSecrets: true } : {}),
  });
  let local: LocalEmulator | undefined;
  let storage: LocalStorage | undefined;
  if (options.emulator) {
    try {
      storage = await startAzurite({
        dataDir: join(options.dataDir, 'storage'),
        node: { command: options.emulator.command, ...(options.emulator.env ? { env: options.emulator.env } : {}) },
        log,
        onExit: (code) => events.emit('app.notice', { level: 'error', message: `Local storage (Azurite) stopped (exit code ${code}); restart the app to start it again.` }),
      });
    } catch (error) {
      events.emit('app.notice', { level: 'error', message: (error as Error).message });
      log(`local storage failed to start: ${(error as Error).message}`);
    }
    try {
      local = await startLocalEmulator({
        command: options.emulator,
        dataDir: join(options.dataDir, 'emulator'),
        ...(storage ? { storage } : {}),
        log,
        onExit: (code) => events.emit('app.notice', { level: 'error', message: `The local emulator stopped (exit code ${code}); restart the app to start it again.` }),
      });
    } catch (error) {
      events.emit('app.notice', { level: 'error', message: (error as Error).message });
      log(`local emulator failed to start: ${(error as Error).message}`);
    }
  }
  const entra = new EntraService({
    config: () => settings.current().entra,
    vault: () => settings.vault(),
    events,
    openBrowser: async (url, requestId) => {
      if (options.openBrowser) await options.openBrowser(url);
      else events.emit('auth.openUrl', { requestId, url });
    },
    log,
  });
  const store = accountsStore(options.dataDir);
  const loaded = await store.load();
  if (loaded.notice) events.emit('app.notice', { level: 'warning', message: loaded.notice });
  const accounts = new AccountsService({
    store,
    vault: () => settings.vault(),
    events,
    local: () => local,
    entraCredentials: (ref) => entra.credentialsFor(ref),
  });

  const monitor = new Monitor({ accounts, history: new HistoryStore(join(options.dataDir, 'history')), events, log });
  monitor.start();
  const downloads = new DownloadService({
    runner: accountRunner(accounts),
    events,
    ...(options.chooseDownloadTarget ? { chooseTarget: options.chooseDownloadTarget } : {}),
  });

  const taskIndex = taskIndexService(accounts, events);
  const linkedStorage = storageService({
    accounts,
    events,
    entra,
    localStorage: () => (storage?.running() ? storage : undefined),
    ...(options.chooseDownloadTarget ? { chooseTarget: options.chooseDownloadTarget } : {}),
  });
  const handlers: Handlers = {
    ...monitoringHandlers(accounts, monitor, events),
    ...fileHandlers(accounts, downloads),
    ...failureHandlers(accounts),
    ...taskIndex.handlers,
    ...linkedStorage.handlers,
    ...packageHandlers({ accounts, resolver: linkedStorage.resolver, uploads: linkedStorage.uploads, entra }),
    'app.info': async () => info,
    'settings.get': async () => settings.view(),
    'settings.update': (patch) => settings.update(patch),
    'accounts.list': () => accounts.list(),
    'accounts.addSharedKey': (input) => accounts.addSharedKey(input),
    'accounts.update': (input) => accounts.update(input),
    'accounts.remove': ({ id }) => accounts.remove(id),
    'accounts.setFavourite': ({ id, favourite }) => accounts.setFavourite(id, favourite),
    'accounts.check': ({ id }) => accounts.check(id),
    'accounts.dashboard': ({ id }) => accountDashboard(accounts, id),
    'accounts.addEntra': async ({ identityId, accounts: picked }) => {
      const identity = await entra.identity(identityId);
      return accounts.addEntra(
        { id: identity.id, username: identity.username, cloud: settings.current().entra.cloud },
        picked.map((p) => ({ account: entra.discoveredAccount(identityId, p.resourceId), ...(p.displayName ? { displayName: p.displayName } : {}) })),
      );
    },
    'local.runSample': async () => {
      // Without linked storage (Azurite did not start) the sample falls back to compute-only tasks.
      const sampleStorage = await linkedStorage.resolver.linkedStorage(LOCAL_ACCOUNT_ID).catch(() => undefined);
      const sample = await accounts.withClient(LOCAL_ACCOUNT_ID, (client) => runSampleWorkload(client, sampleStorage ? { storage: sampleStorage } : {}));
      monitor.watchJob(LOCAL_ACCOUNT_ID, sample.jobId, sample.outputContainer ? sampleOutputsLink(sample.jobId) : undefined);
      return sample;
    },
    'auth.identities': () => entra.identities(),
    'auth.signIn': (input) => entra.signIn(input),
    'auth.cancelSignIn': async ({ requestId }) => entra.cancel(requestId),
    'auth.signOut': ({ identityId }) => entra.signOut(identityId),
    'discovery.batchAccounts': ({ identityId }) => entra.discover(identityId),
  };
  return {
    dispatch: createDispatcher(handlers),
    events,
    downloads,
    storage: linkedStorage,
    dispose: async () => {
      downloads.cancelAll();
      linkedStorage.dispose();
      taskIndex.manager.dispose();
      await monitor.stop();
      await local?.stop();
      await storage?.stop();
    },
  };
}
