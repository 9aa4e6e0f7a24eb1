import { lookup as dnsLookup } from 'node:dns/promises';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { AppError } from '../../../shared/errors';

/** Codes for why an account could not be reached; the service's own codes (e.g. AuthenticationFailed) pass through. */
export const ConnectionCodes = {
  malformedUrl: 'MalformedUrl',
  nameNotResolved: 'NameNotResolved',
  refused: 'ConnectionRefused',
  timeout: 'ConnectionTimeout',
  tls: 'TlsError',
} as const;

export interface ReachOptions {
  timeoutMs?: number;
  lookup?: (host: string) => Promise<unknown>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses an account URL: absolute https (plain http only on loopback, for local emulators), no path, query or credentials. */
export function parseAccountUrl(text: string): URL {
  const fail = (why: string) => new AppError({ code: ConnectionCodes.malformedUrl, message: `Malformed account URL "${text}": ${why}`, status: 400 });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw fail('it is not an absolute URL such as https://myaccount.westeurope.batch.azure.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('it must start with https://');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw fail('plain http is only allowed for a local emulator on 127.0.0.1');
  if (url.username || url.password) throw fail('it must not contain a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) throw fail('it must not have a path, query or fragment');
  return url;
}

/** The canonical form used to compare accounts: lower-case origin without a trailing slash. */
export function normalizeAccountUrl(text: string): string {
  return parseAccountUrl(text).origin.toLowerCase();
}

function withTimeout(work: (settle: (error?: Error) => void) => Socket[], timeoutMs: number, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const destroy = () => sockets.forEach((socket) => socket.destroy());
    const sockets = work((error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      destroy();
      if (error) reject(error);
      else resolve();
    });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      destroy();
      reject(new AppError({ code: ConnectionCodes.timeout, message: `Timed out after ${timeoutMs / 1000} s while ${what}`, status: 504 }));
    }, timeoutMs);
  });
}

function networkError(error: NodeJS.ErrnoException, host: string, port: number): AppError {
  if (error.code === 'ECONNREFUSED') {
    return new AppError({ code: ConnectionCodes.refused, message: `Connection refused by ${host}:${port}: nothing is listening there`, status: 502 });
  }
  if (error.code === 'ETIMEDOUT' || error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH') {
    return new AppError({ code: ConnectionCodes.timeout, message: `Could not reach ${host}:${port} (${error.code})`, status: 504 });
  }
  return new AppError({ code: ConnectionCodes.refused, message: `Could not connect to ${host}:${port}: ${error.message}`, status: 502 });
}

/**
 * Checks, step by step, that an account URL can be reached: the name resolves, the port accepts a connection, and
 * (for https) the TLS handshake and certificate are valid. Each failure throws an AppError naming that step.
 */
export async function checkReachable(text: string, options: ReachOptions = {}): Promise<URL> {
  const url = parseAccountUrl(text);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  try {
    await (options.lookup ?? dnsLookup)(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
    throw new AppError({ code: ConnectionCodes.nameNotResolved, message: `The name ${host} does not resolve (${code}); check the account URL`, status: 502 });
  }
  await withTimeout(
    (settle) => {
      const socket = netConnect({ host, port });
      socket.once('connect', () => settle());
      socket.once('error', (error: NodeJS.ErrnoException) => settle(networkError(error, host, port)));
      return [socket];
    },
    timeoutMs,
    `connecting to ${host}:${port}`,
  );
  if (url.protocol === 'https:') {
    await withTimeout(
      (settle) => {
        const socket = tlsConnect({ host, port, servername: host, ALPNProtocols: ['http/1.1'] });
        socket.once('secureConnect', () => settle());
        socket.once('error', (error: NodeJS.ErrnoException) =>
          settle(new AppError({ code: ConnectionCodes.tls, message: `TLS handshake with ${host}:${port} failed: ${error.message}`, status: 502 })),
        );
        return [socket];
      },
      timeoutMs,
      `negotiating TLS with ${host}:${port}`,
    );
  }
  return url;
}
