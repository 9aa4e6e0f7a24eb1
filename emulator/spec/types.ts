/** One thing wrong with a value, located by a path such as `value[3].executionInfo.exitCode` ('' is the root). */
export interface SpecProblem {
  path: string;
  message: string;
}

/** The subset of a Swagger 2.0 schema object that the Batch spec uses and the validator understands. */
export interface Schema {
  $ref?: string;
  type?: SchemaType;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  enum?: unknown[];
  /** AutoRest's enum metadata; `values[].name` is the camelCase spelling the service actually sends. */
  'x-ms-enum'?: { values?: { value?: unknown; name?: string }[] };
  maxItems?: number;
  'x-nullable'?: boolean;
}

/** The Swagger 2.0 schema types; anything else in the spec is rejected at load time. */
export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

/** One declared response of an operation: its schema, if it has a body at all. */
export interface SpecResponse {
  schema?: Schema;
}

/** One operation of the spec, with what validation needs from it. */
export interface SpecOperation {
  operationId: string;
  /** Upper-case HTTP verb. */
  method: string;
  pathTemplate: string;
  /** Keyed by status code as the spec writes it ('200', '404', 'default'). */
  responses: Readonly<Record<string, SpecResponse>>;
  /** Set on list operations (`x-ms-pageable`): the property that carries the next page's link. */
  nextLinkName?: string;
}

/** The loaded, checked and indexed spec. */
export interface BatchSpec {
  /** Absolute path of the file it was read from. */
  file: string;
  apiVersion: string;
  definitions: Readonly<Record<string, Schema>>;
  operations: readonly SpecOperation[];
}
