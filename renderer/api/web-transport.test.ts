import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../shared/errors';
import { FakeEventSource, jsonResponse } from './test-fakes';
import { createWebTransport } from './web-transport';

type FetchCall = { url: string; init: RequestInit | undefined };

function setup(respond: (call: FetchCall) => Promise<Response>) {
  const fetches: FetchCall[] = [];
  const sources: FakeEventSource[] = [];
  const transport = createWebTransport({
    fetch: async (input, init) => {
      const call = { url: String(input), init };
      fetches.push(call);
      return respond(call);
    },
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
  });
  return { transport, fetches, sources };
}

describe('createWebTransport: calls', () => {
  it('POSTs the JSON args to /api/<name> with the same-origin session cookie', async () => {
    const { transport, fetches } = setup(async () => jsonResponse(200, { ok: true, value: { n: 1 } }));
    expect(transport.kind).toBe('web');
    const envelope = await transport.invoke('app.info', { x: 'y' });
    expect(envelope).toEqual({ ok: true, value: { n: 1 } });
    expect(fetches).toHaveLength(1);
    const [call] = fetches;
    expect(call?.url).toBe('/api/app.info');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(new Headers(call?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(call?.init?.body))).toEqual({ x: 'y' });
  });

  it('URL-encodes the call name so it cannot change the path', async () => {
    const { transport, fetches } = setup(async () => jsonResponse(200, { ok: true, value: null }));
    await transport.invoke('a/../b?c', {});
    expect(fetches[0]?.url).toBe('/api/a%2F..%2Fb%3Fc');
  });

  it('returns the envelope carried by a non-2xx JSON answer', async () => {
    const error = { code: 'BadRequest', message: 'no', status: 400 };
    const { transport } = setup(async () => jsonResponse(400, { ok: false, error }));
    expect(await transport.invoke('app.info', {})).toEqual({ ok: false, error });
  });

  it('maps a network failure to a TransportError without a status', async () => {
    const { transport } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    const envelope = await transport.invoke('app.info', {});
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe(ErrorCodes.transport);
    expect(envelope.error.status).toBeUndefined();
    expect(envelope.error.message).toContain('Failed to fetch');
  });

  it('maps a non-JSON answer to a TransportError carrying the HTTP status', async () => {
    const { transport } = setup(async () => new Response('Unauthorized', { status: 401 }));
    const envelope = await transport.invoke('app.info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: ErrorCodes.transport, status: 401 } });
  });

  it('maps JSON that is not an envelope to a TransportError', async () => {
    const { transport } = setup(async () => jsonResponse(200, { hello: 'world' }));
    const envelope = await transport.invoke('app.info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: ErrorCodes.transport, status: 200 } });
  });
});

describe('createWebTransport: events', () => {
  it('opens no EventSource until someone subscribes', () => {
    const { sources } = setup(async () => jsonResponse(200, {}));
    expect(sources).toHaveLength(0);
  });

  it('shares one EventSource on /api/events across subscribers and decodes JSON data', () => {
    const { transport, sources } = setup(async () => jsonResponse(200, {}));
    const a: unknown[] = [];
    const b: unknown[] = [];
    transport.subscribe('app.notice', (p) => a.push(p));
    transport.subscribe('app.notice', (p) => b.push(p));
    transport.subscribe('other.event', () => undefined);
    expect(sources).toHaveLength(1);
    const source = sources[0]!;
    expect(source.url).toBe('/api/events');
    expect(source.count('app.notice')).toBe(1);
    source.emit('app.notice', '{"level":"info","message":"hi"}');
    expect(a).toEqual([{ level: 'info', message: 'hi' }]);
    expect(b).toEqual([{ level: 'info', message: 'hi' }]);
  });

  it('stops delivering after unsubscribe and closes the EventSource when the last listener leaves', () => {
    const { transport, sources } = setup(async () => jsonResponse(200, {}));
    const a: unknown[] = [];
    const stopA = transport.subscribe('app.notice', (p) => a.push(p));
    const stopB = transport.subscribe('app.notice', () => undefined);
    const source = sources[0]!;
    stopA();
    stopA();
    source.emit('app.notice', '1');
    expect(a).toEqual([]);
    expect(source.closed).toBe(false);
    stopB();
    expect(source.count('app.notice')).toBe(0);
    expect(source.closed).toBe(true);
    transport.subscribe('app.notice', () => undefined);
    expect(sources).toHaveLength(2);
  });

  it('ignores data that is not JSON and keeps delivering later events', () => {
    const { transport, sources } = setup(async () => jsonResponse(200, {}));
    const seen: unknown[] = [];
    transport.subscribe('app.notice', (p) => seen.push(p));
    const source = sources[0]!;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      source.emit('app.notice', 'not json');
    } finally {
      console.warn = warn;
    }
    source.emit('app.notice', '{"n":2}');
    expect(seen).toEqual([{ n: 2 }]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { transport, sources } = setup(async () => jsonResponse(200, {}));
    const seen: unknown[] = [];
    transport.subscribe('app.notice', () => {
      throw new Error('boom');
    });
    transport.subscribe('app.notice', (p) => seen.push(p));
    const error = console.error;
    console.error = () => undefined;
    try {
      sources[0]!.emit('app.notice', '"x"');
    } finally {
      console.error = error;
    }
    expect(seen).toEqual(['x']);
  });
});

describe('createWebTransport: uploads', () => {
  it('PUTs the file to its same-origin upload path with the session cookie', async () => {
    const { transport, fetches } = setup(async () => jsonResponse(200, { ok: true, value: { bytes: 3 } }));
    const controller = new AbortController();
    await transport.upload('/upload/abc', new Blob(['abc']), controller.signal);
    expect(fetches).toHaveLength(1);
    const [call] = fetches;
    expect(call?.url).toBe('/upload/abc');
    expect(call?.init?.method).toBe('PUT');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(call?.init?.signal).toBe(controller.signal);
    expect(await (call?.init?.body as Blob).text()).toBe('abc');
  });

  it('rejects with the AppError from the envelope main answers a refusal with', async () => {
    const error = { code: 'SizeMismatch', message: 'a.txt sent 1 of the 3 bytes declared', status: 400 };
    const { transport } = setup(async () => jsonResponse(400, { ok: false, error }));
    await expect(transport.upload('/upload/abc', new Blob(['a']))).rejects.toMatchObject(error);
    const bare = setup(async () => new Response('Forbidden', { status: 403 }));
    await expect(bare.transport.upload('/upload/abc', new Blob(['a']))).rejects.toMatchObject({ code: ErrorCodes.transport, status: 403 });
  });

  it('sends bytes nowhere but the upload route, and reports an abort as a cancellation', async () => {
    const { transport, fetches } = setup(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(transport.upload('https://evil.example/upload/x', new Blob(['a']))).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(transport.upload('/api/app.info', new Blob(['a']))).rejects.toMatchObject({ code: 'BadRequest' });
    expect(fetches).toHaveLength(0);
    const controller = new AbortController();
    controller.abort();
    await expect(transport.upload('/upload/x', new Blob(['a']), controller.signal)).rejects.toMatchObject({ code: 'Cancelled' });
  });
});
