import { describe, expect, it } from 'vitest';
import { EMPTY_TASK_FORM, taskSpecFromForm } from './task-form';

const form = { ...EMPTY_TASK_FORM, id: 't1', commandLine: '  /bin/sh -c "echo hi" ' };

describe('taskSpecFromForm', () => {
  it('sends id and command line, ignoring the blank environment row', () => {
    expect(taskSpecFromForm(form)).toEqual({ ok: true, spec: { id: 't1', commandLine: '/bin/sh -c "echo hi"' } });
  });

  it('maps environment rows and constraints', () => {
    const result = taskSpecFromForm({
      ...form,
      env: [
        { name: 'MODE', value: 'fast' },
        { name: ' EMPTY ', value: '' },
        { name: '', value: '' },
      ],
      maxWallClock: '10m',
      retention: 'P1D',
      maxTaskRetryCount: '2',
    });
    expect(result).toEqual({
      ok: true,
      spec: {
        id: 't1',
        commandLine: '/bin/sh -c "echo hi"',
        environmentSettings: [
          { name: 'MODE', value: 'fast' },
          { name: 'EMPTY', value: '' },
        ],
        constraints: { maxWallClockTime: 'PT10M', retentionTime: 'P1D', maxTaskRetryCount: 2 },
      },
    });
  });

  it('names bad fields and the bad environment rows by index', () => {
    const result = taskSpecFromForm({
      ...EMPTY_TASK_FORM,
      id: 'no spaces',
      env: [
        { name: 'A', value: '1' },
        { name: '', value: 'orphan' },
        { name: '1X', value: '' },
        { name: 'A', value: '2' },
      ],
      retention: 'never',
      maxTaskRetryCount: '-2',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.id).toBeDefined();
    expect(result.errors.commandLine).toBe('The command line is required');
    expect(Object.keys(result.errors.env ?? {})).toEqual(['1', '2', '3']);
    expect(result.errors.env?.[3]).toBe('A is set twice');
    expect(result.errors.retention).toBeDefined();
    expect(result.errors.maxTaskRetryCount).toBeDefined();
    expect(result.errors.maxWallClock).toBeUndefined();
  });
});
