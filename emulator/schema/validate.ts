import { parseIsoInstant } from '../odata/index.js';
import { invalidBody, invalidProperty, missingProperty, unsupportedProperty } from '../http/errors.js';
import { parseDuration } from './duration.js';
import { ENUM_VALUES, REQUEST_DEFINITIONS } from './requestSchemas.js';

type Json = Record<string, unknown>;

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

const enumLookup = new Map<string, Map<string, string>>(
  Object.entries(ENUM_VALUES).map(([name, values]) => [name, new Map(values.map((v) => [v.toLowerCase(), v]))]),
);

/** True for a JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, prop: string): string {
  return path === '' ? prop : `${path}.${prop}`;
}

function checkScalar(type: string, value: unknown, path: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw invalidProperty(path, value, 'Expected a string.');
      return value;
    case 'int32':
    case 'int64': {
      const ok = typeof value === 'number' && Number.isSafeInteger(value);
      if (!ok) throw invalidProperty(path, value, 'Expected an integer.');
      if (type === 'int32' && (value < INT32_MIN || value > INT32_MAX)) {
        throw invalidProperty(path, value, 'The value is outside the range of a 32-bit integer.');
      }
      return value;
    }
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidProperty(path, value, 'Expected a number.');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidProperty(path, value, 'Expected true or false.');
      return value;
    case 'date-time':
      if (typeof value !== 'string' || parseIsoInstant(value) === undefined) {
        throw invalidProperty(path, value, 'Expected an ISO-8601 date and time.');
      }
      return value;
    case 'duration':
      if (typeof value !== 'string' || parseDuration(value) === undefined) {
        throw invalidProperty(path, value, 'Expected an ISO-8601 duration such as PT1H.');
      }
      return value;
    case 'object':
      if (!isJsonObject(value)) throw invalidProperty(path, value, 'Expected a JSON object.');
      return value;
    default:
      throw new Error(`Unknown schema type ${type}`);
  }
}

function checkType(type: string, value: unknown, path: string): unknown {
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) throw invalidProperty(path, value, 'Expected an array.');
    const itemType = type.slice(2);
    return value.map((item, i) => checkType(itemType, item, `${path}[${i}]`));
  }
  if (type.startsWith('#')) return checkDefinition(type.slice(1), value, path);
  if (type.startsWith('%')) {
    const allowed = enumLookup.get(type.slice(1));
    const canonical = typeof value === 'string' ? allowed?.get(value.toLowerCase()) : undefined;
    if (canonical === undefined) {
      throw invalidProperty(path, value, `Expected one of: ${[...(allowed?.values() ?? [])].join(', ')}.`);
    }
    return canonical;
  }
  return checkScalar(type, value, path);
}

function checkDefinition(name: string, value: unknown, path: string): Json {
  const def = REQUEST_DEFINITIONS[name];
  if (!def) throw new Error(`Unknown request definition ${name}`);
  if (!isJsonObject(value)) {
    if (path === '') throw invalidBody('The request body must be a JSON object.');
    throw invalidProperty(path, value, 'Expected a JSON object.');
  }
  const out: Json = {};
  for (const [prop, raw] of Object.entries(value)) {
    const type = Object.hasOwn(def.props, prop) ? def.props[prop] : undefined;
    if (type === undefined) throw unsupportedProperty(join(path, prop));
    // null is how JSON clients say "not set"; the service treats it as absent.
    if (raw === null) continue;
    const limit = def.maxItems[prop];
    if (limit !== undefined && Array.isArray(raw) && raw.length > limit) {
      throw invalidProperty(join(path, prop), `${raw.length} items`, `At most ${limit} items are allowed.`);
    }
    out[prop] = checkType(type, raw, join(path, prop));
  }
  for (const prop of def.required) {
    if (out[prop] === undefined) throw missingProperty(join(path, prop));
  }
  return out;
}

/**
 * Checks a parsed request body against a spec definition (types, required and unknown properties,
 * enum values in any case) and returns a copy with enums in the service's casing and nulls dropped.
 */
export function validateBody(definition: string, body: unknown): Json {
  return checkDefinition(definition, body, '');
}
