import { AppError, type Envelope } from '../../shared/errors';
import { WebHostPaths, type Transport } from '../../shared/transport';
import { describeFailure, isEnvelope, transportError, transportFailure } from './transport-error';

/** The slice of EventSource the web transport uses, so tests can pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** What the web transport needs from the browser; injected so it can be tested in Node. */
export interface WebTransportDeps {
  fetch: typeof fetch;
  createEventSource: (url: string) => EventSourceLike;
}

/** The browser's own fetch and EventSource, read when called so nothing touches globals at import time. */
export function browserWebDeps(): WebTransportDeps {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    createEventSource: (url) => new EventSource(url),
  };
}

async function post(deps: WebTransportDeps, name: string, args: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await deps.fetch(`${WebHostPaths.api}${encodeURIComponent(name)}`, {
      method: 'POST',
      // The session rides on an HttpOnly cookie set by the host.
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
  } catch (error) {
    return transportFailure(`Cannot reach the Batch Lens host: ${describeFailure(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportFailure(`The host answered ${response.status} without JSON`, response.status);
  }
  if (!isEnvelope(body)) return transportFailure(`The host answered ${response.status} without an envelope`, response.status);
  return body;
}

/**
 * PUTs one file to a single-use upload path from main (same origin only: the renderer sends bytes nowhere else) and
 * turns a refusal into the AppError from main's envelope.
 */
export async function uploadWith(fetchImpl: typeof fetch, url: string, body: Blob, signal?: AbortSignal): Promise<void> {
  if (!url.startsWith(WebHostPaths.upload)) {
    throw new AppError({ code: 'BadRequest', message: 'Uploads go only to the app\'s own upload links', status: 400 });
  }
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream' },
      body,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw new AppError({ code: 'Cancelled', message: 'The upload was cancelled', status: 499 });
    throw new AppError(transportError(`Cannot reach the Batch Lens host: ${describeFailure(error)}`));
  }
  if (response.ok) return;
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    throw new AppError(transportError(`The upload was refused (${response.status})`, response.status));
  }
  if (isEnvelope(answer) && !answer.ok) throw new AppError(answer.error);
  throw new AppError(transportError(`The upload was refused (${response.status})`, response.status));
}

/** The web-host transport: POST /api/<name> for calls, one shared EventSource for every event. */
export function createWebTransport(deps: WebTransportDeps = browserWebDeps()): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const forwarders = new Map<string, (event: MessageEvent) => void>();
  let source: EventSourceLike | undefined;

  function forwarderFor(name: string): (event: MessageEvent) => void {
    return (event) => {
      let payload: unknown;
      try {
        payload = JSON.parse(String(event.data));
      } catch {
        console.warn(`Ignoring event ${name}: its data is not JSON`);
        return;
      }
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          // One broken listener must not starve the others.
          console.error(`Listener for ${name} failed:`, error);
        }
      }
    };
  }

  function unsubscribe(name: string, listener: (payload: unknown) => void): void {
    const set = listeners.get(name);
    if (!set?.delete(listener) || set.size > 0) return;
    listeners.delete(name);
    const forward = forwarders.get(name);
    if (forward) source?.removeEventListener(name, forward);
    forwarders.delete(name);
    if (listeners.size === 0) {
      // Nobody listens any more: free the host's connection slot instead of idling on it.
      source?.close();
      source = undefined;
    }
  }

  return {
    kind: 'web',
    invoke: (name, args) => post(deps, name, args),
    // The session rides on the same HttpOnly cookie as the API calls.
    upload: (url, body, signal) => uploadWith(deps.fetch, url, body, signal),
    subscribe(name: string, listener: (payload: unknown) => void): () => void {
      source ??= deps.createEventSource(WebHostPaths.events);
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        const forward = forwarderFor(name);
        forwarders.set(name, forward);
        source.addEventListener(name, forward);
      }
      // A fresh wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        unsubscribe(name, entry);
      };
    },
  };
}
