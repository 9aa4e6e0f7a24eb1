import { BatchError } from './errors.js';
import type { RequestContext } from './context.js';

/** Handles one matched request. */
export type Handler = (ctx: RequestContext) => Promise<void> | void;

/** Whether an operation takes a JSON body. */
export type BodyUse = 'none' | 'optional' | 'required';

/** One operation: verb, path pattern (`:param`, final `*param` takes the rest) and handler. */
export interface Route {
  method: string;
  pattern: string;
  body: BodyUse;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

/** What matching a request yields. */
export type Match = { route: Route; params: Record<string, string> } | { error: BatchError };

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] as string;
    const segment = segments[i];
    if (part.startsWith('*')) {
      if (i >= segments.length) return undefined;
      params[part.slice(1)] = segments.slice(i).join('/');
      return params;
    }
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params[part.slice(1)] = segment;
    } else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return pattern.length === segments.length ? params : undefined;
}

/** Maps (verb, path) to operations; literal path segments match in any case, like the service. */
export class Router {
  private readonly routes: CompiledRoute[];

  /** Compiles a route table. */
  constructor(routes: readonly Route[]) {
    this.routes = routes.map((r) => ({ ...r, segments: r.pattern.split('/').filter((s) => s !== '') }));
  }

  /** Finds the operation for a decoded path; 405 when the path exists under another verb, 400 InvalidUri otherwise. */
  match(method: string, segments: readonly string[]): Match {
    let pathKnown = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathKnown = true;
    }
    if (pathKnown) {
      return { error: new BatchError(405, 'UnsupportedHttpVerb', "The resource doesn't support the specified HTTP verb.") };
    }
    return { error: new BatchError(400, 'InvalidUri', 'The requested URI does not represent any resource on the service.') };
  }
}

/** Splits a raw path into percent-decoded segments (so an encoded '/' stays inside its segment). */
export function decodeSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath
      .split('/')
      .filter((s, i) => !(i === 0 && s === ''))
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
