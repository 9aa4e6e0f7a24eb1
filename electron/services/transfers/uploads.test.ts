import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../../shared/models';
import { EventBus } from '../events';
import { UploadService, type UploadSink } from './uploads';

/** A sink that keeps what it reads, so a test can compare. */
function memorySink(into: Map<string, Buffer>, name: string): UploadSink {
  return async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    into.set(name, Buffer.concat(chunks));
  };
}

function setup(now = () => Date.now()) {
  const events = new EventBus();
  const progress: TransferProgress[] = [];
  events.listen(({ name, payload }) => {
    if (name === 'storage.transferProgress') progress.push(payload as TransferProgress);
  });
  return { service: new UploadService({ events, now }), progress, stored: new Map<string, Buffer>() };
}

const ticketOf = (url: string) => url.slice('/upload/'.length);

describe('upload tickets', () => {
  it('receives each file once through its own ticket and ends the operation done', async () => {
    const { service, progress, stored } = setup();
    const plan = service.begin('op-upload-01', [
      { path: 'a.txt', size: 5, sink: memorySink(stored, 'a') },
      { path: 'b.txt', size: 3, sink: memorySink(stored, 'b') },
    ]);
    expect(new Set(plan.uploads.map((u) => u.url)).size).toBe(2);
    const [a, b] = plan.uploads.map((u) => ticketOf(u.url)) as [string, string];
    expect(await service.receive(a, Readable.from([Buffer.from('he'), Buffer.from('llo')]), new AbortController().signal)).toEqual({ bytes: 5 });
    await service.receive(b, Readable.from([Buffer.from('abc')]), new AbortController().signal);
    expect(stored.get('a')?.toString()).toBe('hello');
    expect(progress.at(-1)).toMatchObject({ operationId: 'op-upload-01', direction: 'upload', outcome: 'done', bytesDone: 8, filesDone: 2, filesTotal: 2, bytesTotal: 8 });
    await expect(service.receive(a, Readable.from([Buffer.from('hello')]), new AbortController().signal)).rejects.toMatchObject({ code: 'UploadNotFound', status: 404 });
  });

  it('fails a body longer or shorter than declared before the sink sees its end', async () => {
    const { service, progress, stored } = setup();
    const plan = service.begin('op-upload-02', [
      { path: 'long', size: 2, sink: memorySink(stored, 'long') },
      { path: 'short', size: 9, sink: memorySink(stored, 'short') },
    ]);
    const [long, short] = plan.uploads.map((u) => ticketOf(u.url)) as [string, string];
    await expect(service.receive(long, Readable.from([Buffer.from('abc')]), new AbortController().signal)).rejects.toMatchObject({ code: 'SizeMismatch' });
    await expect(service.receive(short, Readable.from([Buffer.from('abc')]), new AbortController().signal)).rejects.toMatchObject({ code: 'SizeMismatch' });
    expect(stored.size).toBe(0);
    expect(progress.at(-1)).toMatchObject({ outcome: 'failed', failedFiles: 2, bytesDone: 0 });
    expect(progress.at(-1)?.error).toMatch(/long is larger than the 2 bytes/);
  });

  it('cancels: the sink in flight is aborted and the other tickets stop working', async () => {
    const { service, progress } = setup();
    let sawAbort = false;
    const hanging: UploadSink = (stream, _size, signal) =>
      new Promise((_resolve, reject) => {
        stream.resume();
        signal.addEventListener('abort', () => {
          sawAbort = true;
          reject(new Error('aborted'));
        });
      });
    const plan = service.begin('op-upload-03', [
      { path: 'x', size: 1, sink: hanging },
      { path: 'y', size: 1, sink: hanging },
    ]);
    const [x, y] = plan.uploads.map((u) => ticketOf(u.url)) as [string, string];
    const receiving = service.receive(x, Readable.from([Buffer.from('1')]), new AbortController().signal);
    expect(service.cancel('op-upload-03')).toBe(true);
    await expect(receiving).rejects.toMatchObject({ code: 'Cancelled' });
    expect(sawAbort).toBe(true);
    await expect(service.receive(y, Readable.from([Buffer.from('1')]), new AbortController().signal)).rejects.toMatchObject({ code: 'UploadNotFound' });
    expect(progress.filter((p) => p.outcome)).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
    expect(service.cancel('op-upload-03')).toBe(false);
  });

  it('refuses an expired ticket, a malformed one and a second operation with the same id', async () => {
    let clock = 1_000_000;
    const { service, stored } = setup(() => clock);
    const plan = service.begin('op-upload-04', [{ path: 'late', size: 1, sink: memorySink(stored, 'late') }]);
    expect(() => service.begin('op-upload-04', [])).toThrow(/already running/);
    clock += 11 * 60_000;
    await expect(service.receive(ticketOf(plan.uploads[0]!.url), Readable.from([Buffer.from('1')]), new AbortController().signal)).rejects.toMatchObject({ status: 404 });
    await expect(service.receive('../../etc', Readable.from([]), new AbortController().signal)).rejects.toMatchObject({ status: 404 });
    expect(stored.size).toBe(0);
    service.cancelAll();
  });
});
