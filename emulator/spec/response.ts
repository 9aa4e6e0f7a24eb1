import { operationsForPath } from './paths';
import { validateSchema } from './schema';
import type { BatchSpec, Schema, SpecProblem } from './types';

// The service annotates every JSON body (entities, lists and errors) with its OData context; the spec never declares it.
const ODATA_METADATA = 'odata.metadata';

function hasBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return false;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength > 0;
  return true;
}

function isFileSchema(schema: Schema): boolean {
  return schema.type === 'object' && schema.format === 'file';
}

function problem(message: string): SpecProblem[] {
  return [{ path: '', message }];
}

/**
 * Validates one response against the operation that serves `method` on `path`: the status must be declared (errors,
 * status >= 400, fall to `default`), a body must be sent exactly when the spec gives a schema (never on HEAD), and
 * the body must fit that schema. A string body for a JSON schema is parsed first, so raw response text works too.
 */
export function validateResponse(
  spec: BatchSpec,
  method: string,
  path: string,
  status: number,
  body: unknown,
): SpecProblem[] {
  const verb = method.toUpperCase();
  const candidates = operationsForPath(spec, path);
  const operation = candidates.find((candidate) => candidate.method === verb);
  if (!operation) {
    const template = candidates[0]?.pathTemplate;
    if (template === undefined) return problem(`no operation in the spec matches ${verb} ${path}`);
    const verbs = candidates.filter((c) => c.pathTemplate === template).map((c) => c.method);
    return problem(`no ${verb} operation on ${template} (it has ${verbs.join(', ')})`);
  }
  const { operationId, responses } = operation;
  const declared = responses[String(status)];
  const response = declared ?? (status >= 400 ? responses.default : undefined);
  if (!response) {
    return problem(`status ${status} is not a response of ${operationId} (it declares ${Object.keys(responses).join(', ')})`);
  }
  const present = hasBody(body);
  if (verb === 'HEAD') return present ? problem(`${operationId}: a HEAD response carries no body`) : [];
  const schema = response.schema;
  if (!schema) return present ? problem(`${operationId} ${status}: the spec declares no body, but one was sent`) : [];
  if (isFileSchema(schema)) return validateSchema(spec, schema, present ? body : '');
  if (!present) return problem(`${operationId} ${status}: the spec declares a body, but none was sent`);
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return problem(`${operationId} ${status}: the body is not JSON`);
    }
  }
  const extras = new Set([ODATA_METADATA]);
  if (declared && operation.nextLinkName !== undefined) extras.add(operation.nextLinkName);
  return validateSchema(spec, schema, value, extras);
}
