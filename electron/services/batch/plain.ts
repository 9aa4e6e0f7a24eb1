import type { JsonObject, JsonValue } from '../../../shared/models';

/** Turns an SDK object into plain JSON: dates become ISO strings, undefined and functions disappear. */
export function toPlain(value: unknown): JsonValue | undefined {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toPlain(item) ?? null);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'object': {
      const out: JsonObject = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const plain = toPlain(item);
        if (plain !== undefined) out[key] = plain;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** `toPlain` for an entity, which is always an object. */
export function plainObject(value: unknown): JsonObject {
  const plain = toPlain(value);
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? plain : {};
}

/** Copies the listed properties of a plain object that are present, so summaries carry no undefined keys. */
export function pick<T>(source: JsonObject, keys: readonly string[], base: Record<string, unknown> = {}): T {
  const out: Record<string, unknown> = { ...base };
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}
