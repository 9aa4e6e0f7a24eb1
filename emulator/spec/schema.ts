import { INTEGER_RANGES, isDateTime, isDuration } from './formats';
import { refName } from './load';
import type { BatchSpec, Schema, SchemaType, SpecProblem } from './types';

/** A schema with its `$ref`s followed and its `allOf` parts laid side by side. */
interface Expanded {
  parts: Schema[];
  /** The definition it came from, for messages. */
  name: string | undefined;
  nullable: boolean;
}

interface Context {
  spec: BatchSpec;
  problems: SpecProblem[];
}

const NO_EXTRAS: ReadonlySet<string> = new Set();

function definition(spec: BatchSpec, name: string): Schema {
  const schema = spec.definitions[name];
  if (!schema) throw new Error(`Batch spec has no definition ${name}`);
  return schema;
}

function expand(spec: BatchSpec, schema: Schema): Expanded {
  let current = schema;
  let name: string | undefined;
  // autorest honours x-nullable beside a $ref, so the referring schema's word wins over the target's.
  let nullable = schema['x-nullable'];
  while (current.$ref !== undefined) {
    name = refName(current.$ref);
    current = definition(spec, name);
    nullable ??= current['x-nullable'];
  }
  const parts = [current, ...(current.allOf ?? []).flatMap((part) => expand(spec, part).parts)];
  return { parts, name, nullable: nullable === true };
}

function typeOf(parts: readonly Schema[]): SchemaType | undefined {
  const declared = parts.find((part) => part.type !== undefined)?.type;
  if (declared) return declared;
  return parts.some((part) => part.properties !== undefined || part.allOf !== undefined) ? 'object' : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'binary data';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `number ${value}`;
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function isFileContent(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

// Free-form settings arrive as objects; the spec's own example (PoolGet with extensions) sends a JSON-encoded object.
function isFreeFormObject(value: unknown): boolean {
  if (isPlainObject(value)) return true;
  if (typeof value !== 'string') return false;
  try {
    return isPlainObject(JSON.parse(value));
  } catch {
    return false;
  }
}

function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function report(ctx: Context, path: string, message: string): void {
  ctx.problems.push({ path, message });
}

function checkObject(ctx: Context, shape: Expanded, value: unknown, path: string, extras: ReadonlySet<string>): void {
  const properties = new Map<string, Schema[]>();
  const required = new Set<string>();
  let additional: boolean | Schema | undefined;
  for (const part of shape.parts) {
    for (const [key, schema] of Object.entries(part.properties ?? {})) properties.set(key, [...(properties.get(key) ?? []), schema]);
    for (const key of part.required ?? []) required.add(key);
    additional ??= part.additionalProperties;
  }
  // A bare `type: object` is autorest's "any object": its content is the caller's, not the spec's.
  const freeForm = shape.parts.length === 1 && shape.parts[0]?.properties === undefined && additional === undefined;
  if (freeForm) {
    if (!isFreeFormObject(value)) report(ctx, path, `expected object, got ${describe(value)}`);
    return;
  }
  if (!isPlainObject(value)) {
    report(ctx, path, `expected object, got ${describe(value)}`);
    return;
  }
  const owner = shape.name ?? 'the schema';
  for (const key of required) {
    if (value[key] === undefined) report(ctx, child(path, key), `missing required property of ${owner}`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const declared = properties.get(key);
    if (declared) {
      for (const schema of declared) check(ctx, schema, item, child(path, key));
    } else if (extras.has(key)) {
      if (typeof item !== 'string') report(ctx, child(path, key), `expected string, got ${describe(item)}`);
    } else if (typeof additional === 'object') {
      check(ctx, additional, item, child(path, key));
    } else if (additional !== true) {
      report(ctx, child(path, key), `property not declared by ${owner}`);
    }
  }
}

function checkArray(ctx: Context, parts: readonly Schema[], value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    report(ctx, path, `expected array, got ${describe(value)}`);
    return;
  }
  for (const part of parts) {
    if (part.maxItems !== undefined && value.length > part.maxItems) {
      report(ctx, path, `has ${value.length} items, more than the ${part.maxItems} allowed`);
    }
  }
  const items = parts.find((part) => part.items !== undefined)?.items;
  if (items) value.forEach((item, i) => check(ctx, items, item, `${path}[${i}]`));
}

// Returns whether the value passed, so enum checks only run on values of the right type.
function checkScalar(ctx: Context, type: SchemaType, format: string | undefined, value: unknown, path: string): boolean {
  const fail = (message: string): boolean => {
    report(ctx, path, message);
    return false;
  };
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return fail(`expected string, got ${describe(value)}`);
      if (format === 'date-time' && !isDateTime(value)) return fail(`${JSON.stringify(value)} is not an ISO-8601 date-time`);
      if (format === 'duration' && !isDuration(value)) return fail(`${JSON.stringify(value)} is not an ISO-8601 duration`);
      return true;
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`expected integer, got ${describe(value)}`);
      const range = format === undefined ? undefined : INTEGER_RANGES[format];
      if (range && (value < range[0] || value > range[1])) return fail(`${value} is outside the ${format} range`);
      return true;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? true : fail(`expected number, got ${describe(value)}`);
    case 'boolean':
      return typeof value === 'boolean' ? true : fail(`expected boolean, got ${describe(value)}`);
    default:
      return true;
  }
}

function check(ctx: Context, schema: Schema, value: unknown, path: string, extras = NO_EXTRAS): void {
  const shape = expand(ctx.spec, schema);
  if (value === null) {
    if (!shape.nullable) report(ctx, path, `null is not allowed${shape.name ? ` for ${shape.name}` : ''}`);
    return;
  }
  const type = typeOf(shape.parts);
  const format = shape.parts.find((part) => part.format !== undefined)?.format;
  if (type === 'object' && format === 'file') {
    if (!isFileContent(value)) report(ctx, path, `expected file content, got ${describe(value)}`);
    return;
  }
  if (type === 'object') return checkObject(ctx, shape, value, path, extras);
  if (type === 'array') return checkArray(ctx, shape.parts, value, path);
  if (type !== undefined && !checkScalar(ctx, type, format, value, path)) return;
  for (const part of shape.parts) {
    if (part.enum && !part.enum.includes(value) && !enumNames(part).includes(value)) {
      report(ctx, path, `${describe(value)} is not one of ${part.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    }
  }
}

// The spec lists some enums in lower case ("usererror") while the service sends the x-ms-enum name ("userError");
// both spellings are the service's, any other casing is not.
function enumNames(part: Schema): unknown[] {
  return (part['x-ms-enum']?.values ?? []).map((entry) => entry.name).filter((name) => name !== undefined);
}

/**
 * Validates a value against a schema of the spec. `rootExtras` names properties tolerated on the root object
 * beyond those the schema declares (the OData annotations of list responses).
 */
export function validateSchema(
  spec: BatchSpec,
  schema: Schema,
  value: unknown,
  rootExtras: ReadonlySet<string> = NO_EXTRAS,
): SpecProblem[] {
  const ctx: Context = { spec, problems: [] };
  check(ctx, schema, value, '', rootExtras);
  return ctx.problems;
}

/** Validates a value against one named definition of the spec; throws if the spec has no such definition. */
export function validateDefinition(spec: BatchSpec, definitionName: string, value: unknown): SpecProblem[] {
  definition(spec, definitionName);
  return validateSchema(spec, { $ref: `#/definitions/${definitionName}` }, value);
}
