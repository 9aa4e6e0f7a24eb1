import type { BinaryOperator, Expression, Formula, SampleMethod, Statement, TimestampMember } from './ast.js';
import { AutoscaleErrorCode, AutoscaleFormulaError, syntaxError } from './errors.js';
import {
  FUNCTION_ARITY,
  isReservedName,
  METHOD_ARITY,
  READ_ONLY_ALIASES,
  READ_ONLY_VARIABLES,
  TIMESTAMP_MEMBERS,
} from './names.js';
import { describeToken, type SymbolText, type Token, tokenize } from './tokenizer.js';

/** The service's limit on a formula's size, in bytes of UTF-8. */
export const MAX_FORMULA_BYTES = 8192;

/** The service's limit on the number of statements in a formula. */
export const MAX_STATEMENTS = 100;

/** Guards the recursive-descent parser against stack exhaustion on pathological nesting. */
const MAX_NESTING = 200;

/** Binary operator levels from loosest to tightest binding; all are left-associative. */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
];

/** Parses formula text into statements, checking syntax, names and argument counts; never evaluates. */
export function parseFormula(text: string): Formula {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FORMULA_BYTES) {
    throw new AutoscaleFormulaError(AutoscaleErrorCode.tooLong, `The formula is ${bytes} bytes long; at most ${MAX_FORMULA_BYTES} are allowed`);
  }
  const statements = new Parser(tokenize(text)).statements();
  return { text, statements };
}

class Parser {
  private index = 0;
  private depth = 0;
  private readonly end: Token;

  constructor(private readonly tokens: readonly Token[]) {
    this.end = tokens[tokens.length - 1] ?? { kind: 'end', position: { line: 1, column: 1 } };
  }

  statements(): Statement[] {
    const statements: Statement[] = [];
    while (this.peek().kind !== 'end') {
      if (this.accept(';')) continue;
      const statement = this.statement();
      statements.push(statement);
      if (statements.length > MAX_STATEMENTS) {
        throw new AutoscaleFormulaError(
          AutoscaleErrorCode.tooLong,
          `The formula has more than ${MAX_STATEMENTS} statements`,
          statement.position,
        );
      }
      const next = this.peek();
      if (next.kind !== 'end' && !this.accept(';')) throw syntaxError(`Expected ';' before ${describeToken(next)}`, next.position);
    }
    if (statements.length === 0) throw syntaxError('The formula has no statements', this.peek().position);
    return statements;
  }

  private statement(): Statement {
    const first = this.peek();
    const second = this.tokens[this.index + 1];
    if (first.kind === 'identifier' && second?.kind === 'symbol' && second.symbol === '=') {
      if (isReservedName(first.name)) throw syntaxError(`'${first.name}' is read-only and cannot be assigned`, first.position);
      this.index += 2;
      return { kind: 'assign', name: first.name, value: this.expression(), position: first.position };
    }
    return { kind: 'expression', value: this.expression(), position: first.position };
  }

  private expression(): Expression {
    this.depth += 1;
    if (this.depth > MAX_NESTING) throw syntaxError('The expression is nested too deeply', this.peek().position);
    const condition = this.binary(0);
    let result = condition;
    const question = this.peek();
    if (this.accept('?')) {
      const whenTrue = this.expression();
      this.expect(':');
      const whenFalse = this.expression();
      result = { kind: 'ternary', condition, whenTrue, whenFalse, position: question.position };
    }
    this.depth -= 1;
    return result;
  }

  private binary(level: number): Expression {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      const operator = token.kind === 'symbol' ? operators.find((candidate) => candidate === token.symbol) : undefined;
      if (operator === undefined) return left;
      this.index += 1;
      const right = this.binary(level + 1);
      left = { kind: 'binary', operator, left, right, position: token.position };
    }
  }

  private unary(): Expression {
    const token = this.peek();
    if (token.kind === 'symbol' && (token.symbol === '-' || token.symbol === '!')) {
      this.index += 1;
      this.depth += 1;
      if (this.depth > MAX_NESTING) throw syntaxError('The expression is nested too deeply', token.position);
      const operand = this.unary();
      this.depth -= 1;
      return { kind: 'unary', operator: token.symbol, operand, position: token.position };
    }
    return this.postfix();
  }

  private postfix(): Expression {
    let target = this.primary();
    while (this.peek().kind === 'symbol' && this.accept('.')) {
      const name = this.peek();
      if (name.kind !== 'identifier') throw syntaxError(`Expected a member or method name after '.', found ${describeToken(name)}`, name.position);
      this.index += 1;
      if (this.accept('(')) {
        target = this.method(target, name.name, name.position);
      } else if (TIMESTAMP_MEMBERS.has(name.name)) {
        target = { kind: 'member', target, member: name.name as TimestampMember, position: name.position };
      } else {
        throw syntaxError(`'${name.name}' is not a timestamp member`, name.position);
      }
    }
    return target;
  }

  private method(target: Expression, name: string, position: Token['position']): Expression {
    const arity = (METHOD_ARITY as Record<string, readonly [number, number]>)[name];
    if (arity === undefined) throw syntaxError(`Unknown method '${name}'`, position);
    if (target.kind !== 'variable' || !(READ_ONLY_VARIABLES.has(target.name) || target.name in READ_ONLY_ALIASES)) {
      throw syntaxError(`'${name}' can only be called on a sampled service variable such as $CPUPercent`, position);
    }
    const args = this.list(')');
    checkArity(name, args.length, arity, position);
    const variable = READ_ONLY_ALIASES[target.name] ?? target.name;
    return { kind: 'method', variable, method: name as SampleMethod, args, position: target.position };
  }

  private primary(): Expression {
    const token = this.peek();
    this.index += 1;
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, position: token.position };
      case 'string':
        return { kind: 'string', value: token.value, position: token.position };
      case 'identifier': {
        if (!this.accept('(')) return { kind: 'variable', name: token.name, position: token.position };
        const arity = FUNCTION_ARITY[token.name];
        if (arity === undefined) throw syntaxError(`Unknown function '${token.name}'`, token.position);
        const args = this.list(')');
        checkArity(token.name, args.length, arity, token.position);
        return { kind: 'call', name: token.name, args, position: token.position };
      }
      case 'symbol':
        if (token.symbol === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.symbol === '[') return { kind: 'vector', items: this.list(']'), position: token.position };
        break;
      case 'end':
        break;
    }
    throw syntaxError(`Unexpected ${describeToken(token)}`, token.position);
  }

  /** Reads comma-separated expressions up to `close`; the opening bracket was already consumed. */
  private list(close: SymbolText): Expression[] {
    const items: Expression[] = [];
    if (this.accept(close)) return items;
    do items.push(this.expression());
    while (this.accept(','));
    this.expect(close);
    return items;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.end;
  }

  private accept(symbol: SymbolText): boolean {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.symbol !== symbol) return false;
    this.index += 1;
    return true;
  }

  private expect(symbol: SymbolText): void {
    const token = this.peek();
    if (!this.accept(symbol)) throw syntaxError(`Expected '${symbol}' but found ${describeToken(token)}`, token.position);
  }
}

function checkArity(name: string, count: number, [min, max]: readonly [number, number], position: Token['position']): void {
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  const noun = (max === Infinity ? min : max) === 1 ? 'argument' : 'arguments';
  throw syntaxError(`'${name}' takes ${expected} ${noun}, not ${count}`, position);
}
