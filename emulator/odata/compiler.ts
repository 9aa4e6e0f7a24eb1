import type { ComparisonNode, ComparisonOperator, FilterNode, LiteralNode, PropertyNode, StartsWithNode } from './ast.js';
import { ODataError } from './errors.js';
import {
  fieldKind,
  getterFor,
  isCaseInsensitiveString,
  literalFor,
  normalizerFor,
  type Comparable,
  type FilterFields,
  type Getter,
  type Normalizer,
} from './fields.js';
import { parseFilter } from './parser.js';

/** A compiled $filter: true when the entity matches. */
export type Predicate = (entity: object) => boolean;

const FLIPPED: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

function isBooleanExpression(node: FilterNode): boolean {
  return node.kind === 'comparison' || node.kind === 'and' || node.kind === 'or' || node.kind === 'not' || node.kind === 'call';
}

function describeNode(node: FilterNode): string {
  switch (node.kind) {
    case 'property':
      return `property '${node.path}'`;
    case 'literal':
      return `${node.type} literal`;
    case 'call':
      return `${node.name}(…)`;
    default:
      return `'${node.kind}' expression`;
  }
}

function ordered<T extends Comparable>(op: ComparisonOperator, get: Getter, norm: Normalizer, literal: T): Predicate {
  // Missing values normalize to undefined, and every ordering against undefined is false: OData null semantics.
  const value = (e: object) => norm(get(e)) as T | undefined;
  switch (op) {
    case 'eq':
      return (e) => value(e) === literal;
    case 'ne':
      return (e) => value(e) !== literal;
    case 'gt':
      return (e) => {
        const v = value(e);
        return v !== undefined && v > literal;
      };
    case 'ge':
      return (e) => {
        const v = value(e);
        return v !== undefined && v >= literal;
      };
    case 'lt':
      return (e) => {
        const v = value(e);
        return v !== undefined && v < literal;
      };
    case 'le':
      return (e) => {
        const v = value(e);
        return v !== undefined && v <= literal;
      };
  }
}

function compilePropertyComparison(
  property: PropertyNode,
  op: ComparisonOperator,
  literal: LiteralNode,
  fields: FilterFields,
  position: number,
): Predicate {
  const kind = fieldKind(property, fields);
  const get = getterFor(property.segments);
  if (literal.type === 'null') {
    if (op === 'eq') return (e) => get(e) == null;
    if (op === 'ne') return (e) => get(e) != null;
    throw new ODataError(`Operator '${op}' cannot compare property '${property.path}' with null`, position);
  }
  const value = literalFor(kind, property.path, literal);
  if ((kind === 'enum' || kind === 'boolean') && op !== 'eq' && op !== 'ne') {
    throw new ODataError(`Operator '${op}' is not supported on ${kind} property '${property.path}'`, position);
  }
  return ordered(op, get, normalizerFor(kind, property.path), value);
}

function compileComparison(node: ComparisonNode, fields: FilterFields): Predicate {
  const { left, right, op, position } = node;
  if (left.kind === 'property' && right.kind === 'literal') {
    return compilePropertyComparison(left, op, right, fields, position);
  }
  if (left.kind === 'literal' && right.kind === 'property') {
    return compilePropertyComparison(right, FLIPPED[op], left, fields, position);
  }
  const expression = isBooleanExpression(left) ? left : isBooleanExpression(right) ? right : undefined;
  const other = expression === left ? right : left;
  if (expression !== undefined && other.kind === 'literal' && other.type === 'boolean') {
    if (op !== 'eq' && op !== 'ne') {
      throw new ODataError(`Operator '${op}' cannot be applied to a boolean expression`, position);
    }
    const predicate = compileFilterNode(expression, fields);
    const negate = (op === 'eq') !== other.value;
    return negate ? (e) => !predicate(e) : predicate;
  }
  if (left.kind === 'property' && right.kind === 'property') {
    throw new ODataError(`Comparing two properties ('${left.path}' and '${right.path}') is not supported`, position);
  }
  throw new ODataError(`Cannot compare ${describeNode(left)} with ${describeNode(right)}`, position);
}

function compileStartsWith(node: StartsWithNode, fields: FilterFields): Predicate {
  const [target, prefixNode] = node.args;
  if (target.kind !== 'property') {
    const found = describeNode(target);
    throw new ODataError(`startswith expects a property as its first argument, not a ${found}`, target.position);
  }
  const kind = fieldKind(target, fields);
  if (kind !== 'string') {
    const article = kind === 'enum' ? 'an' : 'a';
    throw new ODataError(`startswith needs a string property, but '${target.path}' is ${article} ${kind}`, target.position);
  }
  if (prefixNode.kind !== 'literal' || prefixNode.type !== 'string') {
    const found = describeNode(prefixNode);
    throw new ODataError(`startswith expects a string literal as its second argument, not a ${found}`, prefixNode.position);
  }
  const get = getterFor(target.segments);
  if (isCaseInsensitiveString(target.path)) {
    const prefix = prefixNode.value.toLowerCase();
    return (e) => {
      const v = get(e);
      return typeof v === 'string' && v.length >= prefix.length && v.toLowerCase().startsWith(prefix);
    };
  }
  const prefix = prefixNode.value;
  return (e) => {
    const v = get(e);
    return typeof v === 'string' && v.startsWith(prefix);
  };
}

/** Type-checks a parsed filter against the declared fields and builds its predicate once. */
export function compileFilterNode(node: FilterNode, fields: FilterFields): Predicate {
  switch (node.kind) {
    case 'and': {
      const left = compileFilterNode(node.left, fields);
      const right = compileFilterNode(node.right, fields);
      return (e) => left(e) && right(e);
    }
    case 'or': {
      const left = compileFilterNode(node.left, fields);
      const right = compileFilterNode(node.right, fields);
      return (e) => left(e) || right(e);
    }
    case 'not': {
      const operand = compileFilterNode(node.operand, fields);
      return (e) => !operand(e);
    }
    case 'comparison':
      return compileComparison(node, fields);
    case 'call':
      return compileStartsWith(node, fields);
    case 'property': {
      const kind = fieldKind(node, fields);
      if (kind !== 'boolean') {
        throw new ODataError(`Property '${node.path}' is not a boolean, so it cannot stand alone as a condition`, node.position);
      }
      const get = getterFor(node.segments);
      return (e) => get(e) === true;
    }
    case 'literal': {
      if (node.type !== 'boolean') {
        throw new ODataError(`A ${node.type} literal cannot stand alone as a condition`, node.position);
      }
      const constant = node.value;
      return () => constant;
    }
  }
}

/** Parses, validates against `fields`, and compiles a $filter into a reusable predicate. */
export function compileFilter(text: string, fields: FilterFields): (entity: object) => boolean {
  return compileFilterNode(parseFilter(text), fields);
}
