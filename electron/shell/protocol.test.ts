import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';

function servedBy(dir: string) {
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const protocol = { handle: (_scheme: string, h: typeof handler) => (handler = h) };
  serveRenderer(protocol as unknown as Pick<Protocol, 'handle'>, dir);
  return (url: string, method = 'GET') => handler!(new Request(url, { method }));
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
