import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

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
  const child: ChildProcess = spawn(
    options.command.command,
    [...options.command.args, '--port', '0', '--data', options.dataDir, '--account', account, '--parent-pid', String(process.pid)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.command.env }, windowsHide: true },
  );
  let stopping = false;
  let output = '';
  const log = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() && !KEY_LINE.test(line)) options.log?.(`emulator: ${line.trim()}`);
    }
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    log(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The local emulator did not start within ${(options.startTimeoutMs ?? 30_000) / 1000} s. ${output.trim()}`));
    }, options.startTimeoutMs ?? 30_000);
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log(chunk);
      seen += chunk.toString();
      const match = LISTENING.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`The local emulator could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local emulator exited with code ${code} before listening. ${output.trim()}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) options.onExit?.(code, signal);
  });
  const key = (await readFile(join(options.dataDir, 'account.key'), 'utf8')).trim();
  return {
    url,
    account,
    key,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
