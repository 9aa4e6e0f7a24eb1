import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startListeningChild } from '../../../emulator/process/listening-child';
import type { LocalStorage } from '../../../emulator/storage/azurite';

/** How to run the emulator's command line: the built `emulator.js` under Node or Electron-as-Node, or tsx in tests. */
export interface EmulatorCommand {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface LocalEmulatorOptions {
  command: EmulatorCommand;
  dataDir: string;
  account?: string;
  /** Azurite, started first; the emulator uses it as the account's linked storage. */
  storage?: LocalStorage;
  startTimeoutMs?: number;
  log?: (line: string) => void;
  /** Called when the emulator exits without being asked to. */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** A running local emulator. Its key stays in main; nothing here is ever sent to the renderer. */
export interface LocalEmulator {
  url: string;
  account: string;
  key: string;
  /** The linked storage account, when Azurite is running. */
  storage?: LocalStorage;
  running(): boolean;
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
// The emulator prints a freshly generated key once; it must not end up in our logs.
const KEY_LINE = /key/i;

/** Starts the emulator as a child process on a free loopback port and waits until it listens. */
export async function startLocalEmulator(options: LocalEmulatorOptions): Promise<LocalEmulator> {
  const account = options.account ?? 'local';
  await mkdir(options.dataDir, { recursive: true });
  const child = await startListeningChild({
    name: 'The local emulator',
    command: options.command.command,
    args: [
      ...options.command.args,
      ...['--port', '0', '--data', options.dataDir, '--account', account, '--parent-pid', String(process.pid)],
      // Main's Azurite is the linked storage; without it the emulator must not start one of its own.
      ...(options.storage
        ? ['--storage-url', options.storage.blobUrl, '--storage-account', options.storage.accountName, '--storage-key-file', options.storage.keyFile]
        : ['--no-storage']),
    ],
    env: { ...process.env, ...options.command.env },
    listening: LISTENING,
    timeoutMs: options.startTimeoutMs ?? 30_000,
    loggable: (line) => !KEY_LINE.test(line),
    ...(options.log ? { log: (line: string) => options.log?.(`emulator: ${line}`) } : {}),
    ...(options.onExit ? { onExit: options.onExit } : {}),
  });
  const key = (await readFile(join(options.dataDir, 'account.key'), 'utf8')).trim();
  return {
    url: child.url,
    account,
    key,
    ...(options.storage ? { storage: options.storage } : {}),
    running: () => child.running(),
    stop: () => child.stop(),
  };
}
