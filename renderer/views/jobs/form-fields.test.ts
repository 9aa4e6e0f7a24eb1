import { describe, expect, it } from 'vitest';
import { readDuration, readId, readInteger, readJsonSpec } from './form-fields';

describe('readId', () => {
  it('trims, requires and checks the pattern', () => {
    expect(readId('  job_1 ', 'job')).toEqual({ kind: 'ok', value: 'job_1' });
    expect(readId('', 'job')).toEqual({ kind: 'invalid', message: 'The job id is required' });
    expect(readId('a'.repeat(65), 'job').kind).toBe('invalid');
    expect(readId('a.b', 'job').kind).toBe('invalid');
  });
});

describe('readInteger', () => {
  it('reads whole numbers within bounds and treats empty as unset', () => {
    expect(readInteger(' ', 0, 5)).toEqual({ kind: 'empty' });
    expect(readInteger('-1', -1, 5)).toEqual({ kind: 'ok', value: -1 });
    expect(readInteger('6', 0, 5)).toEqual({ kind: 'invalid', message: 'Enter a number from 0 to 5' });
    expect(readInteger('2.5', 0, 5).kind).toBe('invalid');
    expect(readInteger('1e3', 0, 5000).kind).toBe('invalid');
  });
});

describe('readDuration', () => {
  it('answers ISO durations', () => {
    expect(readDuration('30m')).toEqual({ kind: 'ok', value: 'PT30M' });
    expect(readDuration('')).toEqual({ kind: 'empty' });
    expect(readDuration('later').kind).toBe('invalid');
  });
});

describe('readJsonSpec', () => {
  it('needs a JSON object with a valid id', () => {
    expect(readJsonSpec('{"id":"j1","priority":3}', 'job')).toEqual({ ok: true, spec: { id: 'j1', priority: 3 } });
    expect(readJsonSpec('{', 'job')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    expect(readJsonSpec('[1]', 'job')).toEqual({ ok: false, message: 'The job must be a JSON object' });
    expect(readJsonSpec('{"id":"a b"}', 'job')).toMatchObject({ ok: false, message: expect.stringMatching(/"id"/) });
  });
});
