import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort, parseExitCode, parseSort, readTaskQuery, windowQuery, writeTaskQuery } from './task-query';

describe('task query in the URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(readTaskQuery(new URLSearchParams())).toEqual({ state: 'all', exitCode: '', nodeId: '', contains: '', sort: undefined });
  });

  it('round-trips filter and sort through the URL, keeping other parameters', () => {
    const query = { state: 'failed', exitCode: '2', nodeId: 'tvm-1', contains: 'render', sort: { column: 'exitCode', direction: 'desc' } } as const;
    const params = writeTaskQuery(new URLSearchParams('tab=tasks'), query);
    expect(params.get('tab')).toBe('tasks');
    expect(params.get('taskSort')).toBe('exitCode:desc');
    expect(readTaskQuery(params)).toEqual(query);
  });

  it('drops defaults from the URL', () => {
    const params = writeTaskQuery(new URLSearchParams('taskState=failed&taskSearch=x&taskSort=id:asc'), { state: 'all', contains: '', sort: undefined });
    expect(params.toString()).toBe('');
  });

  it('ignores unknown states and sorts from a hand-edited URL', () => {
    const query = readTaskQuery(new URLSearchParams('taskState=bogus&taskSort=colour:up'));
    expect(query.state).toBe('all');
    expect(query.sort).toBeUndefined();
    expect(parseSort('id')).toEqual({ column: 'id', direction: 'asc' });
  });
});

describe('windowQuery', () => {
  it('sends nothing for an unfiltered, unsorted list', () => {
    expect(windowQuery({ state: 'all', exitCode: ' ', nodeId: '', contains: '  ', sort: undefined })).toEqual({});
  });

  it('sends every filter part that is set, trimmed', () => {
    expect(windowQuery({ state: 'failed', exitCode: ' -3 ', nodeId: ' n1 ', contains: ' x ', sort: { column: 'id', direction: 'desc' } })).toEqual({
      filter: { states: ['failed'], exitCode: -3, nodeId: 'n1', contains: 'x' },
      sort: { column: 'id', direction: 'desc' },
    });
  });

  it('leaves out an exit code that is not a number, and cuts over-long text', () => {
    const query = windowQuery({ state: 'all', exitCode: '1x', nodeId: '', contains: 'y'.repeat(300), sort: undefined });
    expect(query.filter?.exitCode).toBeUndefined();
    expect(query.filter?.contains).toHaveLength(200);
    expect(parseExitCode('99999999999')).toBeUndefined();
    expect(parseExitCode('0')).toBe(0);
  });
});

describe('sorting headers', () => {
  it('sorts a new column ascending and flips the same column', () => {
    const asc = nextSort(undefined, 'exitCode');
    expect(asc).toEqual({ column: 'exitCode', direction: 'asc' });
    expect(nextSort(asc, 'exitCode')).toEqual({ column: 'exitCode', direction: 'desc' });
    expect(nextSort({ column: 'exitCode', direction: 'desc' }, 'id')).toEqual({ column: 'id', direction: 'asc' });
  });

  it('reports aria-sort for the sorted column only', () => {
    expect(ariaSort({ column: 'id', direction: 'desc' }, 'id')).toBe('descending');
    expect(ariaSort({ column: 'id', direction: 'asc' }, 'id')).toBe('ascending');
    expect(ariaSort({ column: 'id', direction: 'asc' }, 'state')).toBe('none');
    expect(ariaSort(undefined, 'state')).toBe('none');
  });
});
