import type { Protocol } from 'electron';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Envelope } from '../../shared/errors';
import { WebHostPaths } from '../../shared/transport';
import { toErrorShape } from '../services/contract/errors';
import { SECURITY_HEADERS } from '../services/security/csp';
import { readRendererFile } from '../services/renderer-files';
import type { UploadService } from '../services/transfers/uploads';

/** The renderer's scheme and host; the renderer is never loaded from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for the app scheme; must be registered before the app is ready. `stream` lets upload bodies stream. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

/** Where upload bodies go; a getter because the services start after the protocol is registered. */
export type UploadReceiver = () => Pick<UploadService, 'receive'> | undefined;

function envelopeResponse(status: number, envelope: Envelope<unknown>): Response {
  return new Response(JSON.stringify(envelope), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** `PUT app://bundle/upload/<ticket>`: streams the body into the ticket's sink, answering with the contract's envelope. */
async function receiveUpload(request: Request, ticket: string, uploads: UploadReceiver): Promise<Response> {
  const receiver = uploads();
  if (!receiver) {
    return envelopeResponse(503, { ok: false, error: { code: 'Unavailable', message: 'The app is still starting; try the upload again', status: 503 } });
  }
  const body = request.body ? Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>) : Readable.from([]);
  try {
    const value = await receiver.receive(ticket, body, request.signal);
    return envelopeResponse(200, { ok: true, value });
  } catch (error) {
    const shape = toErrorShape(error);
    return envelopeResponse(shape.status ?? 500, { ok: false, error: shape });
  }
}

/** Serves the built renderer on app://bundle/, with the security headers on every response, and upload bodies. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string, uploads: UploadReceiver = () => undefined): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && url.pathname.startsWith(WebHostPaths.upload) && request.method === 'PUT') {
      return receiveUpload(request, url.pathname.slice(WebHostPaths.upload.length), uploads);
    }
    if (url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}
