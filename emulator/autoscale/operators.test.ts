import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError, evaluateFormula } from './index.js';
import { inputs } from './testInputs.js';

/** Evaluates one expression and returns how the service would list its value. */
function value(expression: string): string {
  const { results } = evaluateFormula(`r = ${expression};`, inputs());
  const listed = results.split(';').find((entry) => entry.startsWith('r='));
  if (listed === undefined) throw new Error(`r missing from ${results}`);
  return listed.slice(2);
}

function failure(expression: string): AutoscaleFormulaError {
  try {
    evaluateFormula(`r = ${expression};`, inputs());
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

/** One literal of each type the operators deal with. */
const SAMPLES: Record<string, string> = {
  double: '6',
  doubleVec: '[2,4]',
  string: '"b"',
  timestamp: 'time("2024-01-15T10:00:00Z")',
  timeinterval: 'TimeInterval_Minute',
};

describe('arithmetic operators, per the operator table', () => {
  it.each([
    ['6 + 3', '9'],
    ['6 - 3', '3'],
    ['6 * 3', '18'],
    ['6 / 4', '1.5'],
    ['1 / 3', '0.333333333333333'],
    ['[2,4] + 1', '[3,5]'],
    ['[2,4] - 1', '[1,3]'],
    ['[2,4] * 3', '[6,12]'],
    ['[2,4] / 2', '[1,2]'],
    ['[2,4] + [1,1]', '[3,5]'],
    ['[2,4] - [1,1]', '[1,3]'],
    ['[2,4] * [3,2]', '[6,8]'],
    ['[2,4] / [2,4]', '[1,1]'],
    ['5 * TimeInterval_Minute', '00:05:00'],
    ['TimeInterval_Hour * 1.5', '01:30:00'],
    ['TimeInterval_Hour / 4', '00:15:00'],
    ['TimeInterval_Day + TimeInterval_Hour', '1.01:00:00'],
    ['TimeInterval_Minute - TimeInterval_Hour', '-00:59:00'],
    ['TimeInterval_Hour + time("2024-01-15T10:00:00Z")', '2024-01-15T11:00:00.000Z'],
    ['time("2024-01-15T10:00:00Z") + TimeInterval_Week', '2024-01-22T10:00:00.000Z'],
    ['time("2024-01-15T10:00:00Z") + (-6 * TimeInterval_Hour)', '2024-01-15T04:00:00.000Z'],
    ['time("2024-01-15T10:00:00Z") - time("2024-01-14T09:30:00Z")', '1.00:30:00'],
  ])('%s = %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('divides by zero as IEEE doubles do; only a target assignment rejects the result', () => {
    expect(value('1 / 0')).toBe('Infinity');
    expect(value('-1 / 0')).toBe('-Infinity');
    expect(value('0 / 0')).toBe('NaN');
  });

  it('needs doubleVecs of equal length', () => {
    const error = failure('[1,2] + [1,2,3]');
    expect(error.code).toBe('AutoScalingFormulaEvaluationError');
    expect(error.detail).toBe("Operator '+' needs doubleVecs of equal length, not 2 and 3");
    expect(error.position).toEqual({ line: 1, column: 11 });
  });
});

describe('unary operators', () => {
  it.each([
    ['-6', '-6'],
    ['--6', '6'],
    ['!0', '1'],
    ['!2', '0'],
    ['!!5', '1'],
    ['-TimeInterval_Second', '-00:00:01'],
    ['-(2 * TimeInterval_Day)', '-2.00:00:00'],
  ])('%s = %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it.each([
    ['-[1,2]', "Operator '-' is not defined for doubleVec"],
    ['!TimeInterval_Second', "Operator '!' is not defined for timeinterval"],
    ['-"a"', "Operator '-' is not defined for string"],
    ['!time()', "Operator '!' is not defined for timestamp"],
  ])('%s is an evaluation error', (expression, detail) => {
    const error = failure(expression);
    expect(error.code).toBe('AutoScalingFormulaEvaluationError');
    expect(error.detail).toBe(detail);
  });
});

describe('comparison and logical operators', () => {
  it.each([
    ['2 < 3', '1'],
    ['3 < 3', '0'],
    ['3 <= 3', '1'],
    ['3 == 3', '1'],
    ['3 != 3', '0'],
    ['4 >= 3', '1'],
    ['4 > 5', '0'],
    ['"abc" < "abd"', '1'],
    ['"a" == "a"', '1'],
    ['"B" < "a"', '1'],
    ['taskcompletion == "taskcompletion"', '1'],
    ['time("2024-01-15T10:00:00Z") < time()', '0'],
    ['time("2024-01-15T10:00:00Z") == time()', '1'],
    ['TimeInterval_Hour > 59 * TimeInterval_Minute', '1'],
    ['TimeInterval_Hour != 60 * TimeInterval_Minute', '0'],
    ['1 && 2', '1'],
    ['1 && 0', '0'],
    ['0 || 0', '0'],
    ['0 || -1', '1'],
  ])('%s = %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('skips the right operand of && and || once the left one decides', () => {
    expect(value('0 && $CPUPercent.GetSample(10 * TimeInterval_Minute, 100)')).toBe('0');
    expect(value('1 || undefinedName')).toBe('1');
    expect(failure('1 && undefinedName').detail).toBe("'undefinedName' is not defined");
  });

  it('takes nonzero as true in the ternary and evaluates only the chosen branch', () => {
    expect(value('2 ? 10 : 20')).toBe('10');
    expect(value('0 ? 10 : 20')).toBe('20');
    expect(value('-0.5 ? "yes" : "no"')).toBe('yes');
    expect(value('1 ? 10 : undefinedName')).toBe('10');
    const error = failure('[1] ? 1 : 2');
    expect(error.detail).toBe("The condition of '?:' must be a double, not doubleVec");
    expect(error.position).toEqual({ line: 1, column: 5 });
  });
});

describe('operand types outside the table', () => {
  /** The supported pairings, transcribed from the docs' operator table. */
  const SUPPORTED = new Set([
    'double + double', 'double - double', 'double * double', 'double / double',
    'double * timeinterval',
    'doubleVec + double', 'doubleVec - double', 'doubleVec * double', 'doubleVec / double',
    'doubleVec + doubleVec', 'doubleVec - doubleVec', 'doubleVec * doubleVec', 'doubleVec / doubleVec',
    'timeinterval * double', 'timeinterval / double',
    'timeinterval + timeinterval', 'timeinterval - timeinterval',
    'timeinterval + timestamp', 'timestamp + timeinterval', 'timestamp - timestamp',
    ...['<', '<=', '==', '>=', '>', '!='].flatMap((op) =>
      ['double', 'string', 'timestamp', 'timeinterval'].map((type) => `${type} ${op} ${type}`),
    ),
    'double && double', 'double || double',
  ]);
  const operators = ['+', '-', '*', '/', '<', '<=', '==', '>=', '>', '!=', '&&', '||'];
  const types = Object.keys(SAMPLES);
  const combinations = operators.flatMap((op) => types.flatMap((left) => types.map((right) => [left, op, right] as const)));

  it('covers every pairing: the table ones evaluate, the rest are evaluation errors naming the operator', () => {
    let rejected = 0;
    for (const [left, op, right] of combinations) {
      const expression = `${SAMPLES[left]} ${op} ${SAMPLES[right]}`;
      if (SUPPORTED.has(`${left} ${op} ${right}`)) {
        expect(() => value(expression), expression).not.toThrow();
        continue;
      }
      // && and || stop at a false or true left double, so give them one that does not decide.
      const leftOperand = left === 'double' && (op === '&&' || op === '||') ? (op === '&&' ? '1' : '0') : SAMPLES[left];
      const error = failure(`${leftOperand} ${op} ${SAMPLES[right]}`);
      expect(error.code, expression).toBe('AutoScalingFormulaEvaluationError');
      expect(error.detail, expression).toBe(`Operator '${op}' is not defined for ${left} and ${right}`);
      rejected += 1;
    }
    expect(rejected).toBe(combinations.length - SUPPORTED.size);
  });

  it('reports where the operator is', () => {
    const error = failure('1 +\n   "a"');
    expect(error.position).toEqual({ line: 1, column: 7 });
    expect(error.values[0]?.value).toBe("Line 1, Col 7: Operator '+' is not defined for double and string");
  });
});
