import type { Envelope } from '../../shared/errors';
import type { PreloadBridge } from '../../shared/transport';
import type { EventSourceLike } from './web-transport';

/** A fake preload bridge recording calls and letting a test push events. */
export class FakeBridge implements PreloadBridge {
  readonly calls: { name: string; args: unknown }[] = [];
  readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly answer: (name: string, args: unknown) => Promise<unknown>) {}

  invoke(name: string, args: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, args });
    return this.answer(name, args) as Promise<Envelope<unknown>>;
  }

  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  /** Delivers one event to every current listener. */
  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

/** A fake EventSource: records listeners and lets a test deliver raw SSE `data`. */
export class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  closed = false;

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers one SSE message with the given raw data text. */
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent);
  }

  /** How many listeners are attached for one event type. */
  count(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }
}

/** A JSON Response as the web host sends it. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
