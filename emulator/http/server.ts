import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseJson, readBody } from './body.js';
import { RequestContext } from './context.js';
import { BatchError } from './errors.js';
import { checkApiVersion } from './query.js';
import { decodeSegments, type Router } from './router.js';
import { signedQuery, verifySharedKey } from './sharedKey.js';

/** What the HTTP front end needs from the account. */
export interface ServerConfig {
  account: string;
  key: Buffer;
  router: Router;
  /** Fallback authority when a request has no Host header. */
  authority: () => string;
  /** Runs before routing (fault injection: latency, throttling); true when it answered the request itself. */
  intercept?: (ctx: RequestContext, path: string) => Promise<boolean>;
  log: (line: string) => void;
}

function requestParts(req: IncomingMessage): { path: string; query: string } {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

async function handle(config: ServerConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { path, query } = requestParts(req);
  const host = req.headers.host ?? config.authority();
  const ctx = new RequestContext(req, res, path, signedQuery(query), `http://${host}`);
  try {
    verifySharedKey({ method: ctx.method, url: req.url ?? '/', headers: req.headers }, config.account, config.key);
    checkApiVersion(ctx.query);
    if (await config.intercept?.(ctx, path)) return;
    const segments = decodeSegments(path);
    if (!segments) throw new BatchError(400, 'RequestUrlFailedToParse', 'The url in the request could not be parsed.');
    const match = config.router.match(ctx.method, segments);
    if ('error' in match) throw match.error;
    ctx.params = match.params;
    const bytes = await readBody(req);
    if (match.route.body !== 'none' && (bytes.length > 0 || match.route.body === 'required')) ctx.body = parseJson(bytes);
    await match.route.handler(ctx);
    if (!ctx.done) throw new Error(`handler for ${match.route.method} ${match.route.pattern} sent no response`);
  } catch (error) {
    if (error instanceof BatchError) {
      ctx.error(error);
    } else {
      config.log(`internal error on ${ctx.method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      ctx.error(new BatchError(500, 'InternalError', 'The server encountered an internal error. Please retry the request.'));
    }
  } finally {
    // A request refused before its body was read still has to be drained for the answer to reach the client.
    if (!req.readableEnded) req.resume();
  }
}

/** Creates the HTTP server that authenticates, routes and answers Batch REST requests. */
export function createBatchServer(config: ServerConfig): Server {
  const server = createServer((req, res) => {
    handle(config, req, res).catch((error: unknown) => {
      config.log(`request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
