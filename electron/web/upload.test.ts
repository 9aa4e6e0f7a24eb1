import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadResult, TransferProgress, UploadPlan } from '../../shared/models';
import { readTar } from '../services/files/download/tar-reader';
import type { Services } from '../services';
import { DownloadService } from '../services/files/download/service';
import { startStorageFixture, type StorageFixture } from '../services/storage/azurite-fixture';
import { startWebHost, type WebHost } from './server';

let fx: StorageFixture;
let host: WebHost;
let cookie: string;

interface Answer {
  status: number;
  body: string;
}

/** PUTs `chunks` one after another; `between` runs after the first chunk is written (a slow browser). */
function put(path: string, chunks: Buffer[], between?: () => Promise<void>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'PUT',
        headers: { host: `127.0.0.1:${host.port}`, origin: `http://127.0.0.1:${host.port}`, cookie, 'content-type': 'application/octet-stream' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    void (async () => {
      for (const [i, chunk] of chunks.entries()) {
        req.write(chunk);
        if (i === 0 && between) await between();
      }
      req.end();
    })();
  });
}

async function begin(operationId: string, files: { path: string; size: number }[], prefix = 'in'): Promise<UploadPlan> {
  return fx.call<UploadPlan>('storage.beginUpload', { accountId: 'local', container: 'uploads', prefix, operationId, files });
}

function finalEvent(operationId: string): TransferProgress | undefined {
  return fx.pushed.map((e) => e.payload as TransferProgress).find((p) => p.operationId === operationId && p.outcome !== undefined);
}

async function blobExists(name: string): Promise<boolean> {
  return (await fx.service.resolver.linkedStorage('local')).service.getContainerClient('uploads').getBlobClient(name).exists();
}

beforeAll(async () => {
  fx = await startStorageFixture();
  await fx.call('storage.createContainer', { accountId: 'local', name: 'uploads' });
  const services: Services = {
    dispatch: fx.dispatch,
    events: fx.events,
    downloads: new DownloadService({ runner: () => () => Promise.reject(new Error('no file downloads here')), events: fx.events }),
    storage: fx.service,
    dispose: async () => undefined,
  };
  const rendererDir = join(fx.dir, 'renderer');
  mkdirSync(rendererDir);
  host = await startWebHost({ port: 0, rendererDir, services });
  cookie = `batch_lens_session=${host.token}`;
}, 60_000);
afterAll(async () => {
  await host?.close();
  await fx?.close();
});

/** GETs a path and returns the raw bytes. */
function get(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host blob downloads', () => {
  it('serves a blob byte for byte and a folder as .tar through one-time /download links', async () => {
    const container = (await fx.service.resolver.linkedStorage('local')).service.getContainerClient('uploads');
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    await container.getBlockBlobClient('dl/run/out.bin').uploadData(bytes);
    await container.getBlockBlobClient('dl/run/sub/log.txt').upload('log line\n', 9);
    const file = await fx.call<DownloadResult>('storage.download', { accountId: 'local', container: 'uploads', name: 'dl/run/out.bin', operationId: 'web-blob-0001' });
    expect(file).toMatchObject({ kind: 'browser', fileName: 'out.bin' });
    if (file.kind !== 'browser') return;
    const answer = await get(file.url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe(String(bytes.length));
    expect(answer.body.equals(bytes)).toBe(true);
    expect((await get(file.url)).status).toBe(404);

    const folder = await fx.call<DownloadResult>('storage.download', { accountId: 'local', container: 'uploads', name: 'dl/run/', operationId: 'web-blob-0002' });
    expect(folder).toMatchObject({ kind: 'browser', fileName: 'run.tar' });
    if (folder.kind !== 'browser') return;
    const tar = await get(folder.url);
    expect(tar.headers['content-type']).toBe('application/x-tar');
    const members = readTar(tar.body).filter((m) => m.type === '0');
    expect(members.map((m) => m.name)).toEqual(['run/out.bin', 'run/sub/log.txt']);
    expect(members[0]?.data.equals(bytes)).toBe(true);
    expect(members[1]?.data.toString()).toBe('log line\n');

    const missing = await fx.call('storage.download', { accountId: 'local', container: 'uploads', name: 'dl/none.bin', operationId: 'web-blob-0003' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'BlobNotFound', status: 404 });
  });
});

describe('web host uploads', () => {
  it('streams each file into its blob once per ticket and reports the operation done', async () => {
    const big = randomBytes(5 * 1024 * 1024 + 17);
    const plan = await begin('upload-ok-0001', [
      { path: 'data/big.bin', size: big.length },
      { path: 'empty.txt', size: 0 },
    ]);
    expect(plan.uploads.map((u) => u.path)).toEqual(['data/big.bin', 'empty.txt']);
    expect(plan.uploads.every((u) => u.url.startsWith('/upload/'))).toBe(true);
    const [bigUrl, emptyUrl] = plan.uploads.map((u) => u.url) as [string, string];
    const answer = await put(bigUrl, [big.subarray(0, 1_000_000), big.subarray(1_000_000)]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { bytes: big.length } });
    expect((await put(emptyUrl, [])).status).toBe(200);
    const container = (await fx.service.resolver.linkedStorage('local')).service.getContainerClient('uploads');
    expect((await container.getBlobClient('in/data/big.bin').downloadToBuffer()).equals(big)).toBe(true);
    expect((await container.getBlobClient('in/empty.txt').getProperties()).contentLength).toBe(0);
    expect(finalEvent('upload-ok-0001')).toMatchObject({ direction: 'upload', outcome: 'done', filesDone: 2, filesTotal: 2, bytesDone: big.length });

    const reused = await put(bigUrl, [Buffer.from('again')]);
    expect(reused.status).toBe(404);
    expect(JSON.parse(reused.body)).toMatchObject({ ok: false, error: { code: 'UploadNotFound' } });
  });

  it('refuses a body that is not the declared size and keeps no blob', async () => {
    const plan = await begin('upload-size-0001', [
      { path: 'short.bin', size: 100 },
      { path: 'long.bin', size: 10 },
    ]);
    const [shortUrl, longUrl] = plan.uploads.map((u) => u.url) as [string, string];
    const short = await put(shortUrl, [Buffer.alloc(60)]);
    expect(short.status).toBe(400);
    expect(JSON.parse(short.body)).toMatchObject({ ok: false, error: { code: 'SizeMismatch' } });
    const long = await put(longUrl, [Buffer.alloc(64 * 1024)]);
    expect(long.status).toBe(400);
    expect(await blobExists('in/short.bin')).toBe(false);
    expect(await blobExists('in/long.bin')).toBe(false);
    expect(finalEvent('upload-size-0001')).toMatchObject({ outcome: 'failed', failedFiles: 2 });
  });

  it('refuses clobbering, a missing container and a foreign origin before any byte moves', async () => {
    const first = await begin('upload-clash-001', [{ path: 'once.txt', size: 2 }]);
    expect((await put(first.uploads[0]!.url, [Buffer.from('hi')])).status).toBe(200);
    const clash = await begin('upload-clash-002', [{ path: 'once.txt', size: 2 }]).catch((e: unknown) => e as { code: string });
    expect(clash).toMatchObject({ code: 'BlobAlreadyExists' });
    const overwrite = await fx.call<UploadPlan>('storage.beginUpload', {
      accountId: 'local', container: 'uploads', prefix: 'in', operationId: 'upload-clash-003', files: [{ path: 'once.txt', size: 3 }], overwrite: true,
    });
    expect((await put(overwrite.uploads[0]!.url, [Buffer.from('bye')])).status).toBe(200);
    const missing = await fx
      .call('storage.beginUpload', { accountId: 'local', container: 'nope', prefix: '', operationId: 'upload-miss-001', files: [{ path: 'a', size: 1 }] })
      .catch((e: unknown) => e as { code: string });
    expect(missing).toMatchObject({ code: 'ContainerNotFound' });
    const escape = await fx
      .call('storage.beginUpload', { accountId: 'local', container: 'uploads', prefix: '', operationId: 'upload-esc-0001', files: [{ path: '../x', size: 1 }] })
      .catch((e: unknown) => e as { code: string });
    expect(escape).toMatchObject({ code: 'BadRequest' });
    const plan = await begin('upload-csrf-001', [{ path: 'csrf.txt', size: 1 }]);
    const foreign = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: plan.uploads[0]!.url, method: 'PUT', headers: { host: `127.0.0.1:${host.port}`, origin: 'https://evil.example', cookie } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('x');
    });
    expect(foreign).toBe(403);
    await fx.call('storage.cancelTransfer', { operationId: 'upload-csrf-001' });
  });

  it('cancels an upload in flight, leaving no blob and answering later tickets 404', async () => {
    const plan = await begin('upload-cancel-01', [
      { path: 'slow.bin', size: 2 * 1024 * 1024 },
      { path: 'never.bin', size: 10 },
    ]);
    const [slowUrl, neverUrl] = plan.uploads.map((u) => u.url) as [string, string];
    let cancelled: { cancelled: boolean } | undefined;
    const answer = await put(slowUrl, [Buffer.alloc(256 * 1024), Buffer.alloc(2 * 1024 * 1024 - 256 * 1024)], async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      cancelled = await fx.call('storage.cancelTransfer', { operationId: 'upload-cancel-01' });
    });
    expect(cancelled).toEqual({ cancelled: true });
    expect(answer.status).toBe(499);
    expect(await blobExists('in/slow.bin')).toBe(false);
    expect((await put(neverUrl, [Buffer.alloc(10)])).status).toBe(404);
    expect(finalEvent('upload-cancel-01')).toMatchObject({ outcome: 'cancelled' });
  });
});
