import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services';
import { startWebHost, type WebHost } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  let host: WebHost;
  let services: Services;
  let cookie: string;
  const root = mkdtempSync(join(tmpdir(), 'bl-web-'));
  const rendererDir = join(root, 'renderer');

  beforeAll(async () => {
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Batch Lens</title>');
    services = await createServices({ version: '9.9.9', transport: 'web', dataDir: join(root, 'data'), emulator: false });
    host = await startWebHost({ port: 0, rendererDir, services });
    cookie = `batch_lens_session=${host.token}`;
  });
  afterAll(async () => {
    await host.close();
    await services.dispose();
  });

  it('prints a loopback URL carrying a fresh random token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(43);
  });

  it('swaps the URL token for an HttpOnly cookie', async () => {
    const answer = await send(host.port, `/?token=${host.token}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/');
    expect(String(answer.headers['set-cookie'])).toContain(`batch_lens_session=${host.token}`);
    expect(String(answer.headers['set-cookie'])).toContain('HttpOnly');
  });

  it('serves the renderer with the CSP only to token holders', async () => {
    const page = await send(host.port, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Batch Lens');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const anonymous = await send(host.port, '/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).not.toContain('Batch Lens');
  });

  it('answers contract calls over POST /api/<name>', async () => {
    const answer = await send(host.port, '/api/app.info', {
      method: 'POST',
      headers: { cookie, origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { name: 'Batch Lens', version: '9.9.9', platform: process.platform, transport: 'web' },
    });
  });

  it('returns the shared error shape for bad calls', async () => {
    const headers = { cookie, origin: `http://localhost:${host.port}` };
    const unknown = await send(host.port, '/api/app.nope', { method: 'POST', headers, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
    const malformed = await send(host.port, '/api/app.info', { method: 'POST', headers, body: '{not json' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'BadRequest', message: 'Request body is not valid JSON' } });
    const badArgs = await send(host.port, '/api/app.info', { method: 'POST', headers, body: '{"x":1}' });
    expect(badArgs.status).toBe(400);
  });

  it('answers a call that ran with 200, carrying a service error and its status in the envelope', async () => {
    const headers = { cookie, origin: `http://localhost:${host.port}` };
    const answer = await send(host.port, '/api/pools.list', { method: 'POST', headers, body: '{"accountId":"gone"}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'AccountNotFound', status: 404 } });
  });

  it('refuses a foreign Host and a foreign Origin and returns no data', async () => {
    const rebinding = await send(host.port, '/api/app.info', {
      method: 'POST',
      headers: { host: `evil.example:${host.port}`, cookie, origin: `http://evil.example:${host.port}` },
      body: '{}',
    });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body).not.toContain('Batch Lens');
    const csrf = await send(host.port, '/api/app.info', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(csrf.status).toBe(403);
    expect(csrf.body).not.toContain('9.9.9');
    const noToken = await send(host.port, '/api/app.info', {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    expect(noToken.body).not.toContain('9.9.9');
  });

  it('streams pushed events over SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, cookie } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected') && !text.includes('event:')) {
              services.events.emit('app.notice', { level: 'info', message: 'hello' });
            }
            if (text.includes('data: ')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: app.notice\ndata: {"level":"info","message":"hello"}\n\n');
  });
});
