import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BATCH_ENUM_VALUES, isValidEnumLiteral } from './enums.js';

interface SchemaNode {
  $ref?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
}

const specPath = fileURLToPath(new URL('../../../shared/batch-spec/BatchService.json', import.meta.url));
const definitions = (JSON.parse(readFileSync(specPath, 'utf8')) as { definitions: Record<string, SchemaNode> }).definitions;
const ENTITIES = ['CloudTask', 'CloudJob', 'CloudJobSchedule', 'CloudPool', 'ComputeNode', 'Certificate'];

/** Union of enum values the spec declares at each OData path across the listed entity types. */
function specEnumValues(): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  const walk = (schema: SchemaNode, prefix: string, depth: number): void => {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = property.$ref ? definitions[property.$ref.split('/').pop() ?? ''] : property;
      if (!resolved) continue;
      const path = prefix + name;
      if (resolved.enum) {
        const values = byPath.get(path) ?? new Set<string>();
        for (const value of resolved.enum) values.add(value.toLowerCase());
        byPath.set(path, values);
      } else if (depth < 3) {
        walk(resolved, `${path}/`, depth + 1);
      }
    }
  };
  for (const entity of ENTITIES) walk(definitions[entity] ?? {}, '', 0);
  return byPath;
}

describe('BATCH_ENUM_VALUES', () => {
  it('matches the enum values BatchService.json declares for each path', () => {
    const spec = specEnumValues();
    for (const [path, values] of Object.entries(BATCH_ENUM_VALUES)) {
      expect([...values].sort(), path).toEqual([...(spec.get(path) ?? [])].sort());
    }
  });

  it('covers the enum paths Batch lists filter on', () => {
    const spec = specEnumValues();
    for (const path of ['state', 'previousState', 'allocationState', 'schedulingState', 'executionInfo/result']) {
      expect(spec.has(path), path).toBe(true);
      expect(Object.hasOwn(BATCH_ENUM_VALUES, path), path).toBe(true);
    }
  });
});

describe('isValidEnumLiteral', () => {
  it('accepts known values in any case and rejects unknown ones', () => {
    expect(isValidEnumLiteral('state', 'waitingForStartTask')).toBe(true);
    expect(isValidEnumLiteral('state', 'RUNNING')).toBe(true);
    expect(isValidEnumLiteral('state', 'runing')).toBe(false);
    expect(isValidEnumLiteral('executionInfo/result', 'failure')).toBe(true);
    expect(isValidEnumLiteral('executionInfo/result', 'failed')).toBe(false);
  });

  it('checks only the shape for paths it does not know', () => {
    expect(isValidEnumLiteral('custom', 'fooBar2')).toBe(true);
    expect(isValidEnumLiteral('custom', '2fooBar')).toBe(false);
    expect(isValidEnumLiteral('custom', 'foo_bar')).toBe(false);
    expect(isValidEnumLiteral('custom', '')).toBe(false);
  });
});
