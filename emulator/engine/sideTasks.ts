// Job preparation and release tasks: processes a job runs on a node beside its tasks, with their own
// directory, retries and time limit, reported per node rather than as tasks of the job.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SideTaskExec } from '../model/records.js';
import type { Account } from './account.js';
import { parseCommandLine } from './commandLine.js';
import { Deadline } from './deadlines.js';
import type { JobEntry, NodeEntry } from './entries.js';
import { nodeDirs } from './execution.js';
import { nodeRoot } from './nodeFs.js';
import { ProcessHandle, type Outcome } from './runner.js';
import { preProcess } from './preProcessing.js';
import type { ResourceFileSpec } from './resourceFiles.js';
import { taskEnvironment } from './taskEnv.js';
import { exitCodeFailure, taskEndedFailure, wallClockFailure } from './taskState.js';

/** What a job preparation or release task runs. */
export interface SideTaskSpec {
  id: string;
  commandLine: string;
  environmentSettings?: { name: string; value?: string }[];
  /** Retries after a non-zero exit; -1 means unlimited. */
  maxRetries: number;
  maxWallClockMs?: number;
  resourceFiles?: ResourceFileSpec[];
}

/** A job's directory of a side task on a node, relative to the node root. */
export function sideTaskDirName(jobId: string, taskId: string): string {
  return `workitems/${jobId}/job-1/${taskId}`;
}

/** One job preparation or release task on a node, across its retries, until it completes or is stopped. */
export class SideRun {
  readonly ended: Promise<void>;
  private handle?: ProcessHandle;
  private stopped = false;
  private timedOut = false;
  private readonly stopping = new AbortController();
  private finish: () => void = () => undefined;

  /** Prepares a run that updates `exec` as it goes. */
  constructor(readonly exec: SideTaskExec) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  /** Kills the process (it completes as ended), or keeps it from starting. */
  stop(): void {
    this.stopped = true;
    this.stopping.abort();
    this.handle?.kill();
  }

  /** Kills the process because it ran out of time. */
  expire(): void {
    this.timedOut = true;
    this.handle?.kill();
  }

  attach(handle: ProcessHandle): void {
    this.handle = handle;
    if (this.stopped) handle.kill();
  }

  /** Aborted once the run is stopped, so downloads before the process starts stop too. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  get wasStopped(): boolean {
    return this.stopped;
  }

  get wasTimedOut(): boolean {
    return this.timedOut;
  }

  done(): void {
    this.finish();
  }
}

const RUNNING = new WeakMap<Account, Set<SideRun>>();

/** The side tasks running in an account, so shutdown can stop them. */
export function runningSideTasks(account: Account): Set<SideRun> {
  let set = RUNNING.get(account);
  if (!set) {
    set = new Set();
    RUNNING.set(account, set);
  }
  return set;
}

interface Launch {
  account: Account;
  job: JobEntry;
  node: NodeEntry;
  spec: SideTaskSpec;
  run: SideRun;
  /** Where AZ_BATCH_JOB_PREP_DIR points. */
  prepDir: string;
  changed: () => void;
}

async function tryOnce(l: Launch, deadline: Deadline): Promise<Outcome> {
  const { account, job, node, spec, run } = l;
  const root = nodeRoot(account.config.dataDir, node.rec.id);
  const dir = join(root, ...sideTaskDirName(job.rec.id, spec.id).split('/'));
  try {
    const command = parseCommandLine(spec.commandLine);
    await nodeDirs(account, node);
    await mkdir(join(dir, 'wd'), { recursive: true });
    const prepared = await preProcess(account, node, { nodeRoot: root, wd: join(dir, 'wd'), resourceFiles: spec.resourceFiles, signal: run.signal });
    // Stopped while its files arrived: that, not an abandoned download, is how it ended.
    if (run.wasStopped) return { kind: 'cancelled' };
    if ('outcome' in prepared) return prepared.outcome;
    const handle = new ProcessHandle({
      command,
      cwd: join(dir, 'wd'),
      env: taskEnvironment({
        accountName: account.config.name,
        accountUrl: account.url,
        poolId: node.pool.rec.id,
        nodeId: node.rec.id,
        isDedicated: node.rec.isDedicated,
        jobId: job.rec.id,
        taskId: spec.id,
        nodeRoot: root,
        taskDir: dir,
        jobSettings: job.rec.props.commonEnvironmentSettings as { name: string; value?: string }[] | undefined,
        taskSettings: spec.environmentSettings,
        jobPrepDir: l.prepDir,
        packages: prepared.env,
      }),
      stdoutPath: join(dir, 'stdout.txt'),
      stderrPath: join(dir, 'stderr.txt'),
    });
    run.attach(handle);
    const pid = await handle.started;
    if (pid !== undefined) {
      run.exec.pid = pid;
      l.changed();
    }
    deadline.set(spec.maxWallClockMs === undefined ? undefined : Date.now() + spec.maxWallClockMs);
    return await handle.done;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return run.wasStopped ? { kind: 'cancelled' } : { kind: 'notStarted', code: 'CommandLaunchFailed', message: `Failed to launch the specified command line: ${message}` };
  } finally {
    deadline.set(undefined);
  }
}

// Runs tries until one succeeds, retries run out, or the run is stopped; the record says how it went.
async function runTries(l: Launch): Promise<void> {
  const { account, spec, run } = l;
  const exec = run.exec;
  const deadline = new Deadline(account, () => run.expire());
  for (;;) {
    const outcome = await tryOnce(l, deadline);
    delete exec.pid;
    // On shutdown the record stays `running`: the next start runs the task again.
    if (account.closing) return;
    const now = Date.now();
    const exitCode = outcome.kind === 'exited' ? outcome.exitCode : undefined;
    const canRetry = spec.maxRetries < 0 || exec.retryCount < spec.maxRetries;
    if (outcome.kind === 'exited' && exitCode !== 0 && !run.wasStopped && !run.wasTimedOut && canRetry) {
      exec.retryCount++;
      exec.lastRetryTime = now;
      exec.startTime = now;
      l.changed();
      continue;
    }
    exec.state = 'completed';
    exec.endTime = now;
    exec.exitCode = exitCode;
    exec.result = exitCode === 0 && !run.wasTimedOut && !run.wasStopped ? 'success' : 'failure';
    if (run.wasTimedOut) exec.failureInfo = wallClockFailure();
    else if (run.wasStopped) exec.failureInfo = taskEndedFailure();
    else if (outcome.kind === 'notStarted') exec.failureInfo = { category: 'userError', code: outcome.code, message: outcome.message };
    else if (outcome.kind === 'preProcessingFailed') exec.failureInfo = outcome.failure;
    else if (exitCode !== undefined && exitCode !== 0) exec.failureInfo = exitCodeFailure(exitCode);
    l.changed();
    return;
  }
}

/** Starts a job preparation or release task on a node; `changed` is called whenever `exec` changes. */
export function startSideTask(
  account: Account,
  job: JobEntry,
  node: NodeEntry,
  spec: SideTaskSpec,
  prepDir: string,
  changed: () => void,
): SideRun {
  const exec: SideTaskExec = { state: 'running', startTime: Date.now(), retryCount: 0 };
  const run = new SideRun(exec);
  const running = runningSideTasks(account);
  running.add(run);
  void runTries({ account, job, node, spec, run, prepDir, changed }).finally(() => {
    running.delete(run);
    run.done();
  });
  return run;
}
