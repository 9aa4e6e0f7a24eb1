import type { DeviceCodeNotice } from '../../shared/models';
import { isHttpsUrl } from './sign-in-url';

/** One sign-in this page started and is still waiting for. */
export interface PendingSignIn {
  requestId: string;
  method: 'browser' | 'deviceCode';
  /** Who the sign-in is for, when the page asked for a particular user. */
  loginHint?: string;
  /** The code and link to show, once main pushed them (device code only). */
  deviceCode?: DeviceCodeNotice;
  /** The https sign-in page main asked this page to open (web host, browser sign-in only). */
  signInUrl?: string;
}

/** A request id the contract accepts (8-64 letters, digits, hyphens), from the browser's CSPRNG. */
export function newRequestId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return `signin-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The sign-ins this page started. Events are pushed to every open window, so a device code or a URL to open is
 * acted on only when its request id is one of ours.
 */
export class SignInRequests {
  private readonly pending = new Map<string, PendingSignIn>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly PendingSignIn[] = [];

  private changed(): void {
    this.snapshot = [...this.pending.values()];
    for (const listener of [...this.listeners]) listener();
  }

  /** Records a sign-in that is about to be sent to main. */
  start(request: Pick<PendingSignIn, 'requestId' | 'method' | 'loginHint'>): void {
    this.pending.set(request.requestId, { ...request });
    this.changed();
  }

  /** Forgets a sign-in once main answered (signed in, failed or cancelled). */
  finish(requestId: string): void {
    if (this.pending.delete(requestId)) this.changed();
  }

  /** Attaches a pushed device code to our sign-in; returns false (and keeps nothing) for anyone else's. */
  deviceCode(notice: DeviceCodeNotice): boolean {
    const found = this.pending.get(notice.requestId);
    if (!found) return false;
    this.pending.set(notice.requestId, { ...found, deviceCode: notice });
    this.changed();
    return true;
  }

  /** Records the sign-in page for our browser sign-in; returns false for anyone else's or a URL that is not https. */
  signInUrl(requestId: string, url: unknown): boolean {
    const found = this.pending.get(requestId);
    if (!found || !isHttpsUrl(url)) return false;
    this.pending.set(requestId, { ...found, signInUrl: url });
    this.changed();
    return true;
  }

  /** The running sign-ins, oldest first; the same array until something changes (for useSyncExternalStore). */
  current(): readonly PendingSignIn[] {
    return this.snapshot;
  }

  /** Calls `listener` after every change; the returned function stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The page's one registry of running sign-ins. */
export const signInRequests = new SignInRequests();
