import type { SourcePosition } from './errors.js';

/** Binary operators of the language, in the docs' operator table. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '==' | '>=' | '>' | '!=' | '&&' | '||';

/** Unary operators: negation of doubles and timeintervals, logical not of doubles. */
export type UnaryOperator = '-' | '!';

/** The members of a timestamp value. */
export type TimestampMember = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second';

/** The methods every sampled service variable offers. */
export type SampleMethod = 'GetSample' | 'GetSamplePercent' | 'GetSamplePeriod' | 'Count' | 'HistoryBeginTime';

/** An expression; `position` is where it starts (for operators, where the operator is). */
export type Expression =
  | { kind: 'number'; value: number; position: SourcePosition }
  | { kind: 'string'; value: string; position: SourcePosition }
  | { kind: 'variable'; name: string; position: SourcePosition }
  | { kind: 'vector'; items: Expression[]; position: SourcePosition }
  | { kind: 'unary'; operator: UnaryOperator; operand: Expression; position: SourcePosition }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; position: SourcePosition }
  | { kind: 'ternary'; condition: Expression; whenTrue: Expression; whenFalse: Expression; position: SourcePosition }
  | { kind: 'call'; name: string; args: Expression[]; position: SourcePosition }
  | { kind: 'method'; variable: string; method: SampleMethod; args: Expression[]; position: SourcePosition }
  | { kind: 'member'; target: Expression; member: TimestampMember; position: SourcePosition };

/** One statement: an assignment, or an expression evaluated for its effect (such as `stop()`). */
export type Statement =
  | { kind: 'assign'; name: string; value: Expression; position: SourcePosition }
  | { kind: 'expression'; value: Expression; position: SourcePosition };

/** A parsed formula: its statements in order, and the text they came from. */
export interface Formula {
  readonly text: string;
  readonly statements: readonly Statement[];
}
