import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCodes, type Envelope } from '../../shared/errors';
import { WebHostPaths } from '../../shared/transport';
import type { Services } from '../services';
import { readRendererFile } from '../services/renderer-files';
import { SECURITY_HEADERS } from '../services/security/csp';
import { checkAccess, sessionCookie } from './auth';
import { anyRedeemer, DOWNLOAD_ROUTE, serveDownload } from './download';
import { serveUpload } from './upload';
import { streamEvents } from './sse';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface WebHostOptions {
  port: number;
  rendererDir: string;
  services: Services;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, services: Services): Promise<void> {
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'too large';
    const envelope: Envelope<never> = {
      ok: false,
      error: {
        code: ErrorCodes.badRequest,
        message: tooLarge ? `Request body is larger than ${MAX_BODY_BYTES} bytes` : 'Request body is not valid JSON',
        status: tooLarge ? 413 : 400,
      },
    };
    sendJson(res, tooLarge ? 413 : 400, envelope);
    return;
  }
  const envelope = await services.dispatch(name, args);
  sendJson(res, httpStatus(envelope), envelope);
}

const REQUEST_ERRORS: ReadonlySet<string> = new Set([ErrorCodes.unknownCall, ErrorCodes.badRequest]);

/**
 * The HTTP status of a call's answer. A call that ran answers 200 whatever its outcome, as it does over IPC: a
 * service error such as `JobNotFound` is an answer, not a failed request, and a 404 would put a console error in
 * the page for every poll that races a delete. Only a request that was not a valid call keeps its 4xx.
 */
function httpStatus(envelope: Envelope<unknown>): number {
  if (envelope.ok || !REQUEST_ERRORS.has(envelope.error.code)) return 200;
  return envelope.error.status ?? 400;
}

async function route(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, token: string, port: number) {
  const decision = checkAccess({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, token, port);
  if (!decision.allowed) {
    sendText(res, decision.status, decision.status === 401 ? 'Unauthorized' : 'Forbidden');
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (decision.tokenFromQuery && req.method === 'GET') {
    // Swap the URL token for a cookie so it does not linger in history or leak through Referer.
    url.searchParams.delete(WebHostPaths.tokenQuery);
    res.writeHead(302, { Location: url.pathname + url.search, 'Set-Cookie': sessionCookie(token), 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  if (url.pathname === WebHostPaths.events && req.method === 'GET') {
    streamEvents(res, options.services.events);
    return;
  }
  if (url.pathname.startsWith(DOWNLOAD_ROUTE) && req.method === 'GET') {
    const downloads = anyRedeemer([options.services.downloads, options.services.storage.downloads]);
    return serveDownload(res, downloads, url.pathname.slice(DOWNLOAD_ROUTE.length));
  }
  if (url.pathname.startsWith(WebHostPaths.upload)) {
    if (req.method !== 'PUT') return sendText(res, 405, 'Method not allowed');
    return serveUpload(req, res, options.services.storage.uploads, url.pathname.slice(WebHostPaths.upload.length));
  }
  if (url.pathname.startsWith(WebHostPaths.api)) {
    if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
    return handleCall(req, res, decodeURIComponent(url.pathname.slice(WebHostPaths.api.length)), options.services);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
  const file = await readRendererFile(options.rendererDir, url.pathname);
  if (!file) return sendText(res, 404, 'Not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** Serves the built renderer and the contract on 127.0.0.1 only, behind a per-run session token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;
  const server = createServer((req, res) => {
    route(req, res, options, token, port).catch((error: unknown) => {
      console.error('web host request failed:', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${WebHostPaths.tokenQuery}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
