import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';

function kinds(text: string): string[] {
  return tokenize(text).map((token: Token) => {
    switch (token.kind) {
      case 'number':
        return `n:${token.value}`;
      case 'string':
        return `s:${token.value}`;
      case 'identifier':
        return `i:${token.name}`;
      case 'symbol':
        return token.symbol;
      case 'end':
        return 'end';
    }
  });
}

function tokenError(text: string): AutoscaleFormulaError {
  try {
    tokenize(text);
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to tokenize`);
}

describe('tokenize', () => {
  it('reads variables, numbers, strings and every operator', () => {
    expect(kinds('$x=a.b(1.5,"s")?[2e3,.5]:!-c')).toEqual([
      'i:$x', '=', 'i:a', '.', 'i:b', '(', 'n:1.5', ',', 's:s', ')', '?', '[', 'n:2000', ',', 'n:0.5', ']', ':', '!', '-', 'i:c', 'end',
    ]);
    expect(kinds('a<=b>=c==d!=e<f>g&&h||i+j*k/l;')).toEqual([
      'i:a', '<=', 'i:b', '>=', 'i:c', '==', 'i:d', '!=', 'i:e', '<', 'i:f', '>', 'i:g', '&&', 'i:h', '||', 'i:i', '+', 'i:j', '*', 'i:k', '/', 'i:l', ';', 'end',
    ]);
  });

  it('tracks lines and columns across line breaks and skips // comments', () => {
    const tokens = tokenize('// note\n  $a = 1; // trailing\n\tb');
    expect(tokens.map((token) => token.position)).toEqual([
      { line: 2, column: 3 },
      { line: 2, column: 6 },
      { line: 2, column: 8 },
      { line: 2, column: 9 },
      { line: 3, column: 2 },
      { line: 3, column: 3 },
    ]);
  });

  it('handles CRLF line endings', () => {
    expect(tokenize('a;\r\nb').map((token) => token.position)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
    ]);
  });

  it('reports unexpected characters where they are', () => {
    const error = tokenError('a = 1;\nb = 2 % 3;');
    expect(error.code).toBe('AutoScalingFormulaSyntaxError');
    expect(error.position).toEqual({ line: 2, column: 7 });
    expect(error.values).toEqual([{ key: 'Message', value: "Line 2, Col 7: Unexpected character '%'" }]);
  });

  it('rejects unterminated strings, malformed numbers and a lone dollar sign', () => {
    expect(tokenError('time("2024-01-01').detail).toBe('Unterminated string literal');
    expect(tokenError('x = "a\nb"').position).toEqual({ line: 1, column: 5 });
    expect(tokenError('x = 12abc').detail).toBe("Invalid number '12a'");
    expect(tokenError('x = $ + 1').detail).toBe("Expected a variable name after '$'");
  });

  it('does not read a single & or | as an operator', () => {
    expect(tokenError('a & b').detail).toBe("Unexpected character '&'");
    expect(tokenError('a | b').position).toEqual({ line: 1, column: 3 });
  });
});
