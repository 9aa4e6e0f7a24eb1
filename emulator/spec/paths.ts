import type { BatchSpec, SpecOperation } from './types';

/** One segment of a compiled path template. */
export type TemplateSegment =
  | { kind: 'literal'; text: string }
  /** Literal text around parameters, e.g. `certificates(thumbprintAlgorithm={a},thumbprint={b})`. */
  | { kind: 'pattern'; regex: RegExp }
  | { kind: 'param' }
  /** A final parameter that may hold '/', so it takes every remaining segment. */
  | { kind: 'rest' };

// The service documents filePath as a path relative to the task's or node's directory, so it may contain '/'.
const MULTI_SEGMENT_PARAMS = new Set(['filePath']);

const PARAM = /\{([^}]+)\}/g;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a spec path template such as `/pools/{poolId}/nodes/{nodeId}/files/{filePath}`. */
export function compileTemplate(template: string): TemplateSegment[] {
  const parts = template.split('/').slice(1);
  return parts.map((part, index): TemplateSegment => {
    const whole = /^\{([^}]+)\}$/.exec(part);
    if (whole) {
      const last = index === parts.length - 1;
      return last && MULTI_SEGMENT_PARAMS.has(whole[1] ?? '') ? { kind: 'rest' } : { kind: 'param' };
    }
    if (!part.includes('{')) return { kind: 'literal', text: part };
    const pieces = part.split(PARAM).map((piece, i) => (i % 2 === 0 ? escapeRegex(piece) : '(.+?)'));
    return { kind: 'pattern', regex: new RegExp(`^${pieces.join('')}$`) };
  });
}

/**
 * Splits a request path (or full URL) into decoded segments, ignoring query and fragment.
 * Undefined when it is not an absolute path or holds a malformed escape.
 */
export function splitRequestPath(path: string): string[] | undefined {
  let raw = path;
  if (/^https?:\/\//i.test(raw)) raw = new URL(raw).pathname;
  raw = raw.replace(/[?#].*$/s, '');
  if (!raw.startsWith('/')) return undefined;
  try {
    return raw.split('/').slice(1).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Whether decoded request segments fit a compiled template; every parameter must be non-empty. */
export function matchesTemplate(template: readonly TemplateSegment[], segments: readonly string[]): boolean {
  const rest = template.at(-1)?.kind === 'rest';
  if (rest ? segments.length < template.length : segments.length !== template.length) return false;
  return template.every((part, i) => {
    const actual = segments[i] ?? '';
    switch (part.kind) {
      case 'literal':
        return actual === part.text;
      case 'pattern':
        return part.regex.test(actual);
      case 'param':
        return actual !== '';
      case 'rest':
        return segments.slice(i).every((segment) => segment !== '');
    }
  });
}

const compiled = new WeakMap<SpecOperation, TemplateSegment[]>();

function templateOf(operation: SpecOperation): TemplateSegment[] {
  let template = compiled.get(operation);
  if (!template) {
    template = compileTemplate(operation.pathTemplate);
    compiled.set(operation, template);
  }
  return template;
}

/**
 * Every operation whose template fits the path, whatever its method. The spec's templates never overlap for one
 * method (only filePath spans segments, and only after the literal 'files'), so order does not pick a winner.
 */
export function operationsForPath(spec: BatchSpec, path: string): SpecOperation[] {
  const segments = splitRequestPath(path);
  if (!segments) return [];
  return spec.operations.filter((operation) => matchesTemplate(templateOf(operation), segments));
}

/** The spec operation that serves `method` on an actual request path, if any. */
export function matchOperation(spec: BatchSpec, method: string, path: string): SpecOperation | undefined {
  const verb = method.toUpperCase();
  return operationsForPath(spec, path).find((operation) => operation.method === verb);
}

/** The operation id and path template that serve `method` on an actual request path, if any. */
export function findOperation(
  spec: BatchSpec,
  method: string,
  path: string,
): { operationId: string; pathTemplate: string } | undefined {
  const operation = matchOperation(spec, method, path);
  return operation && { operationId: operation.operationId, pathTemplate: operation.pathTemplate };
}
