import { describe, expect, it } from 'vitest';
import { loadBatchSpec } from './load';
import { validateResponse } from './response';

const spec = loadBatchSpec();

const batchError = {
  code: 'PoolNotFound',
  message: { lang: 'en-US', value: 'The specified pool does not exist.\nRequestId:1\nTime:2024-01-01T00:00:00.0000000Z' },
  values: [{ key: 'Reason', value: 'The pool was deleted' }],
};

const node = { id: 'tvm-1', state: 'idle', isDedicated: true };

describe('validateResponse: operations and statuses', () => {
  it('reports a path the spec does not have', () => {
    expect(validateResponse(spec, 'GET', '/widgets/w1', 200, {})).toEqual([
      { path: '', message: 'no operation in the spec matches GET /widgets/w1' },
    ]);
  });

  it('reports a verb the path does not have, naming the verbs it does', () => {
    expect(validateResponse(spec, 'PUT', '/pools/p1', 200, undefined)).toEqual([
      { path: '', message: 'no PUT operation on /pools/{poolId} (it has GET, PATCH, DELETE, HEAD)' },
    ]);
  });

  it('reports a success status the operation does not declare', () => {
    expect(validateResponse(spec, 'POST', '/pools', 200, undefined)).toEqual([
      { path: '', message: 'status 200 is not a response of Pool_Add (it declares 201, default)' },
    ]);
    expect(validateResponse(spec, 'GET', '/pools/p1', 304, undefined)).toHaveLength(1);
  });

  it('validates error statuses against the default BatchError response', () => {
    expect(validateResponse(spec, 'GET', '/pools/p1', 404, batchError)).toEqual([]);
    expect(validateResponse(spec, 'POST', '/jobs/j1/tasks', 409, { code: 'TaskExists', message: { value: 'x' } })).toEqual([]);
    expect(validateResponse(spec, 'GET', '/jobs/j1', 500, { ...batchError, values: [{ key: 'Reason', value: 3 }] })).toEqual([
      { path: 'values[0].value', message: 'expected string, got number 3' },
    ]);
    expect(validateResponse(spec, 'GET', '/jobs/j1', 400, { ...batchError, message: 'plain text' })).toEqual([
      { path: 'message', message: 'expected object, got string "plain text"' },
    ]);
    expect(validateResponse(spec, 'GET', '/jobs/j1', 403, { ...batchError, error: {} })).toEqual([
      { path: 'error', message: 'property not declared by BatchError' },
    ]);
  });
});

describe('validateResponse: bodies', () => {
  it('accepts no body where the spec declares none, and reports one that is sent', () => {
    expect(validateResponse(spec, 'POST', '/pools', 201, undefined)).toEqual([]);
    expect(validateResponse(spec, 'POST', '/pools', 201, '')).toEqual([]);
    expect(validateResponse(spec, 'DELETE', '/jobs/j1', 202, null)).toEqual([]);
    expect(validateResponse(spec, 'DELETE', '/jobs/j1', 202, { ok: true })).toEqual([
      { path: '', message: 'Job_Delete 202: the spec declares no body, but one was sent' },
    ]);
  });

  it('reports a missing body where the spec declares one', () => {
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, undefined)).toEqual([
      { path: '', message: 'ComputeNode_Get 200: the spec declares a body, but none was sent' },
    ]);
  });

  it('never accepts a body on HEAD, whatever the status', () => {
    expect(validateResponse(spec, 'HEAD', '/pools/p1', 200, undefined)).toEqual([]);
    expect(validateResponse(spec, 'HEAD', '/pools/p1', 404, undefined)).toEqual([]);
    expect(validateResponse(spec, 'HEAD', '/jobs/j1/tasks/t1/files/a/b.txt', 500, undefined)).toEqual([]);
    expect(validateResponse(spec, 'HEAD', '/jobschedules/s1', 404, batchError)).toEqual([
      { path: '', message: 'JobSchedule_Exists: a HEAD response carries no body' },
    ]);
  });

  it('takes file content as text or bytes, including an empty file', () => {
    const path = '/pools/p1/nodes/n1/files/startup%2Fstdout.txt';
    expect(validateResponse(spec, 'GET', path, 200, 'hello\n')).toEqual([]);
    expect(validateResponse(spec, 'GET', path, 200, new Uint8Array([1, 2, 3]))).toEqual([]);
    expect(validateResponse(spec, 'GET', path, 200, '')).toEqual([]);
    expect(validateResponse(spec, 'GET', path, 200, { text: 'hello' })).toEqual([
      { path: '', message: 'expected file content, got object' },
    ]);
  });

  it('parses a string body for a JSON schema', () => {
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, JSON.stringify(node))).toEqual([]);
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, JSON.stringify({ ...node, state: 'sleepy' }))).toEqual([
      { path: 'state', message: expect.stringMatching(/^string "sleepy" is not one of "idle", /) },
    ]);
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, '{"id":')).toEqual([
      { path: '', message: 'ComputeNode_Get 200: the body is not JSON' },
    ]);
  });
});

describe('validateResponse: OData annotations', () => {
  const list = { 'odata.metadata': 'https://a.b.batch.azure.com/$metadata#nodes', value: [node] };

  it('accepts odata.metadata and odata.nextLink on list results', () => {
    const body = { ...list, 'odata.nextLink': 'https://a.b.batch.azure.com/pools/p1/nodes?$skiptoken=x' };
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes', 200, body)).toEqual([]);
  });

  it('checks that the annotations are strings', () => {
    const body = { ...list, 'odata.metadata': 1, 'odata.nextLink': false };
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes?maxresults=1', 200, body)).toEqual([
      { path: 'odata.metadata', message: 'expected string, got number 1' },
      { path: 'odata.nextLink', message: 'expected string, got boolean' },
    ]);
  });

  it('accepts odata.metadata at the root of entity and error bodies, as the service sends it', () => {
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, { ...node, 'odata.metadata': 'm' })).toEqual([]);
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes', 404, { ...batchError, 'odata.metadata': 'm' })).toEqual([]);
  });

  it('reports annotations nested below the root, and nextLink outside lists', () => {
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes', 200, { value: [{ ...node, 'odata.metadata': 'm' }] })).toEqual([
      { path: 'value[0].odata.metadata', message: 'property not declared by ComputeNode' },
    ]);
    expect(validateResponse(spec, 'GET', '/pools/p1/nodes/n1', 200, { ...node, 'odata.nextLink': 'x' })).toEqual([
      { path: 'odata.nextLink', message: 'property not declared by ComputeNode' },
    ]);
  });
});
