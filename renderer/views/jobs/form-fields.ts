// Field readers shared by the create-job and add-task forms: each answers a value or a message for the field.

import { parseDurationInput } from '../../components/time-format';

/** Batch ids: 1-64 letters, digits, hyphens or underscores. */
export const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A field's value, nothing typed, or what is wrong with it. */
export type FieldResult<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'invalid'; message: string };

/** Checks an id field. */
export function readId(text: string, what: string): FieldResult<string> {
  const id = text.trim();
  if (!id) return { kind: 'invalid', message: `The ${what} id is required` };
  if (!BATCH_ID.test(id)) return { kind: 'invalid', message: 'Use 1-64 letters, digits, hyphens or underscores' };
  return { kind: 'ok', value: id };
}

/** Reads a whole number within bounds; an empty field is "not set". */
export function readInteger(text: string, min: number, max: number): FieldResult<number> {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (!/^-?\d+$/.test(trimmed)) return { kind: 'invalid', message: 'Enter a whole number' };
  const value = Number(trimmed);
  if (value < min || value > max) return { kind: 'invalid', message: `Enter a number from ${min} to ${max}` };
  return { kind: 'ok', value };
}

/** Reads a duration field into the ISO 8601 form the service takes; an empty field is "not set". */
export function readDuration(text: string): FieldResult<string> {
  const parsed = parseDurationInput(text);
  if (parsed.kind === 'ok') return { kind: 'ok', value: parsed.iso };
  return parsed;
}

/** Parses a JSON editor's text into an object with an id, or says what is wrong. */
export function readJsonSpec(text: string, what: string): { ok: true; spec: Record<string, unknown> & { id: string } } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The JSON is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: `The ${what} must be a JSON object` };
  const id = (data as Record<string, unknown>).id;
  if (typeof id !== 'string' || !BATCH_ID.test(id)) {
    return { ok: false, message: `The ${what} needs an "id" of 1-64 letters, digits, hyphens or underscores` };
  }
  return { ok: true, spec: data as Record<string, unknown> & { id: string } };
}
