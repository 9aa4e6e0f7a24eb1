import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../shared/errors';
import { createIpcTransport } from './ipc-transport';
import { FakeBridge, jsonResponse } from './test-fakes';

describe('createIpcTransport', () => {
  it('is the ipc kind and passes name and args to the bridge unchanged', async () => {
    const bridge = new FakeBridge(async () => ({ ok: true, value: 42 }));
    const transport = createIpcTransport(bridge);
    expect(transport.kind).toBe('ipc');
    const envelope = await transport.invoke('app.info', { a: 1 });
    expect(envelope).toEqual({ ok: true, value: 42 });
    expect(bridge.calls).toEqual([{ name: 'app.info', args: { a: 1 } }]);
  });

  it('passes an error envelope through untouched', async () => {
    const error = { code: 'PoolNotFound', message: 'gone', status: 404 };
    const transport = createIpcTransport(new FakeBridge(async () => ({ ok: false, error })));
    expect(await transport.invoke('app.info', {})).toEqual({ ok: false, error });
  });

  it('turns a rejected bridge call into a TransportError envelope', async () => {
    const transport = createIpcTransport(
      new FakeBridge(async () => {
        throw new Error('No handler registered');
      }),
    );
    const envelope = await transport.invoke('app.info', {});
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe(ErrorCodes.transport);
    expect(envelope.error.message).toContain('No handler registered');
  });

  it('turns an answer that is not an envelope into a TransportError envelope', async () => {
    const transport = createIpcTransport(new FakeBridge(async () => ({ value: 1 })));
    const envelope = await transport.invoke('app.info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: ErrorCodes.transport } });
  });

  it('subscribes through the bridge and stops on unsubscribe', () => {
    const bridge = new FakeBridge(async () => ({ ok: true, value: null }));
    const transport = createIpcTransport(bridge);
    const seen: unknown[] = [];
    const stop = transport.subscribe('app.notice', (payload) => seen.push(payload));
    bridge.emit('app.notice', { level: 'info', message: 'one' });
    stop();
    bridge.emit('app.notice', { level: 'info', message: 'two' });
    expect(seen).toEqual([{ level: 'info', message: 'one' }]);
  });

  it('uploads through fetch to the app:// upload route, never over the bridge', async () => {
    const bridge = new FakeBridge(async () => ({ ok: true, value: null }));
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const transport = createIpcTransport(bridge, async (input, init) => {
      sent.push({ url: String(input), init });
      return sent.length === 1 ? jsonResponse(200, { ok: true, value: { bytes: 2 } }) : jsonResponse(404, { ok: false, error: { code: 'UploadNotFound', message: 'used', status: 404 } });
    });
    await transport.upload('/upload/t1', new Blob(['hi']));
    expect(sent[0]).toMatchObject({ url: '/upload/t1', init: { method: 'PUT' } });
    expect(bridge.calls).toEqual([]);
    await expect(transport.upload('/upload/t1', new Blob(['hi']))).rejects.toMatchObject({ code: 'UploadNotFound', status: 404 });
  });
});
