import type { Envelope } from '../../shared/errors';
import type { PreloadBridge, Transport } from '../../shared/transport';
import { describeFailure, isEnvelope, transportFailure } from './transport-error';

/** The Electron transport: a thin adapter over the preload bridge on `window.batchLens`. */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
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
