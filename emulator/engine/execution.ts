import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskRecord } from '../model/records.js';
import type { Account } from './account.js';
import type { AppPackageRef } from './appPackages.js';
import { parseCommandLine } from './commandLine.js';
import { Deadline, durationMs } from './deadlines.js';
import type { JobEntry, NodeEntry, Run, RunDisposition } from './entries.js';
import { createNodeDirs, nodeRoot, taskDirName } from './nodeFs.js';
import { applyOutcome } from './outcome.js';
import { uploadOutputFiles, type OutputFileSpec } from './outputFiles.js';
import { placeTask } from './placement.js';
import { preProcess } from './preProcessing.js';
import type { ResourceFileSpec } from './resourceFiles.js';
import { prepDirOn, prepGate, waitForPrep } from './prepRelease.js';
import { ProcessHandle, type Outcome } from './runner.js';
import { runningSideTasks } from './sideTasks.js';
import { taskEnvironment } from './taskEnv.js';
import { clearResults, updateTask } from './taskState.js';

const RECENT_TASKS = 10;

/** Creates a node's directories once, on first use (20,000 idle nodes need no disk at all). */
export function nodeDirs(account: Account, node: NodeEntry): Promise<void> {
  node.dirsReady ??= createNodeDirs(nodeRoot(account.config.dataDir, node.rec.id));
  return node.dirsReady;
}

function remember(node: NodeEntry, job: JobEntry, task: TaskRecord): void {
  const entry = { jobId: job.rec.id, taskId: task.id, taskState: task.state, exec: structuredClone(task.exec) };
  node.recent = [entry, ...node.recent.filter((r) => r.jobId !== job.rec.id || r.taskId !== task.id)].slice(0, RECENT_TASKS);
}

function setNodeBusy(node: NodeEntry): void {
  node.changed = Date.now();
  const busy = node.runs.size > 0;
  if (busy && node.state === 'idle') node.state = 'running';
  else if (!busy && node.state === 'running') node.state = 'idle';
  else return;
  node.stateTime = node.changed;
}

class TaskRun implements Run {
  disposition?: RunDisposition;
  readonly ended: Promise<void>;
  /** Set when the task ran past its maxWallClockTime and was killed for it. */
  timedOut = false;
  /** True while the task waits on its node for the job preparation task. */
  preparing = false;
  private handle?: ProcessHandle;
  private killed = false;
  private readonly stopping = new AbortController();
  private over = false;
  private finish: () => void = () => undefined;
  private readonly wallClock: Deadline;

  constructor(
    readonly account: Account,
    readonly job: JobEntry,
    readonly task: TaskRecord,
    readonly taskKey: string,
    readonly node: NodeEntry,
    readonly slots: number,
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
    this.wallClock = new Deadline(account, () => {
      this.timedOut = true;
      this.kill();
    });
  }

  attach(handle: ProcessHandle): void {
    this.handle = handle;
    if (this.killed) handle.kill();
  }

  kill(): void {
    this.killed = true;
    this.stopping.abort();
    if (this.handle) this.handle.kill();
    else if (this.preparing) {
      // Nothing runs yet: the run ends here, as its disposition says.
      this.preparing = false;
      endRun(this.account, this, { kind: 'cancelled' });
    }
  }

  /** (Re)starts the maxWallClockTime timer from the task's start, with the constraint now in force. */
  armWallClock(): void {
    const limit = durationMs((this.task.props.constraints as { maxWallClockTime?: string } | undefined)?.maxWallClockTime);
    const start = this.task.exec.startTime;
    this.wallClock.set(limit === undefined || start === undefined || this.over ? undefined : start + limit);
  }

  get cancelled(): boolean {
    return this.killed;
  }

  /** Aborted once the run is killed, so downloads before the process and uploads after it stop too. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  get isOver(): boolean {
    return this.over;
  }

  done(): void {
    this.over = true;
    this.wallClock.set(undefined);
    this.finish();
  }
}

function attachRun(run: TaskRun): void {
  const { job, node } = run;
  node.runs.set(`${job.rec.uid}/${run.taskKey}`, run);
  node.runningSlots += run.slots;
  job.runs.add(run);
  setNodeBusy(node);
  node.pool.slots.update(node);
}

function detachRun(run: TaskRun): void {
  const { job, node } = run;
  node.runs.delete(`${job.rec.uid}/${run.taskKey}`);
  node.runningSlots -= run.slots;
  job.runs.delete(run);
  setNodeBusy(node);
  node.pool.slots.update(node);
}

/**
 * Starts a task on a node the scheduler picked, or on another one when that node cannot take it (the
 * job preparation failed there, or the task is a job manager needing a whole or dedicated node); when
 * no node can, the task waits. With a job preparation task the task may first wait in `preparing`.
 */
export function dispatch(account: Account, job: JobEntry, taskKey: string, task: TaskRecord, picked: NodeEntry): Run | undefined {
  const placement = placeTask(account, job, taskKey, task, picked);
  if (!placement) return undefined;
  const { node, slots } = placement;
  const gate = prepGate(account, job, node);
  const now = Date.now();
  updateTask(account, job, task, gate === 'wait' ? 'preparing' : 'running', (t) => {
    clearResults(t);
    if (gate === 'wait') delete t.exec.startTime;
    else t.exec.startTime = now;
    t.node = { poolId: node.pool.rec.id, nodeId: node.rec.id };
  }, now);
  const run = new TaskRun(account, job, task, taskKey, node, slots);
  attachRun(run);
  remember(node, job, task);
  // Durable from the moment clients can see it, so a restart before the process starts still counts a requeue.
  account.store.commitLater([account.taskOp(job, task)]);
  if (gate === 'wait') {
    run.preparing = true;
    waitForPrep(job, node, (ok) => prepared(account, run, ok));
  } else void launch(account, run);
  return run;
}

// The job preparation task finished on the run's node: the task starts, or goes back to active for another node.
function prepared(account: Account, run: TaskRun, ok: boolean): void {
  if (!run.preparing || account.closing) return;
  run.preparing = false;
  const { job, task } = run;
  const now = Date.now();
  if (ok) {
    updateTask(account, job, task, 'running', (t) => (t.exec.startTime = now), now);
    account.store.commitLater([account.taskOp(job, task)]);
    void launch(account, run);
    return;
  }
  detachRun(run);
  updateTask(account, job, task, 'active', (t) => delete t.node, now);
  job.queue.push(run.taskKey);
  account.store.commitLater([account.taskOp(job, task)]);
  account.schedule();
  run.done();
}

async function launch(account: Account, run: TaskRun): Promise<void> {
  const { job, task, node } = run;
  const root = nodeRoot(account.config.dataDir, node.rec.id);
  const taskDir = join(root, ...taskDirName(job.rec.id, task.id).split('/'));
  let outcome: Outcome;
  try {
    const command = parseCommandLine(String(task.props.commandLine ?? ''));
    await nodeDirs(account, node);
    await mkdir(join(taskDir, 'wd'), { recursive: true });
    const prepared = await preProcess(account, node, {
      nodeRoot: root,
      wd: join(taskDir, 'wd'),
      resourceFiles: task.props.resourceFiles as ResourceFileSpec[] | undefined,
      appPackages: task.props.applicationPackageReferences as AppPackageRef[] | undefined,
      signal: run.signal,
    });
    // Killed while its files arrived, or they did not: the command never starts.
    if (run.cancelled || 'outcome' in prepared) {
      endRun(account, run, run.cancelled ? { kind: 'cancelled' } : (prepared as { outcome: Outcome }).outcome);
      return;
    }
    const handle = new ProcessHandle({
      command,
      cwd: join(taskDir, 'wd'),
      env: taskEnvironment({
        accountName: account.config.name,
        accountUrl: account.url,
        poolId: node.pool.rec.id,
        nodeId: node.rec.id,
        isDedicated: node.rec.isDedicated,
        jobId: job.rec.id,
        taskId: task.id,
        nodeRoot: root,
        taskDir,
        jobSettings: job.rec.props.commonEnvironmentSettings as { name: string; value?: string }[] | undefined,
        taskSettings: task.props.environmentSettings as { name: string; value?: string }[] | undefined,
        jobPrepDir: prepDirOn(account, job, node),
        packages: prepared.env,
      }),
      stdoutPath: join(taskDir, 'stdout.txt'),
      stderrPath: join(taskDir, 'stderr.txt'),
    });
    run.attach(handle);
    const pid = await handle.started;
    if (pid !== undefined && job.tasks.get(run.taskKey) === task && task.state === 'running') {
      task.pid = pid;
      account.store.commitLater([account.taskOp(job, task)]);
    }
    run.armWallClock();
    outcome = await handle.done;
    const outputs = task.props.outputFiles as OutputFileSpec[] | undefined;
    if (outcome.kind === 'exited' && !run.cancelled && outputs && outputs.length > 0) {
      const uploadFailure = await uploadOutputFiles(outputs, taskDir, outcome.exitCode, { signal: run.signal, timeoutMs: account.config.transferTimeoutMs });
      // Stopped while uploading, the run's disposition or timeout decides how the task ends, not the abandoned upload.
      if (uploadFailure) outcome = { ...outcome, uploadFailure };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = run.cancelled
      ? { kind: 'cancelled' }
      : { kind: 'notStarted', code: 'CommandLaunchFailed', message: `Failed to launch the specified command line: ${message}` };
  }
  endRun(account, run, outcome);
}

function endRun(account: Account, run: TaskRun, outcome: Outcome): void {
  if (run.isOver) return;
  const { job, task, node } = run;
  detachRun(run);
  // On shutdown the journal keeps the task `running`, so the next start requeues it.
  if (!account.closing) {
    const now = Date.now();
    const live = job.tasks.get(run.taskKey) === task;
    if (live && (task.state === 'running' || task.state === 'preparing') && run.disposition !== 'discard') {
      if (task.exec.startTime !== undefined) job.wallClockMs += now - task.exec.startTime;
      const jobOps = applyOutcome(account, run, run.timedOut, outcome, now);
      delete task.pid;
      remember(node, job, task);
      account.store.commitLater([account.taskOp(job, task), account.nodeOp(node.rec), ...jobOps]);
    }
    account.schedule();
  }
  run.done();
}

/** Restarts the maxWallClockTime timer of a running task after its constraints changed. */
export function rearmWallClock(job: JobEntry, task: TaskRecord): void {
  for (const run of job.runs) if (run.task === task && run instanceof TaskRun) run.armWallClock();
}

/** Stops runs (kills their processes) and resolves once each has been accounted for as `disposition` says. */
export function stopRuns(runs: Iterable<Run>, disposition: RunDisposition): Promise<void> {
  const ended: Promise<void>[] = [];
  for (const run of [...runs]) {
    run.disposition ??= disposition;
    run.kill();
    ended.push(run.ended);
  }
  return Promise.all(ended).then(() => undefined);
}

/** On shutdown: kills every task process and job preparation or release task, and waits for them. */
export async function stopAllRuns(account: Account): Promise<void> {
  const sideRuns = [...runningSideTasks(account)];
  for (const side of sideRuns) side.stop();
  const runs = [...account.jobsByUid.values()].flatMap((job) => [...job.runs]);
  await Promise.all([stopRuns(runs, 'discard'), ...sideRuns.map((side) => side.ended)]);
}
