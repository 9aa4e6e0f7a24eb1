import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { AppError } from '../../shared/errors';
import { APP_SCHEME_PRIVILEGES, serveRenderer, type UploadReceiver } from './protocol';

function servedBy(dir: string, uploads?: UploadReceiver) {
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const protocol = { handle: (_scheme: string, h: typeof handler) => (handler = h) };
  serveRenderer(protocol as unknown as Pick<Protocol, 'handle'>, dir, uploads);
  return (url: string, method = 'GET', body?: string) => handler!(new Request(url, { method, ...(body !== undefined ? { body } : {}) }));
}

/** A receiver that keeps each ticket's body, and refuses the ticket `used`. */
function recordingReceiver() {
  const received = new Map<string, string>();
  const receiver = {
    async receive(ticket: string, body: Readable): Promise<{ bytes: number }> {
      let text = '';
      for await (const chunk of body) text += Buffer.from(chunk as Uint8Array).toString();
      if (ticket === 'used') throw new AppError({ code: 'UploadNotFound', message: 'This upload link has expired or was already used', status: 404 });
      received.set(ticket, text);
      return { bytes: text.length };
    },
  };
  return { received, receiver };
}

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'bl-proto-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');

  it('is a secure standard scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.supportFetchAPI).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.stream).toBe(true);
  });

  it('streams PUT app://bundle/upload/<ticket> bodies to the upload service and answers with the envelope', async () => {
    const { received, receiver } = recordingReceiver();
    const fetch = servedBy(rendererDir, () => receiver);
    const ok = await fetch('app://bundle/upload/tick-1', 'PUT', 'file bytes');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { bytes: 10 } });
    expect(received.get('tick-1')).toBe('file bytes');
    const refused = await fetch('app://bundle/upload/used', 'PUT', 'again');
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'UploadNotFound' } });
    expect((await fetch('app://other/upload/tick-2', 'PUT', 'x')).status).toBe(404);
    expect((await fetch('app://bundle/upload/tick-3', 'POST', 'x')).status).toBe(404);
    expect(received.has('tick-2') || received.has('tick-3')).toBe(false);
  });

  it('answers 503 to an upload that arrives before the services started', async () => {
    const res = await servedBy(rendererDir)('app://bundle/upload/tick-1', 'PUT', 'x');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
  });

  it('serves the renderer with the CSP on every response', async () => {
    const fetch = servedBy(rendererDir);
    const page = await fetch('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await fetch('app://bundle/assets/app.js');
    expect(await script.text()).toBe('console.log(1)');
    const missing = await fetch('app://bundle/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses paths that leave the renderer folder and foreign hosts', async () => {
    const fetch = servedBy(rendererDir);
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
    ]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('do not serve');
    }
    expect((await fetch('app://bundle/index.html', 'POST')).status).toBe(404);
  });
});
