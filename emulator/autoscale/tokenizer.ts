import { type SourcePosition, syntaxError } from './errors.js';

/** Punctuation and operators of the formula language, longest first so `<=` wins over `<`. */
const SYMBOLS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '!', '?', ':', '=', '(', ')', '[', ']', ',', '.', ';'] as const;

/** One of the language's operator or punctuation symbols. */
export type SymbolText = (typeof SYMBOLS)[number];

/** A lexical token with the position of its first character. */
export type Token =
  | { kind: 'number'; value: number; text: string; position: SourcePosition }
  | { kind: 'string'; value: string; position: SourcePosition }
  | { kind: 'identifier'; name: string; position: SourcePosition }
  | { kind: 'symbol'; symbol: SymbolText; position: SourcePosition }
  | { kind: 'end'; position: SourcePosition };

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits formula text into tokens; whitespace, line breaks and `//` comments separate tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): SourcePosition => ({ line, column: index - lineStart + 1 });

  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '\n') {
      index += 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
      continue;
    }
    const position = here();
    if (char === '"') {
      const close = text.indexOf('"', index + 1);
      const newline = text.indexOf('\n', index + 1);
      if (close === -1 || (newline !== -1 && newline < close)) throw syntaxError('Unterminated string literal', position);
      tokens.push({ kind: 'string', value: text.slice(index + 1, close), position });
      index = close + 1;
      continue;
    }
    const number = /\d|\./.test(char) ? NUMBER.exec(text.slice(index)) : null;
    if (number) {
      const literal = number[0];
      if (IDENTIFIER_START.test(text[index + literal.length] ?? '')) {
        throw syntaxError(`Invalid number '${literal}${text[index + literal.length] ?? ''}'`, position);
      }
      tokens.push({ kind: 'number', value: Number(literal), text: literal, position });
      index += literal.length;
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      let end = index + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end] ?? '')) end += 1;
      const name = text.slice(index, end);
      if (name === '$') throw syntaxError("Expected a variable name after '$'", position);
      tokens.push({ kind: 'identifier', name, position });
      index = end;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index));
    if (symbol === undefined) throw syntaxError(`Unexpected character '${char}'`, position);
    tokens.push({ kind: 'symbol', symbol, position });
    index += symbol.length;
  }
  tokens.push({ kind: 'end', position: here() });
  return tokens;
}

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `'${token.text}'`;
    case 'string':
      return `"${token.value}"`;
    case 'identifier':
      return `'${token.name}'`;
    case 'symbol':
      return `'${token.symbol}'`;
    case 'end':
      return 'end of formula';
  }
}
