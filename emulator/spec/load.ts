import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchSpec, Schema, SchemaType, SpecOperation, SpecResponse } from './types';

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const SCHEMA_TYPES: ReadonlySet<string> = new Set<SchemaType>(['string', 'integer', 'number', 'boolean', 'object', 'array']);
const DEFINITION_REF = /^#\/definitions\/(.+)$/;

/** The default spec: `<repoRoot>/../shared/batch-spec/BatchService.json`, where repoRoot holds `emulator/`. */
export function specFilePath(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return resolve(repoRoot, '..', 'shared', 'batch-spec', 'BatchService.json');
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(owner: Json, key: string, where: string): Json {
  const value = owner[key];
  if (!isObject(value)) throw new Error(`Batch spec: ${where}.${key} is not an object`);
  return value;
}

/** The definition name a `$ref` points at; throws on anything but a local definition reference. */
export function refName(ref: string): string {
  const name = DEFINITION_REF.exec(ref)?.[1];
  if (name === undefined) throw new Error(`Batch spec: unsupported $ref ${ref}`);
  return name;
}

// Checked once here so validation never meets a dangling $ref or a type it does not know.
function checkSchema(schema: unknown, where: string, definitions: Json): void {
  if (!isObject(schema)) throw new Error(`Batch spec: schema at ${where} is not an object`);
  if (typeof schema.$ref === 'string' && !(refName(schema.$ref) in definitions)) {
    throw new Error(`Batch spec: ${where} refers to missing ${schema.$ref}`);
  }
  if (schema.type !== undefined && !SCHEMA_TYPES.has(String(schema.type))) {
    throw new Error(`Batch spec: unsupported type ${String(schema.type)} at ${where}`);
  }
  if (schema.properties !== undefined) {
    for (const [name, property] of Object.entries(field(schema, 'properties', where))) {
      checkSchema(property, `${where}.${name}`, definitions);
    }
  }
  if (schema.items !== undefined) checkSchema(schema.items, `${where}[]`, definitions);
  if (isObject(schema.additionalProperties)) checkSchema(schema.additionalProperties, `${where}{}`, definitions);
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((part, i) => checkSchema(part, `${where}.allOf[${i}]`, definitions));
}

function readResponses(operation: Json, where: string, definitions: Json): Record<string, SpecResponse> {
  const responses: Record<string, SpecResponse> = {};
  for (const [status, response] of Object.entries(field(operation, 'responses', where))) {
    if (!isObject(response) || response.$ref !== undefined) {
      throw new Error(`Batch spec: unsupported response ${status} at ${where}`);
    }
    if (response.schema === undefined) {
      responses[status] = {};
    } else {
      checkSchema(response.schema, `${where} ${status}`, definitions);
      responses[status] = { schema: response.schema as Schema };
    }
  }
  return responses;
}

function readOperations(paths: Json, definitions: Json): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [pathTemplate, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${pathTemplate}`;
      if (typeof operation.operationId !== 'string') throw new Error(`Batch spec: ${where} has no operationId`);
      const pageable = operation['x-ms-pageable'];
      const nextLinkName = isObject(pageable) && typeof pageable.nextLinkName === 'string' ? pageable.nextLinkName : undefined;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        responses: readResponses(operation, where, definitions),
        ...(nextLinkName === undefined ? {} : { nextLinkName }),
      });
    }
  }
  return operations;
}

function parseSpec(file: string): BatchSpec {
  const root: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(root) || root.swagger !== '2.0') throw new Error(`Batch spec: ${file} is not a Swagger 2.0 document`);
  const apiVersion = field(root, 'info', 'spec').version;
  if (typeof apiVersion !== 'string') throw new Error('Batch spec: info.version is missing');
  const definitions = field(root, 'definitions', 'spec');
  for (const [name, schema] of Object.entries(definitions)) checkSchema(schema, name, definitions);
  return {
    file,
    apiVersion,
    definitions: definitions as Record<string, Schema>,
    operations: readOperations(field(root, 'paths', 'spec'), definitions),
  };
}

const cache = new Map<string, BatchSpec>();

/** Reads, checks and indexes the Batch spec (the shared one by default); cached per file. */
export function loadBatchSpec(file: string = specFilePath()): BatchSpec {
  const path = resolve(file);
  let spec = cache.get(path);
  if (!spec) {
    spec = parseSpec(path);
    cache.set(path, spec);
  }
  return spec;
}
