import type { Envelope } from '../../shared/errors';
import type { PreloadBridge, Transport } from '../../shared/transport';
import { describeFailure, isEnvelope, transportFailure } from './transport-error';
import { uploadWith } from './web-transport';

/** The Electron transport: a thin adapter over the preload bridge; uploads go to app://bundle/upload/<ticket>. */
export function createIpcTransport(bridge: PreloadBridge, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Transport {
  return {
    kind: 'ipc',
    // File bytes never cross the preload bridge: the app:// protocol streams them to main.
    upload: (url, body, signal) => uploadWith(fetchImpl, url, body, signal),
    async invoke(name: string, args: unknown): Promise<Envelope<unknown>> {
      let answer: unknown;
      try {
        answer = await bridge.invoke(name, args);
      } catch (error) {
        // The bridge rejects when main has no handler or the arguments cannot be cloned.
        return transportFailure(`IPC call ${name} failed: ${describeFailure(error)}`);
      }
      if (!isEnvelope(answer)) return transportFailure(`IPC call ${name} answered without an envelope`);
      return answer;
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      return bridge.subscribe(event, listener);
    },
  };
}
