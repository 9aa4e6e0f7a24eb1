// Kept free of zod and every other dependency: the sandboxed preload bundles this list to enforce it.

/** Every call the renderer may make. */
export const CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'accounts.list',
  'accounts.addSharedKey',
  'accounts.update',
  'accounts.remove',
  'accounts.setFavourite',
  'accounts.check',
  'accounts.dashboard',
  'accounts.addEntra',
  'local.runSample',
  'auth.identities',
  'auth.signIn',
  'auth.cancelSignIn',
  'auth.signOut',
  'discovery.batchAccounts',
  'pools.list',
  'pools.get',
  'pools.add',
  'pools.delete',
  'pools.resize',
  'pools.stopResize',
  'pools.enableAutoScale',
  'pools.disableAutoScale',
  'pools.evaluateAutoScale',
  'nodes.list',
  'nodes.get',
  'nodes.action',
  'jobs.list',
  'jobs.get',
  'jobs.add',
  'jobs.action',
  'jobs.taskCounts',
  'tasks.page',
  'tasks.get',
  'tasks.add',
  'tasks.action',
  'history.series',
  'files.list',
  'files.properties',
  'files.read',
  'files.tail',
  'files.find',
  'files.download',
  'files.cancelDownload',
  'failures.summary',
  'taskIndex.window',
  'storage.info',
  'storage.containers',
  'storage.createContainer',
  'storage.deleteContainer',
  'storage.blobs',
  'storage.deleteBlobs',
  'storage.beginUpload',
  'storage.download',
  'storage.cancelTransfer',
  'storage.sas',
  'storage.taskOutputs',
  'storage.downloadOutput',
  'packages.list',
  'packages.beginUpload',
  'packages.activate',
  'packages.setDefault',
  'packages.deleteVersion',
] as const;

/** Every event main may push to the renderer. */
export const EVENT_NAMES = [
  'app.notice',
  'accounts.changed',
  'auth.deviceCode',
  'auth.openUrl',
  'bulk.progress',
  'monitor.notification',
  'files.downloadProgress',
  'taskIndex.changed',
  'storage.transferProgress',
  'app.navigate',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel that carries one call. */
export function callChannel(name: CallName): string {
  return `call:${name}`;
}

/** The IPC channel that carries one event. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}

/** True for a string naming a contract call. */
export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}

/** True for a string naming a contract event. */
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
