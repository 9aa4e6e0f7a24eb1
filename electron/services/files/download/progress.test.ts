import { describe, expect, it } from 'vitest';
import type { DownloadProgress } from '../../../../shared/models';
import { EventBus } from '../../events';
import { ProgressReporter } from './progress';

describe('download progress', () => {
  it('sends at most one event per interval, plus forced first and last events with the totals', () => {
    const events = new EventBus();
    const seen: DownloadProgress[] = [];
    events.listen(({ name, payload }) => name === 'files.downloadProgress' && seen.push(payload as DownloadProgress));
    let now = 10_000;
    const progress = new ProgressReporter(events, 'op-12345678', { bytesTotal: 300, filesTotal: 2 }, () => now);
    progress.flush();
    progress.startFile('a.txt');
    for (let i = 0; i < 100; i++) progress.bytes(1);
    now += 200;
    progress.bytes(100);
    progress.fileDone();
    progress.startFile('b.txt');
    progress.bytes(100);
    progress.fileDone();
    progress.flush();
    expect(seen).toEqual([
      { operationId: 'op-12345678', bytesDone: 0, bytesTotal: 300, filesDone: 0, filesTotal: 2 },
      { operationId: 'op-12345678', bytesDone: 200, bytesTotal: 300, filesDone: 0, filesTotal: 2, currentFile: 'a.txt' },
      { operationId: 'op-12345678', bytesDone: 300, bytesTotal: 300, filesDone: 2, filesTotal: 2, currentFile: 'b.txt' },
    ]);
  });
});
