// Azurite, Microsoft's storage emulator, as the linked (auto-storage) account of the local Batch emulator.
// Main starts it next to the emulator; the emulator's own tests start it the same way.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startListeningChild } from '../process/listening-child.js';

/** The storage account name Azurite serves for the local Batch account. */
export const LOCAL_STORAGE_ACCOUNT = 'localstore';

/** How to run a Node script: plain Node, or Electron's binary with ELECTRON_RUN_AS_NODE. */
export interface NodeCommand {
  command: string;
  env?: NodeJS.ProcessEnv;
}

export interface AzuriteOptions {
  /** Azurite's workspace; the account key is kept beside it as `account.key`. */
  dataDir: string;
  accountName?: string;
  node?: NodeCommand;
  startTimeoutMs?: number;
  /** Keeps blobs in memory only (tests). */
  inMemory?: boolean;
  log?: (line: string) => void;
  /** Called when Azurite exits without being asked to. */
  onExit?: (code: number | null) => void;
}

/** A running Azurite blob service for one account. The key never leaves main. */
export interface LocalStorage {
  accountName: string;
  accountKey: string;
  /** The file the key is kept in, for processes that must read it themselves (never pass a key on a command line). */
  keyFile: string;
  /** Path-style account URL, such as `http://127.0.0.1:41234/localstore`. */
  blobUrl: string;
  running(): boolean;
  stop(): Promise<void>;
}

const LISTENING = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/;

// Preloaded into Azurite, which has no parent watch of its own: it exits once the process that started
// it is gone, even after a kill -9 that left no chance to stop it. Signal 0 only tests for existence.
const PARENT_WATCH = `const parent = Number(process.env.BATCH_LENS_AZURITE_PARENT);
if (parent > 0) {
  setInterval(() => {
    try { process.kill(parent, 0); } catch (error) { if (error.code === 'ESRCH') process.exit(0); }
  }, 1000).unref();
}
`;

/** Reads the account key kept in the data folder, creating a random one on first use. */
export async function storageAccountKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'account.key');
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(key)) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(64).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** The file that runs Azurite's blob service, resolved from the installed `azurite` package. */
export function azuriteBlobScript(): string {
  return createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
}

/** Starts Azurite's blob service on a free loopback port, telemetry off, and waits until it listens. */
export async function startAzurite(options: AzuriteOptions): Promise<LocalStorage> {
  const accountName = options.accountName ?? LOCAL_STORAGE_ACCOUNT;
  const workspace = join(options.dataDir, 'blob');
  await mkdir(workspace, { recursive: true });
  const accountKey = await storageAccountKey(options.dataDir);
  const watch = join(options.dataDir, 'parent-watch.cjs');
  await writeFile(watch, PARENT_WATCH);
  const args = [
    '--require', watch,
    azuriteBlobScript(),
    '--blobHost', '127.0.0.1',
    '--blobPort', '0',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
    // Azurite refuses --location together with --inMemoryPersistence.
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', workspace]),
  ];
  const child = await startListeningChild({
    name: 'Local storage (Azurite)',
    command: options.node?.command ?? process.execPath,
    args,
    // AZURITE_ACCOUNTS replaces the well-known development key with ours.
    env: { ...process.env, ...options.node?.env, AZURITE_ACCOUNTS: `${accountName}:${accountKey}`, BATCH_LENS_AZURITE_PARENT: String(process.pid) },
    listening: LISTENING,
    timeoutMs: options.startTimeoutMs ?? 30_000,
    ...(options.log ? { log: (line: string) => options.log?.(`azurite: ${line}`) } : {}),
    ...(options.onExit ? { onExit: (code: number | null) => options.onExit?.(code) } : {}),
  });
  return {
    accountName,
    accountKey,
    keyFile: join(options.dataDir, 'account.key'),
    blobUrl: `${child.url}/${accountName}`,
    running: () => child.running(),
    stop: () => child.stop(),
  };
}
