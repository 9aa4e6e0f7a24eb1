import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestTls } from './test-tls';

/** One answer from a fake endpoint. */
export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A request as the fakes see it: method, parsed URL, headers and the raw body. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A running loopback HTTPS fake. */
export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** JSON helper for handlers. */
export function json(status: number, body: unknown): FakeResponse {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8' } };
}

/** Starts an HTTPS server on 127.0.0.1 (random port) with the test certificate. */
export async function startHttpsServer(
  tls: TestTls,
  handle: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<RunningServer> {
  let origin = '';
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', origin),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      Promise.resolve()
        .then(() => handle(request))
        .catch((error: unknown) => json(500, { error: 'fake_failure', error_description: String(error) }))
        .then((response) => {
          const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
          res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
          res.end(text);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
