import { describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../shared/transport';
import { FakeBridge, FakeEventSource } from './test-fakes';
import { selectTransport } from './transport';

const webDeps = {
  fetch: async () => new Response('{}'),
  createEventSource: (url: string) => new FakeEventSource(url),
};

describe('selectTransport', () => {
  it('uses the preload bridge when window.batchLens exists', async () => {
    const bridge = new FakeBridge(async () => ({ ok: true, value: 'via ipc' }));
    const transport = selectTransport({ [BRIDGE_KEY]: bridge }, webDeps);
    expect(transport.kind).toBe('ipc');
    expect(await transport.invoke('app.info', {})).toEqual({ ok: true, value: 'via ipc' });
    expect(bridge.calls).toHaveLength(1);
  });

  it('uses the web host when there is no bridge', () => {
    expect(selectTransport({}, webDeps).kind).toBe('web');
  });

  it('uses the web host when window.batchLens is not a bridge', () => {
    expect(selectTransport({ [BRIDGE_KEY]: { invoke: 'nope' } }, webDeps).kind).toBe('web');
  });
});
