import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

await import('./preload');

interface Bridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  subscribe(event: string, cb: (...args: unknown[]) => void): () => void;
}
const bridge = () => exposed.get('batchLens') as Bridge;

describe('preload bridge', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes only invoke and subscribe, frozen', () => {
    expect([...exposed.keys()]).toEqual(['batchLens']);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(bridge())).toBe(true);
  });

  it('forwards contract calls on their own channel', async () => {
    await expect(bridge().invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith('call:app.info', {});
  });

  it('refuses names outside the contract without touching IPC', async () => {
    for (const name of ['app.quit', 'call:app.info', '__proto__', 'ELECTRON_BROWSER_REQUIRE']) {
      await expect(bridge().invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes only the payload to subscribers, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge().subscribe('app.notice', (...args) => received.push(args));
    const fakeIpcEvent = { sender: { send: () => {} }, ports: [] };
    for (const listener of listeners.get('event:app.notice') ?? []) listener(fakeIpcEvent, { level: 'info', message: 'hi' });
    expect(received).toEqual([[{ level: 'info', message: 'hi' }]]);
    unsubscribe();
    expect(listeners.get('event:app.notice')?.size).toBe(0);
  });

  it('refuses to subscribe to events outside the contract', () => {
    expect(() => bridge().subscribe('ipc:anything', () => {})).toThrow(/Unknown event/);
    expect(listeners.has('event:ipc:anything')).toBe(false);
  });
});
