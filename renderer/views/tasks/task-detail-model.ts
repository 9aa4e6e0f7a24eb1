import type { JsonObject, JsonValue } from '../../../shared/models';
import { formatDuration, isoDurationMs, spanMs } from '../../components/time-format';

/** One step of the task's timeline. */
export interface TimelineStep {
  label: 'Created' | 'Started' | 'Ended';
  time?: string;
  /** How long the task spent before this step (queued before it started, ran before it ended). */
  after?: { label: string; ms: number };
}

/** The task's failure, as the service reports it in `executionInfo.failureInfo`. */
export interface FailureView {
  category?: string;
  code?: string;
  message?: string;
  details: { name: string; value: string }[];
}

/** What the task page shows, read out of the raw task the service returned. */
export interface TaskDetailModel {
  commandLine?: string;
  state?: string;
  timeline: TimelineStep[];
  exitCode?: number;
  result?: string;
  failure?: FailureView;
  node?: { poolId: string; nodeId: string };
  retryCount?: number;
  requeueCount?: number;
  constraints: { label: string; value: string }[];
  environment: { name: string; value: string }[];
  dependencies: { taskIds: string[]; ranges: { start: number; end: number }[] };
}

const obj = (value: JsonValue | undefined): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
const arr = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);
const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

// Longer than any real limit: the service's "unlimited" is TimeSpan.MaxValue (about 29,000 years).
const UNLIMITED_MS = 100 * 365 * 86_400_000;

/** A constraint duration for people: "Unlimited" for the service's maximum, else a compact duration. */
export function constraintDuration(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const ms = isoDurationMs(iso);
  if (ms === undefined) return iso;
  return ms >= UNLIMITED_MS ? 'Unlimited' : formatDuration(ms);
}

function failureView(info: JsonObject): FailureView | undefined {
  if (Object.keys(info).length === 0) return undefined;
  const details = arr(info.details).map((d) => ({ name: str(obj(d).name) ?? '', value: str(obj(d).value) ?? '' }));
  const out: FailureView = { details };
  const category = str(info.category);
  const code = str(info.code);
  const message = str(info.message);
  if (category) out.category = category;
  if (code) out.code = code;
  if (message) out.message = message;
  return out;
}

function timeline(raw: JsonObject, exec: JsonObject, now: number): TimelineStep[] {
  const created = str(raw.creationTime);
  const started = str(exec.startTime);
  const ended = str(exec.endTime);
  const queued = spanMs(created, started, now);
  const ran = spanMs(started, ended, now);
  const steps: TimelineStep[] = [{ label: 'Created', time: created }];
  steps.push(started && queued !== undefined ? { label: 'Started', time: started, after: { label: 'Waited', ms: queued } } : { label: 'Started' });
  steps.push(ended && ran !== undefined ? { label: 'Ended', time: ended, after: { label: 'Ran', ms: ran } } : { label: 'Ended' });
  return steps;
}

/** Reads the task page's sections out of the raw task; anything the service left out is simply absent. */
export function taskDetailModel(raw: JsonObject, now: number): TaskDetailModel {
  const exec = obj(raw.executionInfo);
  const nodeInfo = obj(raw.nodeInfo);
  const constraintsRaw = obj(raw.constraints);
  const dependsOn = obj(raw.dependsOn);
  const poolId = str(nodeInfo.poolId);
  const nodeId = str(nodeInfo.nodeId);
  const constraints: { label: string; value: string }[] = [];
  const wallClock = constraintDuration(str(constraintsRaw.maxWallClockTime));
  if (wallClock) constraints.push({ label: 'Max wall clock', value: wallClock });
  const retention = constraintDuration(str(constraintsRaw.retentionTime));
  if (retention) constraints.push({ label: 'Retention', value: retention });
  const maxRetries = num(constraintsRaw.maxTaskRetryCount);
  if (maxRetries !== undefined) constraints.push({ label: 'Max retries', value: maxRetries === -1 ? 'Unlimited' : String(maxRetries) });

  const model: TaskDetailModel = {
    timeline: timeline(raw, exec, now),
    constraints,
    environment: arr(raw.environmentSettings).map((e) => ({ name: str(obj(e).name) ?? '', value: str(obj(e).value) ?? '' })),
    dependencies: {
      taskIds: arr(dependsOn.taskIds).filter((id): id is string => typeof id === 'string'),
      ranges: arr(dependsOn.taskIdRanges).map((r) => ({ start: num(obj(r).start) ?? 0, end: num(obj(r).end) ?? 0 })),
    },
  };
  const commandLine = str(raw.commandLine);
  if (commandLine !== undefined) model.commandLine = commandLine;
  const state = str(raw.state);
  if (state) model.state = state;
  const exitCode = num(exec.exitCode);
  if (exitCode !== undefined) model.exitCode = exitCode;
  const result = str(exec.result);
  if (result) model.result = result;
  const failure = failureView(obj(exec.failureInfo));
  if (failure) model.failure = failure;
  if (poolId && nodeId) model.node = { poolId, nodeId };
  const retryCount = num(exec.retryCount);
  if (retryCount !== undefined) model.retryCount = retryCount;
  const requeueCount = num(exec.requeueCount);
  if (requeueCount !== undefined) model.requeueCount = requeueCount;
  return model;
}
