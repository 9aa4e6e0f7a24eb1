import { describe, expect, it } from 'vitest';
import { blobListArgs, deleteChunks, newStorageOperationId, runUploads, type PlannedUpload } from './storage';
import { storageKeys } from './keys';

const items = (n: number): PlannedUpload[] => Array.from({ length: n }, (_, i) => ({ path: `f${i}`, url: `/upload/t${i}`, body: new Blob([String(i)]) }));

describe('runUploads', () => {
  it('sends every file with at most the given number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const done: string[] = [];
    const failures = await runUploads(
      items(10),
      async (url) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        sent.push(url);
        inFlight--;
      },
      { concurrency: 4, onFileDone: (p) => done.push(p) },
    );
    expect(failures).toEqual([]);
    expect(most).toBe(4);
    expect(sent.sort()).toEqual(items(10).map((i) => i.url).sort());
    expect(done).toHaveLength(10);
  });

  it('keeps going past a failed file and reports it with its path', async () => {
    const failures = await runUploads(items(3), async (url) => {
      if (url === '/upload/t1') throw new Error('size mismatch');
    });
    expect(failures).toEqual([{ path: 'f1', message: 'size mismatch' }]);
  });

  it('starts nothing new after an abort and does not count aborted files as failures', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const failures = await runUploads(
      items(6),
      async (url, _body, signal) => {
        started.push(url);
        if (started.length === 2) controller.abort();
        if (signal?.aborted) throw new Error('aborted');
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(started).toEqual(['/upload/t0', '/upload/t1']);
    expect(failures).toEqual([]);
  });
});

describe('storage call helpers', () => {
  it('leave out the root prefix and a missing continuation', () => {
    expect(blobListArgs('a', 'c', '')).toEqual({ accountId: 'a', container: 'c', maxResults: 1000 });
    expect(blobListArgs('a', 'c', 'x/', 'next')).toEqual({ accountId: 'a', container: 'c', maxResults: 1000, prefix: 'x/', continuation: 'next' });
  });

  it('split deletes into calls the contract accepts', () => {
    const names = Array.from({ length: 2500 }, (_, i) => `b${i}`);
    expect(deleteChunks(names).map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(deleteChunks([])).toEqual([]);
  });

  it('make operation ids the contract accepts', () => {
    expect(newStorageOperationId('up')).toMatch(/^up-[A-Za-z0-9-]{8,60}$/);
    expect(newStorageOperationId('dl')).not.toBe(newStorageOperationId('dl'));
  });

  it('nest every storage key under its account and listings under their container', () => {
    const account = storageKeys.account('a');
    const container = storageKeys.container('a', 'c');
    expect(storageKeys.blobs('a', 'c', 'x/').slice(0, container.length)).toEqual([...container]);
    expect(storageKeys.containers('a').slice(0, account.length)).toEqual([...account]);
    expect(storageKeys.taskOutputs('a', 'j', 't').slice(0, account.length)).toEqual([...account]);
    expect(storageKeys.blobs('a', 'c', '')).not.toEqual(storageKeys.blobs('a', 'd', ''));
  });
});
