import { describe, expect, it } from 'vitest';
import type { Expression } from './ast.js';
import { AutoscaleFormulaError, MAX_FORMULA_BYTES, MAX_STATEMENTS, parseFormula } from './index.js';

function parseError(text: string): AutoscaleFormulaError {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

/** Renders an expression tree with explicit parentheses so precedence is visible. */
function show(expression: Expression): string {
  switch (expression.kind) {
    case 'number':
      return String(expression.value);
    case 'string':
      return JSON.stringify(expression.value);
    case 'variable':
      return expression.name;
    case 'vector':
      return `[${expression.items.map(show).join(',')}]`;
    case 'unary':
      return `(${expression.operator}${show(expression.operand)})`;
    case 'binary':
      return `(${show(expression.left)} ${expression.operator} ${show(expression.right)})`;
    case 'ternary':
      return `(${show(expression.condition)} ? ${show(expression.whenTrue)} : ${show(expression.whenFalse)})`;
    case 'call':
      return `${expression.name}(${expression.args.map(show).join(',')})`;
    case 'method':
      return `${expression.variable}.${expression.method}(${expression.args.map(show).join(',')})`;
    case 'member':
      return `${show(expression.target)}.${expression.member}`;
  }
}

function tree(text: string): string {
  const [statement] = parseFormula(`x = ${text}`).statements;
  if (statement?.kind !== 'assign') throw new Error('expected an assignment');
  return show(statement.value);
}

describe('parseFormula: structure', () => {
  it('splits statements on semicolons, allowing a trailing one and blank statements', () => {
    const formula = parseFormula('a = 1;; $b = a;\n stop();');
    expect(formula.statements.map((s) => s.kind)).toEqual(['assign', 'assign', 'expression']);
    expect(formula.statements[1]).toMatchObject({ kind: 'assign', name: '$b', position: { line: 1, column: 9 } });
    expect(parseFormula('a = 1').statements).toHaveLength(1);
    expect(formula.text).toBe('a = 1;; $b = a;\n stop();');
  });

  it('binds operators by the usual precedence, loosest first: ?:, ||, &&, equality, relational, additive, multiplicative, unary', () => {
    expect(tree('1 + 2 * 3 - 4 / 5')).toBe('((1 + (2 * 3)) - (4 / 5))');
    expect(tree('a || b && c == d < e + f * -g')).toBe('(a || (b && (c == (d < (e + (f * (-g)))))))');
    expect(tree('a < b == c > d')).toBe('((a < b) == (c > d))');
    expect(tree('!a && !!b')).toBe('((!a) && (!(!b)))');
  });

  it('associates binary operators to the left and the ternary to the right', () => {
    expect(tree('8 - 4 - 2')).toBe('((8 - 4) - 2)');
    expect(tree('8 / 4 / 2')).toBe('((8 / 4) / 2)');
    expect(tree('a ? b : c ? d : e')).toBe('(a ? b : (c ? d : e))');
    expect(tree('a > 0 ? b + 1 : c || d')).toBe('((a > 0) ? (b + 1) : (c || d))');
  });

  it('reads calls, vectors, sample methods, members and parentheses', () => {
    expect(tree('max([1, 2], (3 + 4) * 5)')).toBe('max([1,2],((3 + 4) * 5))');
    expect(tree('$CPUPercent.GetSample(TimeInterval_Minute * 5, 90)')).toBe('$CPUPercent.GetSample((TimeInterval_Minute * 5),90)');
    expect(tree('time().weekday')).toBe('time().weekday');
    expect(tree('[]')).toBe('[]');
    expect(tree('$CurrentDedicated.Count()')).toBe('$CurrentDedicatedNodes.Count()');
  });
});

describe('parseFormula: syntax errors with positions', () => {
  const cases: [string, string, number, number, string][] = [
    ['a missing semicolon between statements', '$x = 1\n$y = 2;', 2, 1, "Expected ';' before '$y'"],
    ['an unclosed parenthesis', 'x = (1 + 2;', 1, 11, "Expected ')' but found ';'"],
    ['a dangling operator', 'x = 1 +;', 1, 8, "Unexpected ';'"],
    ['a ternary without its colon', 'x = a ? 1;', 1, 10, "Expected ':' but found ';'"],
    ['an empty right-hand side', '$TargetDedicatedNodes = ;', 1, 25, "Unexpected ';'"],
    ['a statement cut short', 'x = min(1,', 1, 11, 'Unexpected end of formula'],
    ['an unknown function', 'x = ceil(1.5);', 1, 5, "Unknown function 'ceil'"],
    ['an unknown method', 'x = $CPUPercent.GetAverage(1);', 1, 17, "Unknown method 'GetAverage'"],
    ['a method on a user variable', 'v = 1; x = v.Count();', 1, 14, "'Count' can only be called on a sampled service variable such as $CPUPercent"],
    ['an unknown timestamp member', 'x = time().millisecond;', 1, 12, "'millisecond' is not a timestamp member"],
    ['a missing member name', 'x = time().;', 1, 12, "Expected a member or method name after '.', found ';'"],
    ['too few arguments', 'x = val([1]);', 1, 5, "'val' takes 2 arguments, not 1"],
    ['too many arguments', 'x = rand(1);', 1, 5, "'rand' takes 0 arguments, not 1"],
    ['an empty doubleVecList', 'x = avg();', 1, 5, "'avg' takes at least 1 argument, not 0"],
    ['a method with too many arguments', 'x = $CPUPercent.GetSample(1, 2, 3, 4);', 1, 17, "'GetSample' takes 1 to 3 arguments, not 4"],
    ['an assignment to a read-only variable', '$ActiveTasks = 3;', 1, 1, "'$ActiveTasks' is read-only and cannot be assigned"],
    ['an assignment to a constant', 'x = 1;\n  TimeInterval_Minute = 2;', 2, 3, "'TimeInterval_Minute' is read-only and cannot be assigned"],
    ['an assignment to a deallocation word', 'requeue = 1;', 1, 1, "'requeue' is read-only and cannot be assigned"],
    ['a chained assignment', 'a = b = 1;', 1, 7, "Expected ';' before '='"],
    ['a formula of only comments', '// nothing here\n', 2, 1, 'The formula has no statements'],
    ['an empty formula', '  ', 1, 3, 'The formula has no statements'],
  ];

  it.each(cases)('reports %s', (_name, text, line, column, detail) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(AutoscaleFormulaError);
    expect(error.code).toBe('AutoScalingFormulaSyntaxError');
    expect(error.message).toBe('The specified auto-scaling formula has a syntax error.');
    expect(error.position).toEqual({ line, column });
    expect(error.values).toEqual([{ key: 'Message', value: `Line ${line}, Col ${column}: ${detail}` }]);
  });

  it('refuses pathological nesting instead of overflowing the stack', () => {
    const error = parseError(`x = ${'('.repeat(1000)}1${')'.repeat(1000)};`);
    expect(error.detail).toBe('The expression is nested too deeply');
    expect(parseError(`x = ${'-'.repeat(1000)}1;`).code).toBe('AutoScalingFormulaSyntaxError');
  });
});

describe('parseFormula: the service limits', () => {
  it('accepts exactly 8 KB and rejects one byte more, counting UTF-8 bytes', () => {
    expect(MAX_FORMULA_BYTES).toBe(8192);
    const fits = `x = 1;${' '.repeat(MAX_FORMULA_BYTES - 6)}`;
    expect(Buffer.byteLength(fits)).toBe(8192);
    expect(parseFormula(fits).statements).toHaveLength(1);

    const tooLong = parseError(`${fits} `);
    expect(tooLong.code).toBe('AutoScalingFormulaTooLong');
    expect(tooLong.message).toBe('The specified auto-scaling formula exceeds lengths limit.');
    expect(tooLong.position).toBeUndefined();
    expect(tooLong.values).toEqual([{ key: 'Message', value: 'The formula is 8193 bytes long; at most 8192 are allowed' }]);

    const multiByte = `x = 1; // ${'é'.repeat(4092)}`;
    expect(multiByte.length).toBeLessThan(8192);
    expect(parseError(multiByte).code).toBe('AutoScalingFormulaTooLong');
  });

  it('accepts 100 statements and rejects the 101st where it starts', () => {
    expect(MAX_STATEMENTS).toBe(100);
    const statements = Array.from({ length: 100 }, (_, i) => `v${i} = ${i};`);
    expect(parseFormula(statements.join('\n')).statements).toHaveLength(100);
    const error = parseError([...statements, 'extra = 1;'].join('\n'));
    expect(error.code).toBe('AutoScalingFormulaTooLong');
    expect(error.position).toEqual({ line: 101, column: 1 });
  });
});
