import { isoDurationMs } from '../../components/time-format';
import { readDuration, readId, readInteger } from './form-fields';

/** What the create-job form holds, as typed. */
export interface JobForm {
  id: string;
  poolId: string;
  priority: string;
  maxWallClock: string;
  maxTaskRetryCount: string;
  usesTaskDependencies: boolean;
  onAllTasksComplete: 'noaction' | 'terminatejob';
}

/** A blank form. */
export const EMPTY_JOB_FORM: JobForm = {
  id: '',
  poolId: '',
  priority: '',
  maxWallClock: '',
  maxTaskRetryCount: '',
  usesTaskDependencies: false,
  onAllTasksComplete: 'noaction',
};

/** The job spec for `jobs.add`, or a message per bad field. */
export type JobFormResult = { ok: true; spec: Record<string, unknown> & { id: string } } | { ok: false; errors: Partial<Record<keyof JobForm, string>> };

/** Builds the service's job body from the form, leaving unset fields out so the service's defaults apply. */
export function jobSpecFromForm(form: JobForm): JobFormResult {
  const errors: Partial<Record<keyof JobForm, string>> = {};
  const id = readId(form.id, 'job');
  if (id.kind === 'invalid') errors.id = id.message;
  const pool = readId(form.poolId, 'pool');
  if (pool.kind === 'invalid') errors.poolId = pool.message;
  const priority = readInteger(form.priority, -1000, 1000);
  if (priority.kind === 'invalid') errors.priority = priority.message;
  const wallClock = readDuration(form.maxWallClock);
  if (wallClock.kind === 'invalid') errors.maxWallClock = wallClock.message;
  const retries = readInteger(form.maxTaskRetryCount, -1, 100);
  if (retries.kind === 'invalid') errors.maxTaskRetryCount = retries.message;
  if (id.kind !== 'ok' || pool.kind !== 'ok' || Object.keys(errors).length > 0) return { ok: false, errors };

  const spec: Record<string, unknown> & { id: string } = { id: id.value, poolInfo: { poolId: pool.value } };
  if (priority.kind === 'ok') spec.priority = priority.value;
  const constraints: Record<string, unknown> = {};
  if (wallClock.kind === 'ok') constraints.maxWallClockTime = wallClock.value;
  if (retries.kind === 'ok') constraints.maxTaskRetryCount = retries.value;
  if (Object.keys(constraints).length) spec.constraints = constraints;
  if (form.usesTaskDependencies) spec.usesTaskDependencies = true;
  if (form.onAllTasksComplete === 'terminatejob') spec.onAllTasksComplete = 'terminatejob';
  return { ok: true, spec };
}

const FORM_KEYS = new Set(['id', 'poolInfo', 'priority', 'constraints', 'usesTaskDependencies', 'onAllTasksComplete']);

/**
 * The form for a JSON spec, when the form can show all of it; otherwise the properties it cannot show, so
 * switching from JSON back to the form never drops part of what the user wrote.
 */
export function jobFormFromSpec(spec: Record<string, unknown>): { ok: true; form: JobForm } | { ok: false; unsupported: string[] } {
  const unsupported = Object.keys(spec).filter((k) => !FORM_KEYS.has(k));
  const poolInfo = (spec.poolInfo ?? {}) as Record<string, unknown>;
  const constraints = (spec.constraints ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(poolInfo)) if (key !== 'poolId') unsupported.push(`poolInfo.${key}`);
  for (const key of Object.keys(constraints)) {
    if (key !== 'maxWallClockTime' && key !== 'maxTaskRetryCount') unsupported.push(`constraints.${key}`);
  }
  const wallClock = constraints.maxWallClockTime;
  if (wallClock !== undefined && (typeof wallClock !== 'string' || isoDurationMs(wallClock) === undefined)) {
    unsupported.push('constraints.maxWallClockTime');
  }
  const onAll = typeof spec.onAllTasksComplete === 'string' ? spec.onAllTasksComplete.toLowerCase() : 'noaction';
  if (onAll !== 'noaction' && onAll !== 'terminatejob') unsupported.push('onAllTasksComplete');
  if (unsupported.length) return { ok: false, unsupported };
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return {
    ok: true,
    form: {
      id: text(spec.id),
      poolId: text(poolInfo.poolId),
      priority: text(spec.priority),
      maxWallClock: text(wallClock),
      maxTaskRetryCount: text(constraints.maxTaskRetryCount),
      usesTaskDependencies: spec.usesTaskDependencies === true,
      onAllTasksComplete: onAll as JobForm['onAllTasksComplete'],
    },
  };
}

/** The JSON a form switches to: what the form would send, with placeholders for what is still empty. */
export function jobSpecPreview(form: JobForm): Record<string, unknown> {
  const result = jobSpecFromForm(form);
  if (result.ok) return result.spec;
  return { id: form.id.trim(), poolInfo: { poolId: form.poolId.trim() } };
}
