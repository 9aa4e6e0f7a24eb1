import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskRecord } from '../model/records.js';
import type { Account } from './account.js';
import { parseCommandLine } from './commandLine.js';
import type { JobEntry, NodeEntry, Run, RunDisposition } from './entries.js';
import { createNodeDirs, nodeRoot, taskDirName } from './nodeFs.js';
import { ProcessHandle, type Outcome } from './runner.js';
import { requiredSlots } from './taskCounts.js';
import { taskEnvironment } from './taskEnv.js';
import { clearResults, exitCodeFailure, maxRetries, taskEndedFailure, updateTask } from './taskState.js';

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
  private handle?: ProcessHandle;
  private killed = false;
  private finish: () => void = () => undefined;

  constructor(
    readonly job: JobEntry,
    readonly task: TaskRecord,
    readonly taskKey: string,
    readonly node: NodeEntry,
    readonly slots: number,
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  attach(handle: ProcessHandle): void {
    this.handle = handle;
    if (this.killed) handle.kill();
  }

  kill(): void {
    this.killed = true;
    this.handle?.kill();
  }

  get cancelled(): boolean {
    return this.killed;
  }

  done(): void {
    this.finish();
  }
}

/** Starts a task on a node: marks it running, occupies its slots and launches its process. */
export function dispatch(account: Account, job: JobEntry, taskKey: string, task: TaskRecord, node: NodeEntry): Run {
  const now = Date.now();
  updateTask(account, job, task, 'running', (t) => {
    clearResults(t);
    t.exec.startTime = now;
    t.node = { poolId: node.pool.rec.id, nodeId: node.rec.id };
  }, now);
  const run = new TaskRun(job, task, taskKey, node, requiredSlots(task));
  node.runs.set(`${job.rec.uid}/${taskKey}`, run);
  node.runningSlots += run.slots;
  job.runs.add(run);
  setNodeBusy(node);
  node.pool.slots.update(node);
  remember(node, job, task);
  void launch(account, run);
  return run;
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
    outcome = await handle.done;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = run.cancelled
      ? { kind: 'cancelled' }
      : { kind: 'notStarted', code: 'CommandLaunchFailed', message: `Failed to launch the specified command line: ${message}` };
  }
  endRun(account, run, outcome);
}

function applyOutcome(account: Account, run: Run, outcome: Outcome, now: number): void {
  const { job, task, node } = run;
  const disposition = run.disposition ?? (outcome.kind === 'cancelled' ? 'requeue' : undefined);
  if (disposition === 'requeue') {
    updateTask(account, job, task, 'active', (t) => {
      delete t.exec.startTime;
      t.exec.requeueCount++;
      t.exec.lastRequeueTime = now;
    }, now);
    job.queue.push(run.taskKey);
    return;
  }
  if (disposition === 'terminate') {
    updateTask(account, job, task, 'completed', (t) => {
      t.exec.endTime = now;
      t.exec.result = 'failure';
      t.exec.failureInfo = taskEndedFailure();
    }, now);
    return;
  }
  node.rec.totalTasksRun++;
  if (outcome.kind === 'exited' && outcome.exitCode === 0) {
    node.rec.totalTasksSucceeded++;
    updateTask(account, job, task, 'completed', (t) => {
      t.exec.endTime = now;
      t.exec.exitCode = 0;
      t.exec.result = 'success';
    }, now);
    return;
  }
  const max = maxRetries(job, task);
  if (outcome.kind === 'exited' && (max < 0 || task.exec.retryCount < max)) {
    // Only a non-zero exit is retried; the task waits in `active` for its next try.
    job.retries++;
    updateTask(account, job, task, 'active', (t) => {
      clearResults(t);
      delete t.exec.startTime;
      t.exec.retryCount++;
      t.exec.lastRetryTime = now;
    }, now);
    job.queue.push(run.taskKey);
    return;
  }
  updateTask(account, job, task, 'completed', (t) => {
    t.exec.endTime = now;
    t.exec.result = 'failure';
    if (outcome.kind === 'exited') {
      t.exec.exitCode = outcome.exitCode;
      t.exec.failureInfo = exitCodeFailure(outcome.exitCode);
    } else if (outcome.kind === 'notStarted') {
      t.exec.failureInfo = { category: 'userError', code: outcome.code, message: outcome.message };
    }
  }, now);
}

function endRun(account: Account, run: TaskRun, outcome: Outcome): void {
  const { job, task, node } = run;
  node.runs.delete(`${job.rec.uid}/${run.taskKey}`);
  node.runningSlots -= run.slots;
  job.runs.delete(run);
  setNodeBusy(node);
  node.pool.slots.update(node);
  // On shutdown the journal keeps the task `running`, so the next start requeues it.
  if (!account.closing) {
    const now = Date.now();
    const live = job.tasks.get(run.taskKey) === task;
    if (live && task.state === 'running' && run.disposition !== 'discard') {
      if (task.exec.startTime !== undefined) job.wallClockMs += now - task.exec.startTime;
      applyOutcome(account, run, outcome, now);
      delete task.pid;
      remember(node, job, task);
      account.store.commitLater([account.taskOp(job, task), account.nodeOp(node.rec)]);
    }
    account.schedule();
  }
  run.done();
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
