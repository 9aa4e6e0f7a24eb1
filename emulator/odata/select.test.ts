import { describe, expect, it } from 'vitest';
import { applySelect, ODataError, parseSelect } from './index.js';

describe('parseSelect', () => {
  it('splits, trims and de-duplicates names in order', () => {
    expect(parseSelect('id')).toEqual(['id']);
    expect(parseSelect(' id , state,executionInfo ,id')).toEqual(['id', 'state', 'executionInfo']);
  });

  it('rejects empty input and empty names', () => {
    expect(() => parseSelect('')).toThrow(new ODataError('Select is empty'));
    expect(() => parseSelect('id,,state')).toThrow(new ODataError('Select has an empty property name', 3));
    expect(() => parseSelect('id,')).toThrow(new ODataError('Select has an empty property name', 3));
  });

  it('rejects nested paths and non-identifiers, naming them', () => {
    expect(() => parseSelect('id, executionInfo/exitCode')).toThrow(
      new ODataError("Select supports top-level properties only, not 'executionInfo/exitCode'", 4),
    );
    expect(() => parseSelect('id,*')).toThrow(new ODataError("Invalid property name '*' in select", 3));
    expect(() => parseSelect('1st')).toThrow(new ODataError("Invalid property name '1st' in select", 0));
    expect(() => parseSelect('display name')).toThrow(new ODataError("Invalid property name 'display name' in select", 0));
    expect(() => parseSelect('__proto__')).toThrow(new ODataError("Invalid property name '__proto__' in select", 0));
  });

  it('rejects a select longer than 4096 characters', () => {
    expect(() => parseSelect('a,'.repeat(2048) + 'b')).toThrow(new ODataError('Select is 4097 characters long; the limit is 4096'));
  });
});

describe('applySelect', () => {
  const task = {
    id: 'task-1',
    state: 'completed',
    creationTime: '2024-01-01T00:00:00Z',
    executionInfo: { exitCode: 0, result: 'success' },
  };

  it('keeps only the selected top-level properties', () => {
    const selected = applySelect(task, ['id', 'executionInfo']);
    expect(selected).toEqual({ id: 'task-1', executionInfo: { exitCode: 0, result: 'success' } });
    expect(Object.keys(selected)).toEqual(['id', 'executionInfo']);
  });

  it('omits selected names the entity does not have, including inherited ones', () => {
    const selected = applySelect(task, ['id', 'nodeInfo', 'toString']);
    expect(JSON.stringify(selected)).toBe('{"id":"task-1"}');
  });

  it('does not copy __proto__ into the result', () => {
    const hostile = JSON.parse('{"id":"x","__proto__":{"polluted":true}}') as object;
    const selected = applySelect(hostile, ['id', '__proto__']);
    expect(selected).toEqual({ id: 'x' });
    expect(Object.getPrototypeOf(selected)).toBe(Object.prototype);
  });

  it('leaves the source entity untouched', () => {
    applySelect(task, ['id']);
    expect(Object.keys(task)).toEqual(['id', 'state', 'creationTime', 'executionInfo']);
  });
});
