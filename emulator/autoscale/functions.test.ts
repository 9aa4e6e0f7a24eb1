import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError, evaluateFormula } from './index.js';
import { inputs, MONDAY_10AM, seededRandom } from './testInputs.js';

function value(expression: string, random?: () => number): string {
  const { results } = evaluateFormula(`r = ${expression};`, inputs(random ? { random } : {}));
  return results.slice(results.indexOf(';r=') + 3);
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

describe('doubleVecList functions', () => {
  it.each([
    ['avg(1, 2, 6)', '3'],
    ['avg([1,2,3])', '2'],
    ['avg([1,2,3], 7)', '3.25'],
    ['len(4)', '1'],
    ['len([1,2,3], [4], 5)', '5'],
    ['len([])', '0'],
    ['max(3, [9, -1], 4)', '9'],
    ['min(3, [9, -1], 4)', '-1'],
    ['norm(3, 4)', '5'],
    ['norm([1,2,2])', '3'],
    ['range([5, 1, 9])', '8'],
    ['range(4)', '0'],
    ['std(2, 4, 4, 4, 5, 5, 7, 9)', '2.1380899352994'],
    ['std(7)', '0'],
    ['sum([1,2], 3)', '6'],
    ['sum([])', '0'],
  ])('%s = %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('rejects arguments that are neither doubles nor doubleVecs, where the argument is', () => {
    const error = failure('avg(1, "two")');
    expect(error.code).toBe('AutoScalingFormulaEvaluationError');
    expect(error.detail).toBe("'avg' takes doubles and doubleVecs, not string");
    expect(error.position).toEqual({ line: 1, column: 12 });
    expect(failure('sum(TimeInterval_Second)').detail).toBe("'sum' takes doubles and doubleVecs, not timeinterval");
  });

  it.each(['avg', 'max', 'min', 'range', 'std'])('%s of an empty vector is an evaluation error', (name) => {
    expect(failure(`${name}([])`).detail).toBe(`'${name}' needs at least one value, but its arguments are empty`);
  });
});

describe('logarithms', () => {
  it.each([
    ['lg(8)', '3'],
    ['ln(1)', '0'],
    ['log(1000)', '3'],
    ['lg([1, 4])', '[0,2]'],
    ['log([10])', '[1]'],
    ['ln(1, [1])', '[0,0]'],
    ['log(0)', '-Infinity'],
  ])('%s = %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('gives a double for a lone double and a doubleVec otherwise', () => {
    expect(value('lg(2) + 1')).toBe('2');
    expect(value('lg([2]) + 1')).toBe('[2]');
  });
});

describe('percentile', () => {
  it.each([
    ['percentile([15, 20, 35, 40, 50], 30)', '20'],
    ['percentile([15, 20, 35, 40, 50], 40)', '20'],
    ['percentile([50, 15, 40, 20, 35], 50)', '35'],
    ['percentile([15, 20, 35, 40, 50], 100)', '50'],
    ['percentile([15, 20, 35, 40, 50], 0)', '15'],
    ['percentile([7], 90)', '7'],
  ])('%s = %s (nearest rank)', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('rejects a double where the doubleVec goes, a percentage out of range and an empty vector', () => {
    expect(failure('percentile(5, 50)').detail).toBe("'percentile' takes a doubleVec first, not double");
    expect(failure('percentile([1], "x")').detail).toBe("'percentile' takes a double percentage, not string");
    expect(failure('percentile([1], 101)').detail).toBe("'percentile' needs a percentage from 0 to 100, not 101");
    expect(failure('percentile([], 50)').detail).toBe("'percentile' needs at least one value, but its arguments are empty");
  });
});

describe('rand', () => {
  it('draws from the injected source, so a seed repeats the sequence', () => {
    const first = [value('rand()', seededRandom(42)), value('rand()', seededRandom(42))];
    expect(first[0]).toBe(first[1]);
    const fixed = evaluateFormula('a = rand(); b = rand();', inputs({ random: seededRandom(7) })).results;
    const expected = seededRandom(7);
    const a = expected();
    const b = expected();
    expect(fixed).toBe(
      `$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;a=${Number(a.toPrecision(15))};b=${Number(b.toPrecision(15))}`,
    );
    expect(a).not.toBe(b);
  });

  it('stays between 0 and 1 with the default source', () => {
    const drawn = Number(value('rand()'));
    expect(drawn).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeLessThan(1);
  });
});

describe('time', () => {
  it('returns now without an argument or with an empty string', () => {
    expect(value('time()')).toBe(new Date(MONDAY_10AM).toISOString());
    expect(value('time("")')).toBe('2024-01-15T10:00:00.000Z');
  });

  it.each([
    ['time("2016-10-13T19:18:47.805Z")', '2016-10-13T19:18:47.805Z'],
    ['time("2016-10-13T19:18:47+02:00")', '2016-10-13T17:18:47.000Z'],
    ['time("2016-10-13T19:18-05:30")', '2016-10-14T00:48:00.000Z'],
    ['time("2016-10-13")', '2016-10-13T00:00:00.000Z'],
    ['time("2016-10")', '2016-10-01T00:00:00.000Z'],
    ['time("2016")', '2016-01-01T00:00:00.000Z'],
    ['time("2016-10-13T19:18:47.1234567Z")', '2016-10-13T19:18:47.123Z'],
    ['time("Thu, 13 Oct 2016 19:18:47 GMT")', '2016-10-13T19:18:47.000Z'],
  ])('%s reads W3C-DTF and RFC 1123 as %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('rejects other text, impossible dates, a wrong weekday and non-strings', () => {
    expect(failure('time("yesterday")').detail).toBe('\'time\' cannot read "yesterday" as a W3C-DTF or RFC 1123 date and time');
    expect(failure('time("2016-02-30")').code).toBe('AutoScalingFormulaEvaluationError');
    expect(failure('time("2016-10-13T25:00Z")').code).toBe('AutoScalingFormulaEvaluationError');
    expect(failure('time("Fri, 13 Oct 2016 19:18:47 GMT")').code).toBe('AutoScalingFormulaEvaluationError');
    expect(failure('time(5)').detail).toBe("'time' takes a string, not double");
  });

  it('exposes the timestamp members in UTC, with Monday as weekday 1 and Sunday as 7', () => {
    const members = 't = time("2024-01-14T23:05:09Z"); y = t.year; mo = t.month; d = t.day; w = t.weekday; h = t.hour; mi = t.minute; s = t.second;';
    expect(evaluateFormula(members, inputs()).results).toBe(
      '$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;d=14;h=23;mi=5;mo=1;s=9;t=2024-01-14T23:05:09.000Z;w=7;y=2024',
    );
    expect(value('time().weekday')).toBe('1');
    const error = failure('(5).hour');
    expect(error.detail).toBe("'hour' is a member of timestamps, not of double");
    expect(error.position).toEqual({ line: 1, column: 9 });
  });
});

describe('val', () => {
  it('indexes from zero', () => {
    expect(value('val([4, 5, 6], 0)')).toBe('4');
    expect(value('val([4, 5, 6], 2)')).toBe('6');
  });

  it('rejects indexes outside the vector or not whole, and non-vectors', () => {
    expect(failure('val([4, 5, 6], 3)').detail).toBe("'val' index 3 is not a whole number from 0 to 2");
    expect(failure('val([4, 5, 6], -1)').code).toBe('AutoScalingFormulaEvaluationError');
    expect(failure('val([4, 5, 6], 1.5)').code).toBe('AutoScalingFormulaEvaluationError');
    expect(failure('val(4, 0)').detail).toBe("'val' takes a doubleVec first, not double");
    expect(failure('val([4], "0")').detail).toBe("'val' takes a double index, not string");
  });
});
