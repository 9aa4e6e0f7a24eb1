import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POOL_FORM,
  bodyToPoolForm,
  durationMinutes,
  extraPropertyNames,
  isValid,
  parseJsonObject,
  parsePoolJson,
  poolFormToBody,
  validatePoolForm,
  type PoolForm,
} from './pool-form';

const form = (changes: Partial<PoolForm>): PoolForm => ({ ...DEFAULT_POOL_FORM, id: 'p1', ...changes });

describe('validatePoolForm', () => {
  it('accepts the defaults with an id', () => {
    expect(validatePoolForm(form({}))).toEqual({});
    expect(isValid(validatePoolForm(form({})))).toBe(true);
  });

  it('names the bad field', () => {
    expect(validatePoolForm(form({ id: '' }))).toEqual({ id: 'Pool ID is required' });
    expect(Object.keys(validatePoolForm(form({ id: 'has space' })))).toEqual(['id']);
    expect(Object.keys(validatePoolForm(form({ id: 'x'.repeat(65) })))).toEqual(['id']);
    expect(Object.keys(validatePoolForm(form({ vmSize: ' ' })))).toEqual(['vmSize']);
    expect(Object.keys(validatePoolForm(form({ nodeAgentSkuId: '' })))).toEqual(['nodeAgentSkuId']);
    expect(Object.keys(validatePoolForm(form({ targetDedicatedNodes: '-1' })))).toEqual(['targetDedicatedNodes']);
    expect(Object.keys(validatePoolForm(form({ targetSpotNodes: '1.5' })))).toEqual(['targetSpotNodes']);
    expect(Object.keys(validatePoolForm(form({ taskSlotsPerNode: '0' })))).toEqual(['taskSlotsPerNode']);
    expect(Object.keys(validatePoolForm(form({ taskSlotsPerNode: '257' })))).toEqual(['taskSlotsPerNode']);
    expect(isValid(validatePoolForm(form({ taskSlotsPerNode: '257' })))).toBe(false);
  });

  it('checks the formula and interval only for autoscale pools', () => {
    expect(validatePoolForm(form({ targetDedicatedNodes: 'x', scaleMode: 'autoscale' }))).toEqual({});
    expect(Object.keys(validatePoolForm(form({ scaleMode: 'autoscale', autoScaleFormula: ' ' })))).toEqual(['autoScaleFormula']);
    expect(Object.keys(validatePoolForm(form({ scaleMode: 'autoscale', autoScaleIntervalMinutes: '4' })))).toEqual(['autoScaleIntervalMinutes']);
    expect(validatePoolForm(form({ scaleMode: 'autoscale', autoScaleIntervalMinutes: '5' }))).toEqual({});
    expect(validatePoolForm(form({ autoScaleFormula: '' }))).toEqual({});
  });
});

describe('poolFormToBody', () => {
  it('builds a fixed-size pool with the Ubuntu image and no start task', () => {
    expect(poolFormToBody(form({ targetDedicatedNodes: '3', targetSpotNodes: '2', taskSlotsPerNode: '4' }))).toEqual({
      id: 'p1',
      vmSize: 'standard_d2s_v3',
      virtualMachineConfiguration: {
        imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
        nodeAgentSKUId: 'batch.node.ubuntu 22.04',
      },
      taskSlotsPerNode: 4,
      enableAutoScale: false,
      targetDedicatedNodes: 3,
      targetLowPriorityNodes: 2,
    });
  });

  it('builds an autoscale pool without node targets, with the interval as a duration', () => {
    const body = poolFormToBody(form({ scaleMode: 'autoscale', autoScaleFormula: '$TargetDedicatedNodes = 2;', autoScaleIntervalMinutes: '10' }));
    expect(body.enableAutoScale).toBe(true);
    expect(body.autoScaleFormula).toBe('$TargetDedicatedNodes = 2;');
    expect(body.autoScaleEvaluationInterval).toBe('PT10M');
    expect(body).not.toHaveProperty('targetDedicatedNodes');
    expect(body).not.toHaveProperty('targetLowPriorityNodes');
  });

  it('adds a start task only when it has a command line', () => {
    const body = poolFormToBody(form({ startTaskCommandLine: '/bin/sh -c "echo hi"', startTaskWaitForSuccess: false }));
    expect(body.startTask).toEqual({ commandLine: '/bin/sh -c "echo hi"', waitForSuccess: false });
    expect(poolFormToBody(form({ startTaskCommandLine: '  ' }))).not.toHaveProperty('startTask');
  });
});

describe('switching between the form and JSON', () => {
  it('round-trips the form through its body', () => {
    const original = form({ scaleMode: 'autoscale', targetDedicatedNodes: '0', autoScaleFormula: 'f;', autoScaleIntervalMinutes: '90', startTaskCommandLine: 'run', startTaskWaitForSuccess: false });
    expect(bodyToPoolForm(poolFormToBody(original))).toEqual(original);
    const fixed = form({ targetDedicatedNodes: '7', targetSpotNodes: '1' });
    expect(bodyToPoolForm(poolFormToBody(fixed))).toEqual(fixed);
  });

  it('keeps JSON-only properties, nested ones included, and sends them back', () => {
    const body = {
      id: 'p2',
      vmSize: 'small',
      metadata: [{ name: 'team', value: 'render' }],
      virtualMachineConfiguration: {
        imageReference: { publisher: 'a', offer: 'b', sku: 'c', version: '1.2' },
        nodeAgentSKUId: 'agent',
        dataDisks: [{ lun: 0, diskSizeGB: 10 }],
      },
      startTask: { commandLine: 'x', waitForSuccess: true, maxTaskRetryCount: 2 },
      targetDedicatedNodes: 1,
    };
    const back = bodyToPoolForm(body);
    expect(back.publisher).toBe('a');
    expect(back.startTaskCommandLine).toBe('x');
    expect(extraPropertyNames(back)).toEqual(['metadata', 'startTask', 'virtualMachineConfiguration']);
    const again = poolFormToBody(back);
    expect(again.metadata).toEqual(body.metadata);
    expect(again.virtualMachineConfiguration).toEqual(body.virtualMachineConfiguration);
    expect(again.startTask).toEqual(body.startTask);
  });

  it('fills blanks for what the JSON leaves out', () => {
    const back = bodyToPoolForm({ id: 'only' });
    expect(back).toMatchObject({ id: 'only', vmSize: '', scaleMode: 'fixed', targetDedicatedNodes: '0', taskSlotsPerNode: '1' });
    expect(Object.keys(validatePoolForm(back)).sort()).toEqual(['nodeAgentSkuId', 'offer', 'publisher', 'sku', 'vmSize']);
  });

  it('reads ISO durations as minutes', () => {
    expect(durationMinutes('PT15M')).toBe(15);
    expect(durationMinutes('PT1H30M')).toBe(90);
    expect(durationMinutes('PT')).toBeUndefined();
    expect(durationMinutes('15')).toBeUndefined();
  });
});

describe('parsePoolJson', () => {
  it('accepts one object with a valid id', () => {
    expect(parsePoolJson('{"id":"p1","vmSize":"x"}')).toEqual({ body: { id: 'p1', vmSize: 'x' } });
  });

  it('explains why text is not a pool', () => {
    expect(parsePoolJson('{')).toHaveProperty('error', expect.stringContaining('not valid'));
    expect(parsePoolJson('[]')).toEqual({ error: 'The JSON must be one object: the pool' });
    expect(parsePoolJson('{"vmSize":"x"}')).toHaveProperty('error', expect.stringContaining('"id"'));
  });
});

describe('parseJsonObject', () => {
  it('accepts any object, even without an id, so the form can show what is there', () => {
    expect(parseJsonObject('{"vmSize":"x"}')).toEqual({ body: { vmSize: 'x' } });
    expect(parseJsonObject('"pool"')).toEqual({ error: 'The JSON must be one object: the pool' });
    expect(parseJsonObject('nope')).toHaveProperty('error', expect.stringContaining('not valid'));
  });
});
