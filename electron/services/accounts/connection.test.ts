import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReachable, normalizeAccountUrl, parseAccountUrl } from './connection';

const servers: Server[] = [];
const sockets: import('node:net').Socket[] = [];

async function listen(onConnection: (socket: import('node:net').Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    // A paused server socket never sees the client's FIN, so the test tracks and closes them itself.
    sockets.push(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as import('node:net').AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as import('node:net').AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('account URLs', () => {
  it.each([
    ['', /not an absolute URL/],
    ['myaccount.westeurope.batch.azure.com', /not an absolute URL/],
    ['ftp://myaccount.batch.azure.com', /must start with https/],
    ['http://myaccount.westeurope.batch.azure.com', /plain http is only allowed/],
    ['https://user:pw@myaccount.batch.azure.com', /user name or password/],
    ['https://myaccount.batch.azure.com/pools', /path, query or fragment/],
    ['https://myaccount.batch.azure.com/?x=1', /path, query or fragment/],
  ])('refuses %j, naming the problem', (text, why) => {
    expect(() => parseAccountUrl(text)).toThrow(why);
    try {
      parseAccountUrl(text);
    } catch (error) {
      expect((error as { code: string }).code).toBe('MalformedUrl');
    }
  });

  it('accepts https accounts and loopback emulators, and compares them case-insensitively', () => {
    expect(parseAccountUrl('https://MyAccount.westeurope.batch.azure.com/').host).toBe('myaccount.westeurope.batch.azure.com');
    expect(parseAccountUrl('http://127.0.0.1:10100').port).toBe('10100');
    expect(normalizeAccountUrl('https://A.batch.azure.com/')).toBe(normalizeAccountUrl('https://a.batch.azure.com'));
  });
});

describe('checkReachable', () => {
  it('names a host that does not resolve', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(checkReachable('https://nope.westeurope.batch.azure.com', { lookup })).rejects.toMatchObject({
      code: 'NameNotResolved',
      message: expect.stringContaining('nope.westeurope.batch.azure.com does not resolve'),
    });
  });

  it('names a refused connection', async () => {
    const port = await closedPort();
    await expect(checkReachable(`http://127.0.0.1:${port}`)).rejects.toMatchObject({
      code: 'ConnectionRefused',
      message: expect.stringContaining(`127.0.0.1:${port}`),
    });
  });

  it('names a timeout when the server never answers the TLS handshake', async () => {
    const port = await listen(() => {});
    await expect(checkReachable(`https://localhost:${port}`, { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'ConnectionTimeout',
      message: expect.stringContaining('negotiating TLS'),
    });
  });

  it('names a TLS failure', async () => {
    const port = await listen((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await expect(checkReachable(`https://localhost:${port}`, { timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'TlsError',
      message: expect.stringContaining('TLS handshake'),
    });
  });

  it('passes for a listening loopback emulator', async () => {
    const port = await listen((socket) => socket.end());
    await expect(checkReachable(`http://127.0.0.1:${port}`)).resolves.toBeInstanceOf(URL);
  });
});
