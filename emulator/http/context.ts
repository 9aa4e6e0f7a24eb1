import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpDate, iso } from '../model/clock.js';
import type { BatchError } from './errors.js';

/** Content type of every JSON body the service sends. */
export const JSON_TYPE = 'application/json;odata=minimalmetadata';

type Headers = Record<string, string | number>;

/** One request in flight: its parsed parts and the ways to answer it. */
export class RequestContext {
  readonly requestId = randomUUID();
  params: Record<string, string> = {};
  body: unknown;
  private answered = false;

  /** Wraps a Node request/response pair whose URL has been split into path and query. */
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly path: string,
    readonly query: ReadonlyMap<string, string>,
    /** Scheme and authority the client used, e.g. http://127.0.0.1:5000; entity URLs are built on it. */
    readonly base: string,
  ) {}

  /** The HTTP verb. */
  get method(): string {
    return (this.req.method ?? 'GET').toUpperCase();
  }

  /** A request header (lower-case name). */
  header(name: string): string | undefined {
    const value = this.req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** True once a response has been started. */
  get done(): boolean {
    return this.answered;
  }

  private commonHeaders(): Headers {
    const headers: Headers = { 'request-id': this.requestId, DataServiceVersion: '3.0' };
    const clientId = this.header('client-request-id');
    if (clientId !== undefined && this.header('return-client-request-id')?.toLowerCase() === 'true') {
      headers['client-request-id'] = clientId;
    }
    return headers;
  }

  /** Sends a status with optional headers and raw body (none for HEAD). */
  send(status: number, headers: Headers = {}, body?: Buffer | string): void {
    if (this.answered) return;
    this.answered = true;
    const payload = body === undefined || this.method === 'HEAD' ? undefined : body;
    const all: Headers = { ...this.commonHeaders(), ...headers };
    if (!('Content-Length' in all)) all['Content-Length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
    this.res.writeHead(status, all);
    this.res.end(payload);
  }

  /** Writes status and headers (Content-Length included) and leaves the body to the caller, for streaming. */
  begin(status: number, headers: Headers): ServerResponse {
    this.answered = true;
    this.res.writeHead(status, { ...this.commonHeaders(), ...headers });
    return this.res;
  }

  /** Sends a JSON body. */
  json(status: number, body: unknown, headers: Headers = {}): void {
    this.send(status, { 'Content-Type': JSON_TYPE, ...headers }, JSON.stringify(body));
  }

  /** Sends the service's error body for a BatchError, with any extra headers (such as Retry-After). */
  error(error: BatchError, headers: Headers = {}): void {
    const message = `${error.message}\nRequestId:${this.requestId}\nTime:${iso(Date.now())}`;
    const body = {
      'odata.metadata': `${this.base}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
      code: error.code,
      message: { lang: 'en-US', value: message },
      values: error.values,
    };
    this.json(error.status, body, headers);
  }
}

/** ETag and Last-Modified headers of an entity. */
export function entityHeaders(rec: { eTag: string; lastModified: number }): Headers {
  return { ETag: rec.eTag, 'Last-Modified': httpDate(rec.lastModified) };
}
