// A counting HTTP proxy in front of the emulator: every byte the app's sync reads passes through it,
// sorted by the kind of list request that asked for it.
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The kinds of task list requests the index makes, told apart by their query. */
export type RequestKind = 'full' | 'delta' | 'ids' | 'other';

/** Bytes and requests seen per kind since the last reset. */
export type Counts = Record<RequestKind, { bytes: number; requests: number }>;

/** A running counting proxy. */
export interface CountingProxy {
  url: string;
  counts: Counts;
  reset(): void;
  close(): Promise<void>;
}

function kindOf(url: string): RequestKind {
  const query = decodeURIComponent(url.replace(/\+/g, ' '));
  if (!/\/jobs\/[^/]+\/tasks(\?|$)/.test(url)) return 'other';
  if (query.includes('$filter=stateTransitionTime')) return 'delta';
  if (/\$select=id(&|$)/.test(query)) return 'ids';
  return 'full';
}

function headerBytes(res: IncomingMessage): number {
  // The status line plus each "name: value\r\n", as they cross the wire.
  let bytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`.length;
  for (let i = 0; i < res.rawHeaders.length; i += 2) bytes += (res.rawHeaders[i]?.length ?? 0) + (res.rawHeaders[i + 1]?.length ?? 0) + 4;
  return bytes;
}

function empty(): Counts {
  return { full: { bytes: 0, requests: 0 }, delta: { bytes: 0, requests: 0 }, ids: { bytes: 0, requests: 0 }, other: { bytes: 0, requests: 0 } };
}

/** Starts a proxy to `127.0.0.1:<port>` that keeps the Host header, so the emulator's next links point back at it. */
export async function startCountingProxy(port: number): Promise<CountingProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const proxy: CountingProxy = {
    url: '',
    counts: empty(),
    reset: () => (proxy.counts = empty()),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const count = proxy.counts[kindOf(req.url ?? '/')];
    count.requests++;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      count.bytes += headerBytes(up);
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.on('data', (chunk: Buffer) => (count.bytes += chunk.length));
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
