import { BRIDGE_KEY, type PreloadBridge, type Transport } from '../../shared/transport';
import { createIpcTransport } from './ipc-transport';
import { createWebTransport, type WebTransportDeps } from './web-transport';

function isBridge(value: unknown): value is PreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.invoke === 'function' && typeof v.subscribe === 'function';
}

/** Picks the transport once at start: the preload bridge inside Electron, the web host otherwise. */
export function selectTransport(scope: object = window, webDeps?: WebTransportDeps): Transport {
  const bridge: unknown = (scope as Record<string, unknown>)[BRIDGE_KEY];
  return isBridge(bridge) ? createIpcTransport(bridge) : createWebTransport(webDeps);
}
