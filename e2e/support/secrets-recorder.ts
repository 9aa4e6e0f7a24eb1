import type { APIResponse, Page, Route } from '@playwright/test';
import { EVENT_NAMES } from '../../shared/contract/names';
import { WebHostPaths } from '../../shared/transport';

/** One thing that reached the page: a contract response body or a pushed event's data. */
export interface Recorded {
  kind: 'response' | 'event';
  /** The call's URL path, or the event name. */
  where: string;
  text: string;
}

/** A secret the page must never see, named so a failure can say which one leaked without printing it. */
export interface KnownSecret {
  label: string;
  value: string;
}

/** Shapes of credentials that must never reach the renderer, whatever their value. */
export const TOKEN_SHAPES: readonly { label: string; pattern: RegExp }[] = [
  { label: 'a JWT (access or id token)', pattern: /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { label: 'a token-named JSON field', pattern: /"(?:access|refresh|id)_?token"\s*:/i },
  { label: 'a secret-named JSON field', pattern: /"(?:key|accountKey|primaryKey|secondaryKey|secret|clientSecret|password)"\s*:/i },
  { label: 'a Bearer authorization', pattern: /Bearer\s+[A-Za-z0-9._~+/-]{16,}/ },
  { label: 'a SharedKey authorization', pattern: /SharedKey\s+[A-Za-z0-9]+:[A-Za-z0-9+/=]{16,}/ },
  // 32-byte keys and signatures are 43-44 base64 characters; nothing the contract sends is a blob that long.
  { label: 'a long base64 blob', pattern: /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=_-])/ },
];

/** The browser globals the recording script uses (the e2e code is typed for Node, without the DOM). */
interface PageGlobals {
  location: { protocol: string };
  EventSource: new (url: string) => { addEventListener(type: string, listener: (event: { data: unknown }) => void): void };
  __batchLensRecordEvent?: (name: string, data: string) => void;
}

/**
 * Records everything the web host sends the page: every `/api/` response body (read at the network layer, before the
 * page gets it, so a reload cannot lose one), and every SSE event, read through an EventSource of its own that the
 * page opens on each load.
 */
export class SecretsRecorder {
  readonly recorded: Recorded[] = [];

  /** Starts recording; call before the page first navigates. */
  async attach(page: Page): Promise<void> {
    await page.exposeBinding('__batchLensRecordEvent', (_source, name: string, data: string) => {
      this.recorded.push({ kind: 'event', where: name, text: String(data) });
    });
    await page.addInitScript((names: string[]) => {
      const page = globalThis as unknown as PageGlobals;
      if (page.location.protocol !== 'http:') return;
      const source = new page.EventSource('/api/events');
      const forward = (name: string) => (event: { data: unknown }) => page.__batchLensRecordEvent?.(name, String(event.data));
      for (const name of names) source.addEventListener(name, forward(name));
      source.addEventListener('message', forward('message'));
    }, [...EVENT_NAMES]);
    await page.route((url) => url.pathname.startsWith(WebHostPaths.api), (route) => this.relay(route));
  }

  private async relay(route: Route): Promise<void> {
    const path = new URL(route.request().url()).pathname;
    // The event stream never ends, so it is passed through untouched; the page's own EventSource records it.
    if (path === WebHostPaths.events) return route.continue();
    let response: APIResponse;
    try {
      response = await route.fetch();
    } catch {
      // The page navigated away before the call was answered: nothing reached it.
      return route.abort().catch(() => undefined);
    }
    const text = await response.text();
    this.recorded.push({ kind: 'response', where: path, text });
    await route.fulfill({ response, body: text }).catch(() => undefined);
  }

  /** What leaked into anything recorded so far. */
  leaks(secrets: readonly KnownSecret[]): string[] {
    return findLeaks(this.recorded, secrets);
  }
}

/** What leaked, as "<label> in <response|event> <where>" lines; never the secret itself. */
export function findLeaks(recorded: readonly Recorded[], secrets: readonly KnownSecret[]): string[] {
  const found: string[] = [];
  for (const item of recorded) {
    for (const secret of secrets) {
      if (secret.value && item.text.includes(secret.value)) found.push(`${secret.label} in ${item.kind} ${item.where}`);
    }
    for (const shape of TOKEN_SHAPES) {
      if (shape.pattern.test(item.text)) found.push(`${shape.label} in ${item.kind} ${item.where}`);
    }
  }
  return found;
}
