// A helper process that prints the URL it listens on once it is ready: the local Batch emulator and Azurite.
// Starting, waiting for readiness, reporting an unexpected exit and stopping are the same for both.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ListeningChildOptions {
  /** How errors name the process: "The local emulator", "Local storage (Azurite)". */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Matches the ready line; its first group is the URL. */
  listening: RegExp;
  timeoutMs: number;
  /** Gets each output line the filter lets through. */
  log?: (line: string) => void;
  /** False for lines that must not reach the log (a freshly printed key). */
  loggable?: (line: string) => boolean;
  /** Called when the process exits without being asked to. */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** A started process and the URL it announced. */
export interface ListeningChild {
  url: string;
  running(): boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Spawns the process and resolves once it prints its listening URL; rejects on a timeout or an early exit. */
export async function startListeningChild(options: ListeningChildOptions): Promise<ListeningChild> {
  const child: ChildProcess = spawn(options.command, options.args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env, windowsHide: true });
  let stopping = false;
  let errors = '';
  const log = (chunk: Buffer) => {
    for (const raw of chunk.toString().split('\n')) {
      const line = raw.trim();
      if (line && (options.loggable?.(line) ?? true)) options.log?.(line);
    }
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    log(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within ${options.timeoutMs / 1000} s. ${errors.trim()}`));
    }, options.timeoutMs);
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log(chunk);
      seen += chunk.toString();
      const match = options.listening.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with code ${code} before listening. ${errors.trim()}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) options.onExit?.(code, signal);
  });
  return {
    url,
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
