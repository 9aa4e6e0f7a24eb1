import { spawn, type ChildProcess } from 'node:child_process';
import { open, readlink } from 'node:fs/promises';
import { constants } from 'node:os';
import type { FailureInfo } from '../model/records.js';
import type { ParsedCommand } from './commandLine.js';

/** Everything needed to start one task process. */
export interface LaunchRequest {
  command: ParsedCommand;
  cwd: string;
  env: Record<string, string>;
  stdoutPath: string;
  stderrPath: string;
}

/** How a task process ended. */
export type Outcome =
  /** `uploadFailure` is set when uploading the task's output files failed afterwards. */
  | { kind: 'exited'; exitCode: number; uploadFailure?: FailureInfo }
  | { kind: 'notStarted'; code: 'CommandProgramNotFound' | 'CommandLaunchFailed'; message: string }
  /** Resource files or application packages could not be put in place: the command never ran. */
  | { kind: 'preProcessingFailed'; failure: FailureInfo }
  | { kind: 'cancelled' };

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  // A POSIX shell reports death by signal N as 128 + N; so does the service on Linux nodes.
  const number = signal ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return 128 + (number ?? 0);
}

function notStarted(error: unknown, file: string): Outcome {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') {
    return { kind: 'notStarted', code: 'CommandProgramNotFound', message: `The specified command program is not found: ${file}` };
  }
  return { kind: 'notStarted', code: 'CommandLaunchFailed', message: `Failed to launch the specified command line: ${err.message}` };
}

/** Kills a process and everything it started (its process group on POSIX, its tree on Windows). */
export function killTree(pid: number): void {
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Kills a task process left behind by a previous emulator run, but only when it provably is that task
 * (Linux: its working directory is the task's); elsewhere a recycled pid could belong to anything.
 */
export async function killOrphan(pid: number, cwd: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  try {
    if ((await readlink(`/proc/${pid}/cwd`)) !== cwd) return false;
  } catch {
    return false;
  }
  killTree(pid);
  return true;
}

/** A task process being started or running. */
export class ProcessHandle {
  private child?: ChildProcess;
  private cancelled = false;
  /** Resolves with the process id once it started (undefined when it never did). */
  readonly started: Promise<number | undefined>;
  /** Resolves once the process ended (or failed to start). */
  readonly done: Promise<Outcome>;

  /** Starts the process described by the request. */
  constructor(request: LaunchRequest) {
    let reportStart: (pid: number | undefined) => void = () => undefined;
    this.started = new Promise((resolve) => (reportStart = resolve));
    this.done = this.run(request, reportStart).finally(() => reportStart(undefined));
  }

  private async run(request: LaunchRequest, reportStart: (pid: number | undefined) => void): Promise<Outcome> {
    const [out, err] = await Promise.all([open(request.stdoutPath, 'w'), open(request.stderrPath, 'w')]);
    let outcome: Promise<Outcome>;
    try {
      if (this.cancelled) return { kind: 'cancelled' };
      const child = spawn(request.command.file, request.command.args, {
        cwd: request.cwd,
        env: request.env,
        stdio: ['ignore', out.fd, err.fd],
        // Its own process group, so killing the task kills what it started too.
        detached: process.platform !== 'win32',
        windowsHide: true,
        windowsVerbatimArguments: request.command.verbatim,
      });
      // Listeners go on before anything awaits: a spawn failure is emitted on the next tick.
      outcome = new Promise<Outcome>((resolve) => {
        child.once('error', (error) => resolve(notStarted(error, request.command.file)));
        child.once('exit', (code, signal) => resolve({ kind: 'exited', exitCode: exitCodeOf(code, signal) }));
      });
      this.child = child;
      reportStart(child.pid);
    } catch (error) {
      return notStarted(error, request.command.file);
    } finally {
      // The child holds its own copies of the descriptors once spawn has returned.
      await Promise.all([out.close(), err.close()]);
    }
    return outcome;
  }

  /** Kills the process tree, or keeps the process from starting. */
  kill(): void {
    this.cancelled = true;
    const pid = this.child?.pid;
    if (pid !== undefined && this.child?.exitCode === null && this.child.signalCode === null) killTree(pid);
  }
}
