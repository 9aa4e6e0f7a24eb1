import { describe, expect, it } from 'vitest';
import { BatchError } from '../http/errors.js';
import { parseDuration } from './duration.js';
import { validateBody } from './validate.js';

function failure(definition: string, body: unknown): [string, string | undefined] {
  try {
    validateBody(definition, body);
  } catch (error) {
    if (error instanceof BatchError) return [error.code, error.values.find((v) => v.key === 'PropertyName')?.value];
    throw error;
  }
  return ['accepted', undefined];
}

describe('request body validation', () => {
  it('normalizes enum casing and drops nulls', () => {
    const body = validateBody('JobAddParameter', { id: 'j', poolInfo: { poolId: 'p' }, onTaskFailure: 'PERFORMEXITOPTIONSJOBACTION', displayName: null });
    expect(body).toEqual({ id: 'j', poolInfo: { poolId: 'p' }, onTaskFailure: 'performExitOptionsJobAction' });
  });

  it('names the offending property', () => {
    expect(failure('JobAddParameter', { id: 'j' })).toEqual(['MissingRequiredProperty', 'poolInfo']);
    expect(failure('JobAddParameter', { id: 'j', poolInfo: { poolId: 3 } })).toEqual(['InvalidPropertyValue', 'poolInfo.poolId']);
    expect(failure('TaskAddParameter', { id: 't', commandLine: 'x', requiredSlots: 1.5 })).toEqual(['InvalidPropertyValue', 'requiredSlots']);
    expect(failure('TaskAddParameter', { id: 't', commandLine: 'x', requiredSlots: 2 ** 31 })).toEqual(['InvalidPropertyValue', 'requiredSlots']);
    expect(failure('TaskAddParameter', { id: 't', commandLine: 'x', environmentSettings: [{ value: 'v' }] })).toEqual(['MissingRequiredProperty', 'environmentSettings[0].name']);
    expect(failure('TaskAddParameter', { id: 't', commandLine: 'x', constraints: { maxWallClockTime: '1 hour' } })).toEqual(['InvalidPropertyValue', 'constraints.maxWallClockTime']);
    expect(failure('TaskAddParameter', { id: 't', commandLine: 'x', extra: 1 })).toEqual(['UnsupportedProperty', 'extra']);
    expect(failure('TaskAddCollectionParameter', { value: Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, commandLine: 'x' })) })).toEqual(['InvalidPropertyValue', 'value']);
    expect(failure('PoolAddParameter', 'pool')).toEqual(['InvalidRequestBody', undefined]);
  });

  it('reads ISO-8601 durations', () => {
    expect(parseDuration('PT1H30M')).toBe(5_400_000);
    expect(parseDuration('P1DT0.5S')).toBe(86_400_500);
    expect(parseDuration('P10675199DT2H48M5.4775807S')).toBeGreaterThan(9e14);
    for (const bad of ['P', 'PT', '1H', 'PT1.5H', 'P-1D']) expect(parseDuration(bad)).toBeUndefined();
  });
});
