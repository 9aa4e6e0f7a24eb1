import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StartTaskInfo } from '../model/nodeRecords.js';
import type { Account } from './account.js';
import { parseCommandLine } from './commandLine.js';
import type { NodeEntry } from './entries.js';
import { nodeDirs } from './execution.js';
import { nodeRoot } from './nodeFs.js';
import { isCurrent, setNodeState, settleNode } from './nodes.js';
import { killOrphan, ProcessHandle, type Outcome } from './runner.js';
import { preProcess } from './preProcessing.js';
import type { ResourceFileSpec } from './resourceFiles.js';
import { taskEnvironment } from './taskEnv.js';
import { exitCodeFailure } from './taskState.js';

// A 20,000-node pool with a start task must not fork 20,000 processes at once; the rest wait their turn.
const MAX_CONCURRENT_START_TASKS = 32;

type StartTaskSpec = Record<string, unknown> & { commandLine?: string; waitForSuccess?: boolean; maxTaskRetryCount?: number };

/** One start task run on a node, across its retries, until it completes or is stopped. */
class StartRun {
  handle?: ProcessHandle;
  /** Set when the node reboots, leaves or the emulator closes: the outcome no longer matters. */
  discarded = false;
  /** Set by fault injection: every remaining try fails. */
  forced = false;
  readonly ended: Promise<void>;
  finish: () => void = () => undefined;

  constructor(readonly spec: StartTaskSpec) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  /** Aborted by `stop`, so downloads before the process starts stop too. */
  readonly stopping = new AbortController();

  stop(): void {
    this.discarded = true;
    this.stopping.abort();
    this.handle?.kill();
  }
}

const runs = new WeakMap<NodeEntry, StartRun>();
const failNext = new WeakSet<NodeEntry>();
const waiting: (() => void)[] = [];
let active = 0;

function acquire(): Promise<void> {
  if (active < MAX_CONCURRENT_START_TASKS) {
    active++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

/** The directory a node's start task runs in, relative to the node root. */
export const STARTUP_DIR = 'startup';

/** True when the start task makes the node wait for it (the service's default). */
export function waitsForSuccess(spec: Record<string, unknown> | undefined): boolean {
  return spec !== undefined && spec.waitForSuccess !== false;
}

/**
 * A node finished booting: it takes the pool's current start task (unless resuming after a restart),
 * runs it, and shows `waitingForStartTask` or `idle` meanwhile. Returns true when its record changed.
 */
export function nodeStarted(account: Account, node: NodeEntry, fresh: boolean, now = Date.now()): boolean {
  const { rec } = node;
  node.lastBootTime = now;
  // Without a start task, a node that boots changes no record: 20,000 new nodes cost no journal writes.
  const hadPhase = rec.phase !== undefined;
  const hadStartTask = rec.startTask !== undefined || rec.startTaskInfo !== undefined;
  delete rec.phase;
  if (fresh) {
    const spec = node.pool.rec.props.startTask as StartTaskSpec | undefined;
    if (spec) rec.startTask = structuredClone(spec);
    else delete rec.startTask;
    delete rec.startTaskInfo;
  }
  const spec = rec.startTask as StartTaskSpec | undefined;
  if (!spec) {
    settleNode(account, node, now);
    return hadPhase || (fresh && hadStartTask);
  }
  const info = rec.startTaskInfo;
  if (!fresh && info?.state === 'completed') {
    if (waitsForSuccess(spec) && info.result === 'failure') markStartTaskFailed(node, now);
    else settleNode(account, node, now);
    return hadPhase;
  }
  if (waitsForSuccess(spec)) setNodeState(node, 'waitingForStartTask', now);
  else settleNode(account, node, now);
  const run = new StartRun(spec);
  run.forced = failNext.delete(node);
  runs.set(node, run);
  void execute(account, node, run);
  return true;
}

function markStartTaskFailed(node: NodeEntry, now: number): void {
  node.rec.phase = 'startTaskFailed';
  setNodeState(node, 'startTaskFailed', now);
}

/** Stops a node's start task (rebooting, leaving, closing); resolves once its process is gone. */
export function stopStartTask(node: NodeEntry): Promise<void> {
  const run = runs.get(node);
  if (!run) return Promise.resolve();
  runs.delete(node);
  run.stop();
  return run.ended;
}

/**
 * Fault injection: makes the node's running start task fail now, or else its next one (after a reboot,
 * say). Undefined when the pool has no start task at all.
 */
export function failStartTask(node: NodeEntry): 'running' | 'next' | undefined {
  const run = runs.get(node);
  if (run) {
    run.forced = true;
    run.handle?.kill();
    return 'running';
  }
  if (node.pool.rec.props.startTask === undefined && node.rec.startTask === undefined) return undefined;
  failNext.add(node);
  return 'next';
}

/** Kills a start task process a previous emulator run left behind (Linux only, when provably it). */
export async function killOrphanStartTask(account: Account, node: NodeEntry): Promise<void> {
  const pid = node.rec.startTaskPid;
  if (pid === undefined) return;
  delete node.rec.startTaskPid;
  const wd = join(nodeRoot(account.config.dataDir, node.rec.id), STARTUP_DIR, 'wd');
  if (await killOrphan(pid, wd)) account.config.log(`stopped start task process ${pid} left behind by the previous run`);
}

function live(account: Account, node: NodeEntry, run: StartRun): boolean {
  return !run.discarded && runs.get(node) === run && isCurrent(account, node) && !account.closing;
}

async function execute(account: Account, node: NodeEntry, run: StartRun): Promise<void> {
  await acquire();
  try {
    const behaviour = account.config.behaviour;
    if (behaviour.startTaskFailureRate > 0 && Math.random() < behaviour.startTaskFailureRate) run.forced = true;
    const max = typeof run.spec.maxTaskRetryCount === 'number' ? run.spec.maxTaskRetryCount : 0;
    let retries = 0;
    for (;;) {
      if (!live(account, node, run)) return;
      const now = Date.now();
      const info: StartTaskInfo = { state: 'running', startTime: now, retryCount: retries };
      if (retries > 0) info.lastRetryTime = now;
      node.rec.startTaskInfo = info;
      node.changed = now;
      account.store.commitLater([account.nodeOp(node.rec)]);
      const outcome = await tryOnce(account, node, run);
      delete node.rec.startTaskPid;
      if (!live(account, node, run)) return;
      const end = Date.now();
      info.endTime = end;
      node.changed = end;
      // An injected failure is final, so an unlimited retry count cannot spin on it.
      if (outcome.kind === 'exited' && outcome.exitCode !== 0 && !run.forced && (max < 0 || retries < max)) {
        retries++;
        continue;
      }
      complete(account, node, run, info, outcome, end);
      return;
    }
  } finally {
    release();
    if (runs.get(node) === run) runs.delete(node);
    run.finish();
  }
}

function complete(account: Account, node: NodeEntry, run: StartRun, info: StartTaskInfo, outcome: Outcome, now: number): void {
  info.state = 'completed';
  if (outcome.kind === 'exited') {
    info.exitCode = outcome.exitCode;
    info.result = outcome.exitCode === 0 ? 'success' : 'failure';
    if (outcome.exitCode !== 0) info.failureInfo = exitCodeFailure(outcome.exitCode);
  } else {
    info.result = 'failure';
    info.failureInfo =
      outcome.kind === 'notStarted'
        ? { category: 'userError', code: outcome.code, message: outcome.message }
        : outcome.kind === 'preProcessingFailed'
          ? outcome.failure
          : { category: 'serverError', code: 'TaskEnded', message: 'The start task was stopped.' };
  }
  if (waitsForSuccess(run.spec) && node.state === 'waitingForStartTask') {
    if (info.result === 'success') settleNode(account, node, now);
    else markStartTaskFailed(node, now);
  }
  account.store.commitLater([account.nodeOp(node.rec)]);
}

// One try: the process's outcome, or an injected failure (which still leaves stdout.txt and stderr.txt).
async function tryOnce(account: Account, node: NodeEntry, run: StartRun): Promise<Outcome> {
  const root = nodeRoot(account.config.dataDir, node.rec.id);
  const dir = join(root, STARTUP_DIR);
  const exitCode = account.config.behaviour.startTaskFailureExitCode;
  try {
    await nodeDirs(account, node);
    await mkdir(join(dir, 'wd'), { recursive: true });
    if (run.forced) {
      await writeFile(join(dir, 'stdout.txt'), '');
      await writeFile(join(dir, 'stderr.txt'), 'The emulator made this start task fail (fault injection).\n');
      return { kind: 'exited', exitCode };
    }
    // Pool packages are deployed on the node before its start task runs, then its resource files arrive.
    const prepared = await preProcess(account, node, {
      nodeRoot: root,
      wd: join(dir, 'wd'),
      resourceFiles: run.spec.resourceFiles as ResourceFileSpec[] | undefined,
      signal: run.stopping.signal,
    });
    // Stopped while its files arrived: that, not an abandoned download, is how it ended.
    if (run.discarded) return { kind: 'cancelled' };
    if ('outcome' in prepared) return prepared.outcome;
    const env = taskEnvironment({
      accountName: account.config.name,
      accountUrl: account.url,
      poolId: node.pool.rec.id,
      nodeId: node.rec.id,
      isDedicated: node.rec.isDedicated,
      jobId: '',
      taskId: '',
      nodeRoot: root,
      taskDir: dir,
      taskSettings: run.spec.environmentSettings as { name: string; value?: string }[] | undefined,
      packages: prepared.env,
    });
    // The service sets no job or task id for a start task.
    delete env.AZ_BATCH_JOB_ID;
    delete env.AZ_BATCH_TASK_ID;
    const handle = new ProcessHandle({
      command: parseCommandLine(String(run.spec.commandLine ?? '')),
      cwd: join(dir, 'wd'),
      env,
      stdoutPath: join(dir, 'stdout.txt'),
      stderrPath: join(dir, 'stderr.txt'),
    });
    run.handle = handle;
    if (run.discarded || run.forced) handle.kill();
    const pid = await handle.started;
    if (pid !== undefined && live(account, node, run)) {
      node.rec.startTaskPid = pid;
      account.store.commitLater([account.nodeOp(node.rec)]);
    }
    const outcome = await handle.done;
    run.handle = undefined;
    // A process killed by fault injection reports the injected exit code, not the signal that ended it.
    return run.forced ? { kind: 'exited', exitCode } : outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'notStarted', code: 'CommandLaunchFailed', message: `Failed to launch the specified command line: ${message}` };
  }
}
