import { describe, expect, it } from 'vitest';
import { loadBatchSpec } from './load';
import { compileTemplate, findOperation, operationsForPath, splitRequestPath } from './paths';

const spec = loadBatchSpec();

// Fills a template the way the SDK does: every value URL-encoded into its place.
function fill(template: string, value: (name: string) => string): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

describe('findOperation', () => {
  // Values that spell the spec's own literals would expose any overlap between templates of one method.
  it.each([['plain values', (name: string) => `${name}-value`], ['values that look like literals', () => 'files']])(
    'finds every operation of the spec, and only it, from a path filled with %s',
    (_what, value) => {
      expect(spec.operations).toHaveLength(78);
      for (const operation of spec.operations) {
        const path = fill(operation.pathTemplate, value);
        const sameVerb = operationsForPath(spec, path).filter((candidate) => candidate.method === operation.method);
        expect(sameVerb.map((candidate) => candidate.operationId), `${operation.method} ${path}`).toEqual([operation.operationId]);
        expect(findOperation(spec, operation.method, path)).toEqual({
          operationId: operation.operationId,
          pathTemplate: operation.pathTemplate,
        });
      }
    },
  );

  it('matches file paths whose slashes are encoded', () => {
    expect(findOperation(spec, 'GET', '/pools/p1/nodes/tvm-1/files/workitems%2Fjob%2Ffoo')).toEqual({
      operationId: 'File_GetFromComputeNode',
      pathTemplate: '/pools/{poolId}/nodes/{nodeId}/files/{filePath}',
    });
  });

  it('matches file paths whose slashes are literal', () => {
    expect(findOperation(spec, 'HEAD', '/jobs/j1/tasks/t1/files/wd/out/result.txt')?.operationId).toBe(
      'File_GetPropertiesFromTask',
    );
    expect(findOperation(spec, 'DELETE', '/pools/p1/nodes/n1/files/startup/stdout.txt')?.operationId).toBe(
      'File_DeleteFromComputeNode',
    );
  });

  it('tells a file list from a file read', () => {
    expect(findOperation(spec, 'GET', '/jobs/j1/tasks/t1/files?recursive=true')?.operationId).toBe('File_ListFromTask');
    expect(findOperation(spec, 'GET', '/jobs/j1/tasks/t1/files/stdout.txt')?.operationId).toBe('File_GetFromTask');
  });

  it('ignores the query string and accepts any verb casing', () => {
    expect(findOperation(spec, 'get', '/jobs/j1/tasks?maxresults=5&$filter=state%20eq%20%27active%27')).toEqual({
      operationId: 'Task_List',
      pathTemplate: '/jobs/{jobId}/tasks',
    });
  });

  it('accepts a full URL', () => {
    expect(findOperation(spec, 'GET', 'https://acct.westus.batch.azure.com/pools/p1?api-version=2022-10-01.16.0')?.operationId).toBe(
      'Pool_Get',
    );
  });

  it('matches the certificate paths with parameters inside a segment', () => {
    const template = '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})';
    expect(findOperation(spec, 'GET', '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123ABCD)')).toEqual({
      operationId: 'Certificate_Get',
      pathTemplate: template,
    });
    expect(findOperation(spec, 'DELETE', '/certificates%28thumbprintAlgorithm%3Dsha1%2Cthumbprint%3D0123ABCD%29')?.operationId).toBe(
      'Certificate_Delete',
    );
    expect(findOperation(spec, 'POST', '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123ABCD)/canceldelete')).toEqual({
      operationId: 'Certificate_CancelDeletion',
      pathTemplate: `${template}/canceldelete`,
    });
    expect(findOperation(spec, 'GET', '/certificates')?.operationId).toBe('Certificate_List');
  });

  it.each([
    ['an unknown collection', 'GET', '/widgets'],
    ['an unknown action', 'POST', '/pools/p1/explode'],
    ['a verb the path lacks', 'PUT', '/pools/p1'],
    ['an empty parameter', 'GET', '/pools//nodes'],
    ['a trailing slash', 'GET', '/pools/'],
    ['a relative path', 'GET', 'pools/p1'],
    ['a malformed escape', 'GET', '/pools/p%ZZ'],
    ['a certificate without its thumbprint', 'GET', '/certificates(thumbprintAlgorithm=sha1)'],
    ['a certificate with an empty thumbprint', 'GET', '/certificates(thumbprintAlgorithm=sha1,thumbprint=)'],
    ['too many segments', 'POST', '/pools/p1/nodes/n1/reboot/now'],
    ['a slash inside a non-file parameter', 'GET', '/applications/a/b'],
    ['literal segments in the wrong case', 'GET', '/Pools/p1'],
    ['an empty file path', 'GET', '/pools/p1/nodes/n1/files/'],
  ])('rejects %s', (_why, method, path) => {
    expect(findOperation(spec, method, path)).toBeUndefined();
  });
});

describe('splitRequestPath', () => {
  it('decodes each segment after splitting, so encoded slashes stay inside their segment', () => {
    expect(splitRequestPath('/jobs/j%201/tasks/a%2Fb?x=1#frag')).toEqual(['jobs', 'j 1', 'tasks', 'a/b']);
  });
});

describe('compileTemplate', () => {
  it('lets only a final filePath span segments', () => {
    expect(compileTemplate('/pools/{poolId}/nodes/{nodeId}/files/{filePath}').map((part) => part.kind)).toEqual([
      'literal',
      'param',
      'literal',
      'param',
      'literal',
      'rest',
    ]);
    expect(compileTemplate('/pools/{poolId}/nodes/{nodeId}/users/{userName}').at(-1)?.kind).toBe('param');
  });
});
