import { describe, expect, it } from 'vitest';
import { formulaProblem, parseAutoScaleResults, parseIntervalMinutes } from './autoscale-model';

describe('parseAutoScaleResults', () => {
  it('splits the service results into names and values', () => {
    expect(parseAutoScaleResults('$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=1.5')).toEqual([
      { name: '$TargetDedicatedNodes', value: '2' },
      { name: '$TargetLowPriorityNodes', value: '0' },
      { name: '$NodeDeallocationOption', value: 'requeue' },
      { name: 'x', value: '1.5' },
    ]);
  });

  it('copes with blanks, trailing separators and values containing =', () => {
    expect(parseAutoScaleResults(undefined)).toEqual([]);
    expect(parseAutoScaleResults(' a = b=c ; ;')).toEqual([{ name: 'a', value: 'b=c' }]);
    expect(parseAutoScaleResults('flag')).toEqual([{ name: 'flag', value: '' }]);
  });
});

describe('parseIntervalMinutes', () => {
  it('accepts 5 minutes to 168 hours, and empty as "keep"', () => {
    expect(parseIntervalMinutes('')).toEqual({});
    expect(parseIntervalMinutes('5')).toEqual({ minutes: 5 });
    expect(parseIntervalMinutes(String(168 * 60))).toEqual({ minutes: 10_080 });
    expect(parseIntervalMinutes('4').error).toMatch(/5 minutes/);
    expect(parseIntervalMinutes('10081').error).toMatch(/168 hours/);
    expect(parseIntervalMinutes('1.5').error).toMatch(/whole/);
  });
});

describe('formulaProblem', () => {
  it('refuses empty and oversized formulas only', () => {
    expect(formulaProblem('  ')).toBe('The formula is empty');
    expect(formulaProblem('a'.repeat(8193))).toMatch(/8 KB/);
    expect(formulaProblem('$TargetDedicatedNodes = 1;')).toBeUndefined();
  });
});
