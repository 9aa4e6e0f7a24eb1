import { callChannel, eventChannel, isCallName, isEventName } from '../../shared/contract/names';
import { ErrorCodes, type Envelope } from '../../shared/errors';
import type { PreloadBridge } from '../../shared/transport';

/** The slice of ipcRenderer the bridge needs; keeps this module free of `electron` so it can be tested directly. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the only API the renderer sees: contract calls and contract events, nothing else. */
export function createBridge(ipc: IpcRendererLike): PreloadBridge {
  return Object.freeze({
    invoke(name: string, args: unknown): Promise<Envelope<unknown>> {
      if (!isCallName(name)) {
        return Promise.resolve({
          ok: false,
          error: { code: ErrorCodes.unknownCall, message: `Unknown call: ${String(name).slice(0, 100)}` },
        });
      }
      return ipc.invoke(callChannel(name), args) as Promise<Envelope<unknown>>;
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
      if (typeof listener !== 'function') throw new Error('subscribe needs a listener function');
      const channel = eventChannel(event);
      // The IpcRendererEvent stays here: it exposes `sender`, which must never reach page code.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  });
}
