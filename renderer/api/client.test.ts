import { describe, expect, it } from 'vitest';
import { AppError, ErrorCodes, type Envelope } from '../../shared/errors';
import type { Transport } from '../../shared/transport';
import { createClient } from './client';
import { createIpcTransport } from './ipc-transport';
import { FakeBridge, FakeEventSource } from './test-fakes';
import { createWebTransport } from './web-transport';

function fakeTransport(answer: () => Promise<unknown>): Transport & { sent: { name: string; args: unknown }[] } {
  const sent: { name: string; args: unknown }[] = [];
  return {
    kind: 'ipc',
    sent,
    invoke: (name, args) => {
      sent.push({ name, args });
      return answer() as Promise<Envelope<unknown>>;
    },
    subscribe: () => () => undefined,
    upload: async () => undefined,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the call to reject');
}

const info = { name: 'Batch Lens', version: '1.2.3', platform: 'linux', transport: 'ipc' as const };

describe('createClient', () => {
  it('exposes the transport kind', () => {
    expect(createClient(fakeTransport(async () => null)).kind).toBe('ipc');
  });

  it('unwraps the value of an ok envelope', async () => {
    const transport = fakeTransport(async () => ({ ok: true, value: info }));
    const client = createClient(transport);
    await expect(client.call('app.info', {})).resolves.toEqual(info);
    expect(transport.sent).toEqual([{ name: 'app.info', args: {} }]);
  });

  it('throws an AppError with code, message, status and details from an error envelope', async () => {
    const error = { code: 'PoolNotFound', message: 'The pool does not exist', status: 404, details: { id: 'p1' } };
    const client = createClient(fakeTransport(async () => ({ ok: false, error })));
    const thrown = await rejection(client.call('app.info', {}));
    expect(thrown.code).toBe('PoolNotFound');
    expect(thrown.message).toBe('The pool does not exist');
    expect(thrown.status).toBe(404);
    expect(thrown.details).toEqual({ id: 'p1' });
  });

  it('throws a TransportError when the transport rejects', async () => {
    const client = createClient(
      fakeTransport(async () => {
        throw new Error('channel closed');
      }),
    );
    const thrown = await rejection(client.call('app.info', {}));
    expect(thrown.code).toBe(ErrorCodes.transport);
    expect(thrown.message).toContain('channel closed');
  });

  it('throws a TransportError when the transport answers something that is not an envelope', async () => {
    const client = createClient(fakeTransport(async () => 'nonsense'));
    expect((await rejection(client.call('app.info', {}))).code).toBe(ErrorCodes.transport);
  });

  it('delivers typed events and stops on unsubscribe (over the IPC bridge)', () => {
    const bridge = new FakeBridge(async () => ({ ok: true, value: null }));
    const client = createClient(createIpcTransport(bridge));
    const messages: string[] = [];
    const stop = client.on('app.notice', (notice) => messages.push(notice.message));
    bridge.emit('app.notice', { level: 'warning', message: 'first' });
    stop();
    bridge.emit('app.notice', { level: 'warning', message: 'second' });
    expect(messages).toEqual(['first']);
  });

  it('throws a TransportError with the HTTP status for a non-JSON web answer', async () => {
    const client = createClient(
      createWebTransport({
        fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
        createEventSource: (url) => new FakeEventSource(url),
      }),
    );
    const thrown = await rejection(client.call('app.info', {}));
    expect(thrown.code).toBe(ErrorCodes.transport);
    expect(thrown.status).toBe(502);
  });
});
