import type { Envelope } from './errors';
import type { TransportKind } from './models';

/** How the renderer reaches main: the preload bridge in Electron, HTTP + SSE under the web host. */
export interface Transport {
  readonly kind: TransportKind;
  /** Sends one contract call; resolves with main's envelope, never rejects for a service error. */
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  /** Listens to one pushed event; the returned function stops listening. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Sends one file's bytes to a single-use upload URL from main; rejects with an AppError when main refuses them. */
  upload(url: string, body: Blob, signal?: AbortSignal): Promise<void>;
}

/** The API the preload exposes on `window.batchLens`. */
export interface PreloadBridge {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** The global name the preload bridge is exposed under. */
export const BRIDGE_KEY = 'batchLens';

/** The web host's URL layout and session token names, shared by host and renderer. */
export const WebHostPaths = {
  api: '/api/',
  events: '/api/events',
  /** `PUT /upload/<ticket>`: one file's bytes for a storage upload (app://bundle/upload/<ticket> in Electron). */
  upload: '/upload/',
  tokenQuery: 'token',
  tokenCookie: 'batch_lens_session',
  tokenHeader: 'x-batch-lens-token',
} as const;
