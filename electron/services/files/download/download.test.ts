import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadProgress } from '../../../../shared/models';
import { startFilesFixture, type FilesFixture } from '../emulator-fixture';
import { accountRunner, type RunnerFactory } from '../runner';
import { DownloadService } from './service';

const ODD = 'we:ird?na*me <1>|"q" é.txt';
const SCRIPT = [
  'head -c 9000000 /dev/urandom > data.bin',
  'mkdir -p sub/deep',
  'echo deep > sub/deep/y.txt',
  `printf odd > "${ODD.replace(/"/g, '\\"')}"`,
  ': > empty.txt',
].join('; ');

let fx: FilesFixture;
let chosen: string;
const task = () => ({ kind: 'task', jobId: fx.jobId, taskId: fx.taskId }) as const;

function service(options: { runner?: RunnerFactory; chunkBytes?: number } = {}) {
  const progress: DownloadProgress[] = [];
  fx.events.listen(({ name, payload }) => name === 'files.downloadProgress' && progress.push(payload as DownloadProgress));
  const downloads = new DownloadService({
    runner: options.runner ?? accountRunner(fx.accounts),
    events: fx.events,
    chooseTarget: async ({ kind, suggestedName }) => (kind === 'file' ? join(chosen, suggestedName) : chosen),
    ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
  });
  return { downloads, progress };
}

beforeAll(async () => {
  fx = await startFilesFixture('download', SCRIPT);
}, 90_000);
afterAll(() => fx?.close());

describe('desktop downloads from the emulator', () => {
  it('saves a 9 MB file (two 8 MiB ranges) byte for byte, with progress', async () => {
    chosen = mkdtempSync(join(fx.dir, 'out-'));
    const { downloads, progress } = service();
    const result = await downloads.download({ accountId: fx.accountId, source: task(), path: 'wd/data.bin', isDirectory: false, operationId: 'dl-file-0001' });
    expect(result).toEqual({ kind: 'saved', destination: join(chosen, 'data.bin'), files: 1, bytes: 9_000_000 });
    expect(readFileSync(join(chosen, 'data.bin')).equals(readFileSync(fx.taskFileOnDisk('wd/data.bin')))).toBe(true);
    expect(readdirSync(chosen)).toEqual(['data.bin']);
    const mine = progress.filter((p) => p.operationId === 'dl-file-0001');
    expect(mine[0]).toMatchObject({ bytesDone: 0, bytesTotal: 9_000_000, filesTotal: 1 });
    expect(mine.at(-1)).toMatchObject({ bytesDone: 9_000_000, filesDone: 1 });
    expect(mine.every((p, i) => i === 0 || p.bytesDone >= mine[i - 1]!.bytesDone)).toBe(true);
  });

  it("saves the task's whole directory with nested folders and an oddly named file, each file intact", async () => {
    chosen = mkdtempSync(join(fx.dir, 'out-'));
    const { downloads } = service();
    const result = await downloads.download({ accountId: fx.accountId, source: task(), path: '', isDirectory: true, operationId: 'dl-tree-0001' });
    const root = join(chosen, fx.taskId);
    expect(result).toMatchObject({ kind: 'saved', destination: root });
    const odd = 'we_ird_na_me _1___q_ é.txt';
    for (const [local, remote] of [
      ['wd/data.bin', 'wd/data.bin'],
      ['wd/sub/deep/y.txt', 'wd/sub/deep/y.txt'],
      [`wd/${odd}`, `wd/${ODD}`],
      ['wd/empty.txt', 'wd/empty.txt'],
      ['stdout.txt', 'stdout.txt'],
    ] as const) {
      expect(readFileSync(join(root, ...local.split('/'))).equals(readFileSync(fx.taskFileOnDisk(remote))), local).toBe(true);
    }
    expect(existsSync(join(root, 'stderr.txt'))).toBe(true);
  });

  it('saves a subfolder into a folder named after it', async () => {
    chosen = mkdtempSync(join(fx.dir, 'out-'));
    const { downloads } = service();
    const result = await downloads.download({ accountId: fx.accountId, source: task(), path: 'wd/sub', isDirectory: true, operationId: 'dl-sub-00001' });
    expect(result).toEqual({ kind: 'saved', destination: join(chosen, 'sub'), files: 1, bytes: 5 });
    expect(readFileSync(join(chosen, 'sub', 'deep', 'y.txt'), 'utf8')).toBe('deep\n');
  });

  it('downloads from a node tree too', async () => {
    chosen = mkdtempSync(join(fx.dir, 'out-'));
    const { downloads } = service();
    const source = { kind: 'node', poolId: 'fp', nodeId: fx.nodeId } as const;
    const path = `workitems/${fx.jobId}/job-1/${fx.taskId}/wd/sub`;
    expect(await downloads.download({ accountId: fx.accountId, source, path, isDirectory: true, operationId: 'dl-node-0001' })).toMatchObject({ files: 1 });
    expect(readFileSync(join(chosen, 'sub', 'deep', 'y.txt'), 'utf8')).toBe('deep\n');
  });

  it('cancels mid-way through a file: answers cancelled and leaves no .part behind', async () => {
    chosen = mkdtempSync(join(fx.dir, 'out-'));
    let requests = 0;
    const real = accountRunner(fx.accounts);
    let cancel = () => ({ cancelled: false });
    // Cancels just before the third range request, after two ranges reached the .part file.
    const runner: RunnerFactory = (accountId, source, signal) => {
      const inner = real(accountId, source, signal);
      return (work, timeoutMs) => {
        if (signal && ++requests === 3) {
          expect(existsSync(join(chosen, 'data.bin.part'))).toBe(true);
          expect(cancel()).toEqual({ cancelled: true });
        }
        return inner(work, timeoutMs);
      };
    };
    const { downloads } = service({ runner, chunkBytes: 1024 * 1024 });
    cancel = () => downloads.cancel('dl-cancel-01');
    const result = await downloads.download({ accountId: fx.accountId, source: task(), path: 'wd/data.bin', isDirectory: false, operationId: 'dl-cancel-01' });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(requests).toBe(3);
    expect(readdirSync(chosen)).toEqual([]);
  });
});
