import { describe, expect, it } from 'vitest';
import { EMPTY_JOB_FORM, jobFormFromSpec, jobSpecFromForm, jobSpecPreview } from './job-form';

const form = { ...EMPTY_JOB_FORM, id: 'job-1', poolId: 'pool-1' };

describe('jobSpecFromForm', () => {
  it('sends only what was set', () => {
    expect(jobSpecFromForm(form)).toEqual({ ok: true, spec: { id: 'job-1', poolInfo: { poolId: 'pool-1' } } });
  });

  it('maps every field to the service property', () => {
    const result = jobSpecFromForm({
      ...form,
      priority: '100',
      maxWallClock: '2h',
      maxTaskRetryCount: '3',
      usesTaskDependencies: true,
      onAllTasksComplete: 'terminatejob',
    });
    expect(result).toEqual({
      ok: true,
      spec: {
        id: 'job-1',
        poolInfo: { poolId: 'pool-1' },
        priority: 100,
        constraints: { maxWallClockTime: 'PT2H', maxTaskRetryCount: 3 },
        usesTaskDependencies: true,
        onAllTasksComplete: 'terminatejob',
      },
    });
  });

  it('names every bad field', () => {
    const result = jobSpecFromForm({ ...EMPTY_JOB_FORM, id: 'bad id', priority: '5000', maxWallClock: 'soon', maxTaskRetryCount: '1.5' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['id', 'maxTaskRetryCount', 'maxWallClock', 'poolId', 'priority']);
  });
});

describe('jobFormFromSpec', () => {
  it('round-trips what the form can show', () => {
    const full = { ...form, priority: '-5', maxWallClock: 'PT1H', maxTaskRetryCount: '-1', usesTaskDependencies: true, onAllTasksComplete: 'terminatejob' as const };
    const spec = jobSpecFromForm(full);
    if (!spec.ok) throw new Error('expected a spec');
    expect(jobFormFromSpec(spec.spec)).toEqual({ ok: true, form: full });
  });

  it('lists what the form cannot show instead of dropping it', () => {
    const result = jobFormFromSpec({
      id: 'j',
      poolInfo: { poolId: 'p', autoPoolSpecification: {} },
      constraints: { maxWallClockTime: 'PT1H' },
      jobManagerTask: {},
      onAllTasksComplete: 'other',
    });
    expect(result).toEqual({ ok: false, unsupported: ['jobManagerTask', 'poolInfo.autoPoolSpecification', 'onAllTasksComplete'] });
  });

  it('accepts the service casing of onAllTasksComplete', () => {
    const result = jobFormFromSpec({ id: 'j', poolInfo: { poolId: 'p' }, onAllTasksComplete: 'terminateJob' });
    expect(result.ok && result.form.onAllTasksComplete).toBe('terminatejob');
  });
});

describe('jobSpecPreview', () => {
  it('shows the spec, or a skeleton while the form is incomplete', () => {
    expect(jobSpecPreview(form)).toEqual({ id: 'job-1', poolInfo: { poolId: 'pool-1' } });
    expect(jobSpecPreview(EMPTY_JOB_FORM)).toEqual({ id: '', poolInfo: { poolId: '' } });
  });
});
