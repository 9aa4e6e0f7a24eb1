import type { BinaryOperator, UnaryOperator } from './ast.js';
import { evaluationError, type SourcePosition } from './errors.js';
import { double, doubleVec, isTrue, timeinterval, timestamp, truth, type Value, type ValueType } from './values.js';

type Arithmetic = '+' | '-' | '*' | '/';

const ARITHMETIC: Record<Arithmetic, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

/** The largest instant a JavaScript Date (and so a timestamp here) can hold. */
const MAX_INSTANT = 8.64e15;

/**
 * Which operand types each arithmetic operator accepts and what it yields, transcribed from the docs'
 * operator table; any other pairing is an evaluation error.
 */
const ARITHMETIC_RULES: Record<Arithmetic, readonly (readonly [ValueType, ValueType, ValueType])[]> = {
  '+': [
    ['double', 'double', 'double'],
    ['doubleVec', 'double', 'doubleVec'],
    ['doubleVec', 'doubleVec', 'doubleVec'],
    ['timeinterval', 'timeinterval', 'timeinterval'],
    ['timeinterval', 'timestamp', 'timestamp'],
    ['timestamp', 'timeinterval', 'timestamp'],
  ],
  '-': [
    ['double', 'double', 'double'],
    ['doubleVec', 'double', 'doubleVec'],
    ['doubleVec', 'doubleVec', 'doubleVec'],
    ['timeinterval', 'timeinterval', 'timeinterval'],
    ['timestamp', 'timestamp', 'timeinterval'],
  ],
  '*': [
    ['double', 'double', 'double'],
    ['double', 'timeinterval', 'timeinterval'],
    ['doubleVec', 'double', 'doubleVec'],
    ['doubleVec', 'doubleVec', 'doubleVec'],
    ['timeinterval', 'double', 'timeinterval'],
  ],
  '/': [
    ['double', 'double', 'double'],
    ['doubleVec', 'double', 'doubleVec'],
    ['doubleVec', 'doubleVec', 'doubleVec'],
    ['timeinterval', 'double', 'timeinterval'],
  ],
};

/** Types the comparison operators accept, always with both operands of the same type. */
const COMPARABLE: ReadonlySet<ValueType> = new Set<ValueType>(['double', 'string', 'timestamp', 'timeinterval']);

/** Applies a binary operator to two evaluated operands, enforcing the docs' operand types. */
export function applyBinary(operator: BinaryOperator, left: Value, right: Value, position: SourcePosition): Value {
  const mismatch = (): Error =>
    evaluationError(`Operator '${operator}' is not defined for ${left.type} and ${right.type}`, position);
  switch (operator) {
    case '&&':
    case '||':
      if (left.type !== 'double' || right.type !== 'double') throw mismatch();
      return truth(operator === '&&' ? isTrue(left.value) && isTrue(right.value) : isTrue(left.value) || isTrue(right.value));
    case '<':
    case '<=':
    case '==':
    case '>=':
    case '>':
    case '!=':
      if (left.type !== right.type || !COMPARABLE.has(left.type)) throw mismatch();
      return truth(compare(operator, left.value as number | string, right.value as number | string));
    default:
      return arithmetic(operator, left, right, position, mismatch);
  }
}

function compare(operator: BinaryOperator, a: number | string, b: number | string): boolean {
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    default:
      return a !== b;
  }
}

function arithmetic(operator: Arithmetic, left: Value, right: Value, position: SourcePosition, mismatch: () => Error): Value {
  const rule = ARITHMETIC_RULES[operator].find(([l, r]) => l === left.type && r === right.type);
  if (rule === undefined) throw mismatch();
  const apply = ARITHMETIC[operator];
  if (left.type === 'doubleVec') {
    if (right.type === 'double') return doubleVec(left.value.map((item) => apply(item, right.value)));
    const other = right.value as readonly number[];
    if (other.length !== left.value.length) {
      throw evaluationError(`Operator '${operator}' needs doubleVecs of equal length, not ${left.value.length} and ${other.length}`, position);
    }
    return doubleVec(left.value.map((item, i) => apply(item, other[i] ?? Number.NaN)));
  }
  const result = apply(left.value as number, right.value as number);
  switch (rule[2]) {
    case 'timestamp':
      if (!(Math.abs(result) <= MAX_INSTANT)) throw evaluationError('The timestamp is out of range', position);
      return timestamp(result);
    case 'timeinterval':
      if (!Number.isFinite(result)) throw evaluationError('The timeinterval is out of range', position);
      return timeinterval(result);
    default:
      return double(result);
  }
}

/** Applies a unary operator: `-` to doubles and timeintervals, `!` to doubles only. */
export function applyUnary(operator: UnaryOperator, operand: Value, position: SourcePosition): Value {
  if (operand.type === 'double') return operator === '-' ? double(-operand.value) : truth(!isTrue(operand.value));
  if (operand.type === 'timeinterval' && operator === '-') return timeinterval(-operand.value);
  throw evaluationError(`Operator '${operator}' is not defined for ${operand.type}`, position);
}
