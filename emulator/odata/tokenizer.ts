import { parseIsoInstant } from './datetime.js';
import { ODataError } from './errors.js';

/** A lexical token of a $filter expression; `position` is its 0-based character offset. */
export type Token =
  | { readonly kind: 'lparen' | 'rparen' | 'comma' | 'end'; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'datetime'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'identifier'; readonly text: string; readonly position: number };

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Characters that may appear in a bare ISO-8601 timestamp after its leading digits. */
function isTimestampPart(code: number): boolean {
  // digits, '-', ':', '.', '+', 'T', 't', 'Z', 'z'
  return (
    isDigit(code) ||
    code === 45 ||
    code === 58 ||
    code === 46 ||
    code === 43 ||
    code === 84 ||
    code === 116 ||
    code === 90 ||
    code === 122
  );
}

/** Reads a single-quoted string starting at `start` (the opening quote); `''` is an escaped quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0) throw new ODataError('Unterminated string literal', start);
    value += text.slice(i, close);
    if (text.charCodeAt(close + 1) === 39) {
      value += "'";
      i = close + 2;
    } else {
      return { value, end: close + 1 };
    }
  }
}

function datetimeToken(text: string, position: number): Token {
  const value = parseIsoInstant(text);
  if (value === undefined) throw new ODataError(`Invalid datetime literal '${text}'`, position);
  return { kind: 'datetime', value, text, position };
}

function startsTimestamp(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    isDigit(text.charCodeAt(i + 3)) &&
    text.charCodeAt(i + 4) === 45 &&
    isDigit(text.charCodeAt(i + 5))
  );
}

function readNumber(text: string, start: number): { token: Token; end: number } {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  while (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 69 || e === 101) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  const raw = text.slice(start, i);
  const value = Number(raw);
  if (isIdentifierPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46 || !Number.isFinite(value)) {
    let end = i;
    while (end < text.length && (isIdentifierPart(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end++;
    throw new ODataError(`Invalid number literal '${text.slice(start, end)}'`, start);
  }
  return { token: { kind: 'number', value, text: raw, position: start }, end: i };
}

/** Reads an identifier or a `/`-separated property path starting at `start`. */
function readPath(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (isIdentifierPart(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 47) return i;
    if (!isIdentifierStart(text.charCodeAt(i + 1))) {
      throw new ODataError(`Invalid property path '${text.slice(start, i + 1)}'`, start);
    }
    i++;
  }
}

/** Reads $filter tokens on demand, so the first error reported is the leftmost one the parser reaches. */
export class Tokenizer {
  private index = 0;

  constructor(private readonly text: string) {}

  /** Returns the next token, or an `end` token once the text is used up. */
  next(): Token {
    const text = this.text;
    let i = this.index;
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    const { token, end } = i < text.length ? readToken(text, i) : { token: { kind: 'end', position: i } as const, end: i };
    this.index = end;
    return token;
  }
}

function readToken(text: string, i: number): { token: Token; end: number } {
  const code = text.charCodeAt(i);
  if (code === 40) return { token: { kind: 'lparen', position: i }, end: i + 1 };
  if (code === 41) return { token: { kind: 'rparen', position: i }, end: i + 1 };
  if (code === 44) return { token: { kind: 'comma', position: i }, end: i + 1 };
  if (code === 39) {
    const { value, end } = readQuoted(text, i);
    return { token: { kind: 'string', value, position: i }, end };
  }
  if (startsTimestamp(text, i)) {
    let end = i;
    while (end < text.length && isTimestampPart(text.charCodeAt(end))) end++;
    return { token: datetimeToken(text.slice(i, end), i), end };
  }
  if (isDigit(code) || (code === 45 && isDigit(text.charCodeAt(i + 1)))) return readNumber(text, i);
  if (isIdentifierStart(code)) {
    const end = readPath(text, i);
    const word = text.slice(i, end);
    if (word.toLowerCase() === 'datetime' && text.charCodeAt(end) === 39) {
      const quoted = readQuoted(text, end);
      return { token: datetimeToken(quoted.value, i), end: quoted.end };
    }
    return { token: { kind: 'identifier', text: word, position: i }, end };
  }
  throw new ODataError(`Unexpected character '${text[i] ?? ''}'`, i);
}
