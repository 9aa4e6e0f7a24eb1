import { readDuration, readId, readInteger } from '../jobs/form-fields';

/** One environment variable row of the add-task form. */
export interface EnvRow {
  name: string;
  value: string;
}

/** What the add-task form holds, as typed. */
export interface TaskForm {
  id: string;
  commandLine: string;
  env: EnvRow[];
  maxWallClock: string;
  retention: string;
  maxTaskRetryCount: string;
}

/** A blank form with one empty environment row to type into. */
export const EMPTY_TASK_FORM: TaskForm = { id: '', commandLine: '', env: [{ name: '', value: '' }], maxWallClock: '', retention: '', maxTaskRetryCount: '' };

/** Field errors of the add-task form; `env` errors are keyed by row index. */
export interface TaskFormErrors {
  id?: string;
  commandLine?: string;
  env?: Record<number, string>;
  maxWallClock?: string;
  retention?: string;
  maxTaskRetryCount?: string;
}

/** The task body for `tasks.add`, or a message per bad field. */
export type TaskFormResult = { ok: true; spec: Record<string, unknown> & { id: string; commandLine: string } } | { ok: false; errors: TaskFormErrors };

// Environment variable names as the service and the shells that read them accept.
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function envErrors(rows: readonly EnvRow[]): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!name && !row.value) return;
    if (!name) errors[index] = 'The variable needs a name';
    else if (!ENV_NAME.test(name)) errors[index] = 'Use letters, digits and underscores, not starting with a digit';
    else if (seen.has(name)) errors[index] = `${name} is set twice`;
    seen.add(name);
  });
  return errors;
}

/** Builds the service's task body from the form; rows left blank are ignored, unset constraints left out. */
export function taskSpecFromForm(form: TaskForm): TaskFormResult {
  const errors: TaskFormErrors = {};
  const id = readId(form.id, 'task');
  if (id.kind === 'invalid') errors.id = id.message;
  const commandLine = form.commandLine.trim();
  if (!commandLine) errors.commandLine = 'The command line is required';
  const env = envErrors(form.env);
  if (Object.keys(env).length) errors.env = env;
  const wallClock = readDuration(form.maxWallClock);
  if (wallClock.kind === 'invalid') errors.maxWallClock = wallClock.message;
  const retention = readDuration(form.retention);
  if (retention.kind === 'invalid') errors.retention = retention.message;
  const retries = readInteger(form.maxTaskRetryCount, -1, 100);
  if (retries.kind === 'invalid') errors.maxTaskRetryCount = retries.message;
  if (id.kind !== 'ok' || Object.keys(errors).length) return { ok: false, errors };

  const spec: Record<string, unknown> & { id: string; commandLine: string } = { id: id.value, commandLine };
  const settings = form.env.filter((row) => row.name.trim()).map((row) => ({ name: row.name.trim(), value: row.value }));
  if (settings.length) spec.environmentSettings = settings;
  const constraints: Record<string, unknown> = {};
  if (wallClock.kind === 'ok') constraints.maxWallClockTime = wallClock.value;
  if (retention.kind === 'ok') constraints.retentionTime = retention.value;
  if (retries.kind === 'ok') constraints.maxTaskRetryCount = retries.value;
  if (Object.keys(constraints).length) spec.constraints = constraints;
  return { ok: true, spec };
}
