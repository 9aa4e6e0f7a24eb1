import type { LiteralNode, PropertyNode } from './ast.js';
import { parseIsoInstant } from './datetime.js';
import { isValidEnumLiteral } from './enums.js';
import { ODataError } from './errors.js';

/** The type of a filterable property, which decides literal checking and comparison semantics. */
export type FieldKind = 'string' | 'enum' | 'number' | 'datetime' | 'boolean';

/** Filterable properties of one entity type, keyed by OData path (e.g. `executionInfo/exitCode`). */
export type FilterFields = Readonly<Record<string, FieldKind>>;

/** A property value reduced to what comparisons use; undefined means OData null (missing or wrong type). */
export type Comparable = string | number | boolean;

/** Reads a (possibly nested) property from an entity. */
export type Getter = (entity: object) => unknown;

/** Maps a raw property value to its comparable form, or undefined when it counts as null. */
export type Normalizer = (value: unknown) => Comparable | undefined;

type Bag = Record<string, unknown>;

/** Batch ids are case-insensitive, so only the `id` path compares without case. */
export function isCaseInsensitiveString(path: string): boolean {
  return path === 'id';
}

/** Returns the kind of a declared property, or throws naming the unknown one. */
export function fieldKind(property: PropertyNode, fields: FilterFields): FieldKind {
  const kind = Object.hasOwn(fields, property.path) ? fields[property.path] : undefined;
  if (kind === undefined) throw new ODataError(`Unknown property '${property.path}'`, property.position);
  return kind;
}

/** Builds a getter for a path; one- and two-segment paths (nearly all Batch filters) get unrolled closures. */
export function getterFor(segments: readonly string[]): Getter {
  const [first, second] = segments;
  if (first !== undefined && segments.length === 1) return (e) => (e as Bag)[first];
  if (first !== undefined && second !== undefined && segments.length === 2) {
    return (e) => {
      const parent = (e as Bag)[first];
      return parent !== null && typeof parent === 'object' ? (parent as Bag)[second] : undefined;
    };
  }
  return (e) => {
    let value: unknown = e;
    for (const segment of segments) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Bag)[segment];
    }
    return value;
  };
}

const asString: Normalizer = (v) => (typeof v === 'string' ? v : undefined);
const asLowerString: Normalizer = (v) => (typeof v === 'string' ? v.toLowerCase() : undefined);
const asNumber: Normalizer = (v) => (typeof v === 'number' && !Number.isNaN(v) ? v : undefined);
const asBoolean: Normalizer = (v) => (typeof v === 'boolean' ? v : undefined);
const asInstant: Normalizer = (v) => {
  if (typeof v === 'string') return parseIsoInstant(v);
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
};

/** The normalizer applied to stored values of a property before comparing. */
export function normalizerFor(kind: FieldKind, path: string): Normalizer {
  switch (kind) {
    case 'string':
      return isCaseInsensitiveString(path) ? asLowerString : asString;
    case 'enum':
      return asLowerString;
    case 'number':
      return asNumber;
    case 'datetime':
      return asInstant;
    case 'boolean':
      return asBoolean;
  }
}

function describeLiteral(literal: LiteralNode): string {
  switch (literal.type) {
    case 'string':
      return `string literal '${literal.value}'`;
    case 'datetime':
      return `datetime literal '${literal.text}'`;
    default:
      return `${literal.type} literal ${String(literal.value)}`;
  }
}

function wrongType(path: string, kind: FieldKind, literal: LiteralNode): ODataError {
  const article = kind === 'enum' ? 'an' : 'a';
  return new ODataError(
    `Property '${path}' is ${article} ${kind} and cannot be compared with ${describeLiteral(literal)}`,
    literal.position,
  );
}

/** Checks a non-null literal against a property's kind and returns it in comparable form. */
export function literalFor(kind: FieldKind, path: string, literal: LiteralNode): Comparable {
  switch (kind) {
    case 'string':
      if (literal.type !== 'string') throw wrongType(path, kind, literal);
      return isCaseInsensitiveString(path) ? literal.value.toLowerCase() : literal.value;
    case 'enum':
      if (literal.type !== 'string') throw wrongType(path, kind, literal);
      if (!isValidEnumLiteral(path, literal.value)) {
        throw new ODataError(`Invalid value '${literal.value}' for enum property '${path}'`, literal.position);
      }
      return literal.value.toLowerCase();
    case 'number':
      if (literal.type !== 'number') throw wrongType(path, kind, literal);
      return literal.value;
    case 'datetime': {
      if (literal.type === 'datetime') return literal.value;
      if (literal.type !== 'string') throw wrongType(path, kind, literal);
      const instant = parseIsoInstant(literal.value);
      if (instant === undefined) {
        throw new ODataError(`Invalid datetime literal '${literal.value}' for property '${path}'`, literal.position);
      }
      return instant;
    }
    case 'boolean':
      if (literal.type !== 'boolean') throw wrongType(path, kind, literal);
      return literal.value;
  }
}
