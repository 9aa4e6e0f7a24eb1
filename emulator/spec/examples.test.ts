import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBatchSpec, specFilePath } from './load';
import { validateResponse } from './response';

interface Example {
  file: string;
  parameters: Record<string, unknown>;
  responses: Record<string, { body?: unknown }>;
}

type Raw = Record<string, unknown>;

const spec = loadBatchSpec();
const raw = JSON.parse(readFileSync(specFilePath(), 'utf8')) as {
  paths: Record<string, Record<string, { 'x-ms-examples'?: Record<string, { $ref: string }> }>>;
  definitions: Record<string, { properties?: Record<string, Raw> }>;
};
const examplesDir = join(dirname(specFilePath()), 'examples');
const examples: Example[] = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Omit<Example, 'file'>) }));

// The spec names its examples in x-ms-examples; a copy taken from another version carries a `__from_<version>` suffix.
function operationOf(file: string): { method: string; template: string } | undefined {
  const original = file.replace(/__from_[^/]+\.json$/, '.json');
  for (const [template, item] of Object.entries(raw.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const refs = Object.values(operation['x-ms-examples'] ?? {}).map((entry) => basename(entry.$ref));
      if (refs.includes(original)) return { method: method.toUpperCase(), template };
    }
  }
  return undefined;
}

function requestPath(example: Example, template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(example.parameters[name])));
}

// An oracle independent of the validator: the dotted paths of keys that no spec definition along the way declares.
function undeclaredKeys(value: unknown, schema: Raw, path: string): string[] {
  const target = typeof schema.$ref === 'string' ? (raw.definitions[schema.$ref.split('/').pop() ?? ''] as Raw) : schema;
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => undeclaredKeys(item, (target.items ?? {}) as Raw, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  const properties = (target.properties ?? {}) as Record<string, Raw>;
  return Object.entries(value).flatMap(([key, item]) => {
    const where = path === '' ? key : `${path}.${key}`;
    const declared = properties[key];
    return declared ? undeclaredKeys(item, declared, where) : [where];
  });
}

function responseSchema(method: string, template: string, status: string): Raw {
  const operation = raw.paths[template]?.[method.toLowerCase()] as { responses: Record<string, { schema: Raw }> };
  return (operation.responses[status] ?? operation.responses.default)?.schema ?? {};
}

describe('spec examples', () => {
  it('finds the examples and the operation each one illustrates', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const example of examples) expect(operationOf(example.file), example.file).toBeDefined();
    expect(examples.filter((example) => example.parameters['api-version'] === spec.apiVersion).length).toBeGreaterThanOrEqual(5);
    expect(examples.some((example) => String(example.parameters['api-version']) > spec.apiVersion)).toBe(true);
  });

  const same = examples.filter((example) => example.parameters['api-version'] === spec.apiVersion);
  it.each(same.map((example) => [example.file, example] as const))('%s validates with no problems', (_file, example) => {
    const { method, template } = operationOf(example.file) ?? { method: '', template: '' };
    const statuses = Object.entries(example.responses);
    expect(statuses.length).toBeGreaterThan(0);
    for (const [status, response] of statuses) {
      expect(validateResponse(spec, method, requestPath(example, template), Number(status), response.body)).toEqual([]);
    }
  });

  // Bodies from other versions may hold properties this version lacks; exactly those must be reported, and nothing else.
  const other = examples.filter((example) => example.parameters['api-version'] !== spec.apiVersion);
  it.each(other.map((example) => [example.file, example] as const))(
    '%s reports exactly the properties this version lacks',
    (_file, example) => {
      const { method, template } = operationOf(example.file) ?? { method: '', template: '' };
      for (const [status, response] of Object.entries(example.responses)) {
        const expected = undeclaredKeys(response.body, responseSchema(method, template, status), '');
        const problems = validateResponse(spec, method, requestPath(example, template), Number(status), response.body);
        expect(problems.map((problem) => problem.path).sort()).toEqual(expected.sort());
        for (const problem of problems) expect(problem.message).toMatch(/^property not declared by /);
      }
    },
  );

  it('the oracle does see a property the spec lacks', () => {
    const properties = { contentLength: 1, lastModified: '2020-01-01T00:00:00Z', future: 1 };
    const body = { value: [{ name: 'a', url: 'u', isDirectory: false, properties }] };
    expect(undeclaredKeys(body, { $ref: '#/definitions/NodeFileListResult' }, '')).toEqual(['value[0].properties.future']);
    expect(validateResponse(spec, 'GET', '/jobs/j/tasks/t/files', 200, body)).toEqual([
      { path: 'value[0].properties.future', message: 'property not declared by FileProperties' },
    ]);
  });
});
