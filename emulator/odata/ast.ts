/** Comparison operators accepted in $filter. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A property path such as `state` or `executionInfo/exitCode`. */
export interface PropertyNode {
  readonly kind: 'property';
  readonly path: string;
  readonly segments: readonly string[];
  readonly position: number;
}

/** A quoted string literal, unescaped. */
export interface StringLiteralNode {
  readonly kind: 'literal';
  readonly type: 'string';
  readonly value: string;
  readonly position: number;
}

/** An integer or decimal literal. */
export interface NumberLiteralNode {
  readonly kind: 'literal';
  readonly type: 'number';
  readonly value: number;
  readonly position: number;
}

/** `true` or `false`. */
export interface BooleanLiteralNode {
  readonly kind: 'literal';
  readonly type: 'boolean';
  readonly value: boolean;
  readonly position: number;
}

/** `null`. */
export interface NullLiteralNode {
  readonly kind: 'literal';
  readonly type: 'null';
  readonly value: null;
  readonly position: number;
}

/** `datetime'…'` or a bare ISO-8601 timestamp; value is epoch milliseconds, text is the source form. */
export interface DateTimeLiteralNode {
  readonly kind: 'literal';
  readonly type: 'datetime';
  readonly value: number;
  readonly text: string;
  readonly position: number;
}

/** Any literal. */
export type LiteralNode =
  | StringLiteralNode
  | NumberLiteralNode
  | BooleanLiteralNode
  | NullLiteralNode
  | DateTimeLiteralNode;

/** `startswith(a, b)`; the only function supported. Argument types are checked by the compiler. */
export interface StartsWithNode {
  readonly kind: 'call';
  readonly name: 'startswith';
  readonly args: readonly [FilterNode, FilterNode];
  readonly position: number;
}

/** `left op right`. */
export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly op: ComparisonOperator;
  readonly left: FilterNode;
  readonly right: FilterNode;
  readonly position: number;
}

/** `left and right` / `left or right`. */
export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly left: FilterNode;
  readonly right: FilterNode;
  readonly position: number;
}

/** `not operand`. */
export interface NotNode {
  readonly kind: 'not';
  readonly operand: FilterNode;
  readonly position: number;
}

/** The parsed $filter syntax tree. `position` is a 0-based offset: a binary node's operator, else where the node starts. */
export type FilterNode = PropertyNode | LiteralNode | StartsWithNode | ComparisonNode | LogicalNode | NotNode;
