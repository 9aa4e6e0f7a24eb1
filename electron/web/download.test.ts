import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadResult } from '../../shared/models';
import type { Services } from '../services';
import { createDispatcher, type Handlers } from '../services/contract/dispatch';
import { DownloadService } from '../services/files/download/service';
import { readTar } from '../services/files/download/tar-reader';
import { startFilesFixture, type FilesFixture } from '../services/files/emulator-fixture';
import { fileHandlers } from '../services/files/handlers';
import { accountRunner, type RunnerFactory } from '../services/files/runner';
import { storageService } from '../services/storage/handlers';
import { contentDisposition } from './download';
import { startWebHost, type WebHost } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const SCRIPT = ['head -c 3000000 /dev/urandom > data.bin', 'mkdir -p sub/deep', 'echo deep > sub/deep/y.txt', 'printf x > "résumé \\"1\\".txt"'].join('; ');

let fx: FilesFixture;
let host: WebHost;
let cookie: string;
const signals: AbortSignal[] = [];
let holdAfterFirstRange = false;

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

function get(path: string, headers: Record<string, string> = { cookie }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function call(name: string, args: unknown): Promise<DownloadResult> {
  const answer = await new Promise<Answer>((resolve, reject) => {
    const body = JSON.stringify(args);
    const headers = { host: `127.0.0.1:${host.port}`, cookie, origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' };
    const req = request({ host: '127.0.0.1', port: host.port, path: `/api/${name}`, method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end(body);
  });
  const envelope = JSON.parse(answer.body.toString('utf8'));
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

const task = () => ({ kind: 'task', jobId: fx.jobId, taskId: fx.taskId });

beforeAll(async () => {
  fx = await startFilesFixture('webdl', SCRIPT);
  const real = accountRunner(fx.accounts);
  // Records each download's cancel signal, to see that a browser going away stops the reads.
  const runner: RunnerFactory = (accountId, source, cancel) => {
    if (cancel) signals.push(cancel);
    const inner = real(accountId, source, cancel);
    let requests = 0;
    return async (work, timeoutMs) => {
      // With `holdAfterFirstRange` set, the second range waits for the browser to go away, so it cannot finish first.
      if (cancel && holdAfterFirstRange && ++requests === 3) await until(() => cancel.aborted);
      return inner(work, timeoutMs);
    };
  };
  const downloads = new DownloadService({ runner, events: fx.events, chunkBytes: 256 * 1024 });
  const services: Services = {
    dispatch: createDispatcher(fileHandlers(fx.accounts, downloads) as Handlers),
    events: fx.events,
    downloads,
    storage: storageService({ accounts: fx.accounts, events: fx.events, localStorage: () => undefined }),
    dispose: async () => undefined,
  };
  const rendererDir = join(fx.dir, 'renderer');
  mkdirSync(rendererDir);
  host = await startWebHost({ port: 0, rendererDir, services });
  cookie = `batch_lens_session=${host.token}`;
}, 90_000);
afterAll(async () => {
  await host?.close();
  await fx?.close();
});

describe('web host downloads', () => {
  it('streams a file byte for byte with attachment headers, once per ticket', async () => {
    const result = await call('files.download', { accountId: fx.accountId, source: task(), path: 'wd/data.bin', isDirectory: false, operationId: 'web-dl-0001' });
    expect(result).toMatchObject({ kind: 'browser', fileName: 'data.bin', url: expect.stringMatching(/^\/download\//) });
    const url = (result as { url: string }).url;
    const answer = await get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['content-length']).toBe('3000000');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="data.bin"; filename*=UTF-8''data.bin`);
    expect(answer.body.equals(readFileSync(fx.taskFileOnDisk('wd/data.bin')))).toBe(true);
    const again = await get(url);
    expect(again.status).toBe(404);
    expect(again.headers['content-type']).toContain('text/plain');
    expect(again.body.toString()).toContain('expired or was already used');
  });

  it('names a non-ASCII file safely in Content-Disposition', async () => {
    const name = 'résumé "1".txt';
    const result = await call('files.download', { accountId: fx.accountId, source: task(), path: `wd/${name}`, isDirectory: false, operationId: 'web-dl-0002' });
    const answer = await get((result as { url: string }).url);
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="r_sum_ _1_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20_1_.txt`);
    expect(answer.body.toString()).toBe('x');
  });

  it('streams a folder as a tar that reads back intact', async () => {
    const result = await call('files.download', { accountId: fx.accountId, source: task(), path: 'wd', isDirectory: true, operationId: 'web-dl-0003' });
    expect(result).toMatchObject({ kind: 'browser', fileName: 'wd.tar' });
    const answer = await get((result as { url: string }).url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-tar');
    expect(answer.headers['content-disposition']).toContain('filename="wd.tar"');
    const members = readTar(answer.body);
    expect(members.map((m) => m.name)).toEqual(['wd/', 'wd/data.bin', 'wd/résumé _1_.txt', 'wd/sub/', 'wd/sub/deep/', 'wd/sub/deep/y.txt']);
    expect(members[1]!.data.equals(readFileSync(fx.taskFileOnDisk('wd/data.bin')))).toBe(true);
    expect(members[5]!.data.toString()).toBe('deep\n');
    const path = join(fx.dir, 'wd.tar');
    writeFileSync(path, answer.body);
    expect(execFileSync('tar', ['-tf', path], { encoding: 'utf8' }).trim().split('\n')).toEqual(members.map((m) => m.name));
  });

  it('answers 404 for an unknown ticket and 401 without the session', async () => {
    expect((await get('/download/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await get('/download/../../etc/passwd')).status).toBe(404);
    const result = await call('files.download', { accountId: fx.accountId, source: task(), path: 'wd/data.bin', isDirectory: false, operationId: 'web-dl-0004' });
    const anonymous = await get((result as { url: string }).url, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.length).toBeLessThan(100);
  });

  it('stops reading from the service when the browser disconnects', async () => {
    const result = await call('files.download', { accountId: fx.accountId, source: task(), path: 'wd/data.bin', isDirectory: false, operationId: 'web-dl-0005' });
    const before = signals.length;
    holdAfterFirstRange = true;
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: (result as { url: string }).url, headers: { host: `127.0.0.1:${host.port}`, cookie } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    const signal = signals[before]!;
    await until(() => signal.aborted);
    holdAfterFirstRange = false;
    expect(signal.aborted).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('a b.txt')).toBe(`attachment; filename="a b.txt"; filename*=UTF-8''a%20b.txt`);
    expect(contentDisposition('日本\\"%.log')).toBe(`attachment; filename="_____.log"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%5C%22%25.log`);
    expect(contentDisposition("it's (1)!*")).toBe(`attachment; filename="it's (1)!*"; filename*=UTF-8''it%27s%20%281%29%21%2A`);
  });
});
