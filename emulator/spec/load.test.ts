import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBatchSpec, specFilePath } from './load';
import { validateDefinition } from './schema';
import type { Schema } from './types';

const dir = mkdtempSync(join(tmpdir(), 'batch-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function writeSpec(definitions: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const file = join(dir, `spec-${written++}.json`);
  writeFileSync(file, JSON.stringify({ swagger: '2.0', info: { version: 'test' }, paths: {}, definitions, ...extra }));
  return file;
}

describe('specFilePath and loadBatchSpec', () => {
  it('resolves the shared spec beside the repository root', () => {
    const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
    expect(specFilePath()).toBe(join(repoRoot, '..', 'shared', 'batch-spec', 'BatchService.json'));
  });

  it('loads the 2022-10-01.16.0 spec with all its paths and definitions', () => {
    const spec = loadBatchSpec();
    expect(spec.apiVersion).toBe('2022-10-01.16.0');
    expect(new Set(spec.operations.map((operation) => operation.pathTemplate)).size).toBe(55);
    expect(Object.keys(spec.definitions)).toHaveLength(177);
    expect(spec.operations.find((operation) => operation.operationId === 'Task_List')).toEqual({
      operationId: 'Task_List',
      method: 'GET',
      pathTemplate: '/jobs/{jobId}/tasks',
      responses: {
        '200': { schema: { $ref: '#/definitions/CloudTaskListResult' } },
        default: { schema: { $ref: '#/definitions/BatchError' } },
      },
      nextLinkName: 'odata.nextLink',
    });
  });

  it('caches per file', () => {
    expect(loadBatchSpec()).toBe(loadBatchSpec(specFilePath()));
    const other = writeSpec({});
    expect(loadBatchSpec(other)).not.toBe(loadBatchSpec());
    expect(loadBatchSpec(other)).toBe(loadBatchSpec(other));
  });

  it.each([
    ['a dangling $ref', { A: { properties: { b: { $ref: '#/definitions/Missing' } } } }, /missing #\/definitions\/Missing/],
    ['a non-local $ref', { A: { items: { $ref: 'other.json#/definitions/B' } } }, /unsupported \$ref/],
    ['an unknown type', { A: { type: 'file' } }, /unsupported type file at A/],
  ])('refuses a spec with %s', (_why, definitions, error) => {
    expect(() => loadBatchSpec(writeSpec(definitions))).toThrow(error);
  });

  it('refuses a document that is not Swagger 2.0', () => {
    const file = join(dir, 'openapi3.json');
    writeFileSync(file, JSON.stringify({ openapi: '3.0.0', info: { version: '1' }, paths: {} }));
    expect(() => loadBatchSpec(file)).toThrow(/not a Swagger 2.0 document/);
  });
});

// The Batch spec uses neither allOf nor additionalProperties, so a small spec of our own exercises them.
describe('composition and open objects', () => {
  const base: Schema = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
  const spec = loadBatchSpec(
    writeSpec({
      Base: base,
      Derived: {
        allOf: [{ $ref: '#/definitions/Base' }, { properties: { size: { type: 'integer', format: 'int32' } }, required: ['size'] }],
      },
      Bag: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: true },
      Counters: { type: 'object', additionalProperties: { type: 'integer', format: 'int32' } },
      Nullable: { type: 'object', properties: { when: { type: 'string', format: 'date-time', 'x-nullable': true } } },
    }),
  );

  it('merges the properties and required lists of allOf parts', () => {
    expect(validateDefinition(spec, 'Derived', { id: 'a', size: 3 })).toEqual([]);
    expect(validateDefinition(spec, 'Derived', { size: 'big', extra: 1 })).toEqual([
      { path: 'id', message: 'missing required property of Derived' },
      { path: 'size', message: 'expected integer, got string "big"' },
      { path: 'extra', message: 'property not declared by Derived' },
    ]);
  });

  it('leaves an object open when it declares additionalProperties: true', () => {
    expect(validateDefinition(spec, 'Bag', { name: 'n', anything: [1], else: null })).toEqual([]);
    expect(validateDefinition(spec, 'Bag', { name: 5 })).toEqual([{ path: 'name', message: 'expected string, got number 5' }]);
  });

  it('checks undeclared properties against an additionalProperties schema', () => {
    expect(validateDefinition(spec, 'Counters', { a: 1, b: 2 })).toEqual([]);
    expect(validateDefinition(spec, 'Counters', { a: 2 ** 31 })).toEqual([
      { path: 'a', message: '2147483648 is outside the int32 range' },
    ]);
  });

  it('accepts null only where x-nullable says so', () => {
    expect(validateDefinition(spec, 'Nullable', { when: null })).toEqual([]);
    expect(validateDefinition(spec, 'Nullable', { when: 'soon' })).toEqual([
      { path: 'when', message: '"soon" is not an ISO-8601 date-time' },
    ]);
    expect(validateDefinition(spec, 'Base', null)).toEqual([{ path: '', message: 'null is not allowed for Base' }]);
  });
});
