import type { ComparisonOperator, FilterNode, LiteralNode } from './ast.js';
import { ODataError } from './errors.js';
import { Tokenizer, type Token } from './tokenizer.js';

/** Longest $filter accepted; longer ones are rejected before tokenizing. */
export const MAX_FILTER_LENGTH = 4096;

/** Deepest nesting of parentheses, `not` and function calls; guards the recursive parser's stack. */
export const MAX_NESTING_DEPTH = 100;

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const RESERVED_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', ...COMPARISON_OPERATORS]);
// OData operators that Batch does not support; named so the error says "unsupported" rather than "unexpected".
const UNSUPPORTED_OPERATORS: ReadonlySet<string> = new Set(['add', 'sub', 'mul', 'div', 'divby', 'mod', 'has', 'in']);
const LAMBDA_OPERATORS: ReadonlySet<string> = new Set(['any', 'all']);

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'comma':
      return "','";
    case 'end':
      return 'end of filter';
    case 'string':
      return `string literal '${token.value}'`;
    case 'number':
    case 'datetime':
    case 'identifier':
      return `'${token.text}'`;
  }
}

/** Recursive-descent parser over the token list: or < and < not < comparison < primary. */
class Parser {
  private current: Token;
  private depth = 0;

  constructor(private readonly tokens: Tokenizer) {
    this.current = tokens.next();
  }

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw this.unexpected(next, 'after the end of the expression');
    return node;
  }

  private peek(): Token {
    return this.current;
  }

  private advance(): Token {
    const token = this.current;
    if (token.kind !== 'end') this.current = this.tokens.next();
    return token;
  }

  private peekWord(): string | undefined {
    const token = this.peek();
    return token.kind === 'identifier' ? token.text.toLowerCase() : undefined;
  }

  private unexpected(token: Token, where: string): ODataError {
    if (token.kind === 'rparen') return new ODataError("Unmatched ')'", token.position);
    if (token.kind === 'identifier' && UNSUPPORTED_OPERATORS.has(token.text.toLowerCase())) {
      return new ODataError(`Unsupported operator '${token.text}'`, token.position);
    }
    return new ODataError(`Unexpected ${describeToken(token)} ${where}`, token.position);
  }

  /** Parses one nested construct, refusing to recurse deeper than MAX_NESTING_DEPTH. */
  private nested<T>(position: number, parse: () => T): T {
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new ODataError(`Filter is nested more than ${MAX_NESTING_DEPTH} levels deep`, position);
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.peekWord() === 'or') {
      const { position } = this.advance();
      left = { kind: 'or', left, right: this.parseAnd(), position };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.peekWord() === 'and') {
      const { position } = this.advance();
      left = { kind: 'and', left, right: this.parseNot(), position };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.peekWord() === 'not') {
      const { position } = this.advance();
      return { kind: 'not', operand: this.nested(position, () => this.parseNot()), position };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const left = this.parsePrimary();
    const word = this.peekWord();
    if (word === undefined || !COMPARISON_OPERATORS.has(word)) return left;
    const { position } = this.advance();
    const right = this.parsePrimary();
    const after = this.peekWord();
    if (after !== undefined && COMPARISON_OPERATORS.has(after)) {
      throw new ODataError(`Chained comparison '${after}' needs parentheses`, this.peek().position);
    }
    return { kind: 'comparison', op: word as ComparisonOperator, left, right, position };
  }

  private parsePrimary(): FilterNode {
    const token = this.advance();
    switch (token.kind) {
      case 'lparen': {
        const inner = this.nested(token.position, () => this.parseOr());
        const close = this.peek();
        if (close.kind === 'end') throw new ODataError("Missing ')' to close '('", token.position);
        if (close.kind !== 'rparen') throw this.unexpected(close, "where ')' was expected");
        this.advance();
        return inner;
      }
      case 'string':
        return { kind: 'literal', type: 'string', value: token.value, position: token.position };
      case 'number':
        return { kind: 'literal', type: 'number', value: token.value, position: token.position };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: token.value, text: token.text, position: token.position };
      case 'identifier':
        return this.parseWord(token.text, token.position);
      default:
        throw new ODataError(`Expected a property or literal but found ${describeToken(token)}`, token.position);
    }
  }

  private parseWord(text: string, position: number): FilterNode {
    const word = text.toLowerCase();
    if (this.peek().kind === 'lparen') return this.parseCall(text, position);
    const literal = keywordLiteral(word, position);
    if (literal) return literal;
    if (RESERVED_WORDS.has(word) || UNSUPPORTED_OPERATORS.has(word)) {
      throw new ODataError(`Expected a property or literal but found '${text}'`, position);
    }
    return { kind: 'property', path: text, segments: text.split('/'), position };
  }

  private parseCall(name: string, position: number): FilterNode {
    const segments = name.split('/');
    const last = (segments[segments.length - 1] ?? '').toLowerCase();
    if (segments.length > 1 && LAMBDA_OPERATORS.has(last)) {
      throw new ODataError(`Unsupported lambda operator '${segments[segments.length - 1]}' in '${name}'`, position);
    }
    if (name.toLowerCase() !== 'startswith') throw new ODataError(`Unsupported function '${name}'`, position);
    const open = this.advance();
    const args: FilterNode[] = [];
    for (;;) {
      args.push(this.nested(position, () => this.parseOr()));
      const next = this.peek();
      if (next.kind === 'comma') {
        this.advance();
      } else if (next.kind === 'rparen') {
        this.advance();
        break;
      } else if (next.kind === 'end') {
        throw new ODataError(`Missing ')' to close '${name}('`, open.position);
      } else {
        throw this.unexpected(next, `in the arguments of '${name}'`);
      }
    }
    const [first, second] = args;
    if (args.length !== 2 || first === undefined || second === undefined) {
      throw new ODataError(`Function '${name}' takes 2 arguments but was given ${args.length}`, position);
    }
    return { kind: 'call', name: 'startswith', args: [first, second], position };
  }
}

function keywordLiteral(word: string, position: number): LiteralNode | undefined {
  if (word === 'true' || word === 'false') return { kind: 'literal', type: 'boolean', value: word === 'true', position };
  if (word === 'null') return { kind: 'literal', type: 'null', value: null, position };
  return undefined;
}

/** Parses a $filter expression into its syntax tree (syntax only: properties and types are not checked). */
export function parseFilter(text: string): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new ODataError(`Filter is ${text.length} characters long; the limit is ${MAX_FILTER_LENGTH}`);
  }
  if (text.trim() === '') throw new ODataError('Filter is empty');
  return new Parser(new Tokenizer(text)).parse();
}
