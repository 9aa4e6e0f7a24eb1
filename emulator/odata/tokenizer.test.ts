import { describe, expect, it } from 'vitest';
import { ODataError } from './errors.js';
import { Tokenizer, type Token } from './tokenizer.js';

function tokens(text: string): Token[] {
  const tokenizer = new Tokenizer(text);
  const out: Token[] = [];
  for (let token = tokenizer.next(); ; token = tokenizer.next()) {
    out.push(token);
    if (token.kind === 'end') return out;
  }
}

describe('Tokenizer', () => {
  it('splits punctuation, words, paths and literals with positions', () => {
    expect(tokens("startswith(a/b, 'x') eq -1.5")).toEqual([
      { kind: 'identifier', text: 'startswith', position: 0 },
      { kind: 'lparen', position: 10 },
      { kind: 'identifier', text: 'a/b', position: 11 },
      { kind: 'comma', position: 14 },
      { kind: 'string', value: 'x', position: 16 },
      { kind: 'rparen', position: 19 },
      { kind: 'identifier', text: 'eq', position: 21 },
      { kind: 'number', value: -1.5, text: '-1.5', position: 24 },
      { kind: 'end', position: 28 },
    ]);
  });

  it('reads datetime literals in both forms, stopping at a parenthesis', () => {
    expect(tokens("(2024-01-01T00:00:00Z)DateTime'2024-01-01'")).toEqual([
      { kind: 'lparen', position: 0 },
      { kind: 'datetime', value: Date.UTC(2024, 0, 1), text: '2024-01-01T00:00:00Z', position: 1 },
      { kind: 'rparen', position: 21 },
      { kind: 'datetime', value: Date.UTC(2024, 0, 1), text: '2024-01-01', position: 22 },
      { kind: 'end', position: 42 },
    ]);
  });

  it('does not mistake numbers for timestamps', () => {
    expect(tokens('2024')).toMatchObject([{ kind: 'number', value: 2024 }, { kind: 'end' }]);
    expect(tokens('-2024')).toMatchObject([{ kind: 'number', value: -2024 }, { kind: 'end' }]);
  });

  it('keeps a word named datetime that is not followed by a quote', () => {
    expect(tokens('datetime eq 1')[0]).toEqual({ kind: 'identifier', text: 'datetime', position: 0 });
  });

  it('reports errors lazily, at the token that has them', () => {
    const tokenizer = new Tokenizer('a #');
    expect(tokenizer.next()).toEqual({ kind: 'identifier', text: 'a', position: 0 });
    expect(() => tokenizer.next()).toThrow(new ODataError("Unexpected character '#'", 2));
  });
});
