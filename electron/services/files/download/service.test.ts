import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DownloadProgress } from '../../../../shared/models';
import { AppError } from '../../../../shared/errors';
import { EventBus } from '../../events';
import { memoryOps, memoryRunner, type MemoryHooks, type MemoryTree } from '../memory-ops';
import { DownloadService, type ChooseDownloadTarget } from './service';
import { readTar } from './tar-reader';

const dir = mkdtempSync(join(tmpdir(), 'bl-dl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fresh = 0;
const newDir = () => {
  const path = join(dir, `t${++fresh}`);
  return mkdtempSync(`${path}-`);
};

const task = { kind: 'task', jobId: 'j', taskId: 't1' } as const;
const node = { kind: 'node', poolId: 'p', nodeId: 'tvm-1' } as const;
const bytes = (n: number, seed = 1) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256));

function setup(tree: MemoryTree, options: { choose?: ChooseDownloadTarget; hooks?: MemoryHooks } = {}) {
  const ops = memoryOps(tree, { pageSize: 3, ...options.hooks });
  const events = new EventBus();
  const progress: DownloadProgress[] = [];
  events.listen(({ name, payload }) => name === 'files.downloadProgress' && progress.push(payload as DownloadProgress));
  const service = new DownloadService({
    runner: (_account, _source, cancel) => memoryRunner(ops, cancel),
    events,
    chunkBytes: 100,
    ...(options.choose ? { chooseTarget: options.choose } : {}),
  });
  return { ops, service, progress };
}

/** Every file under a folder, relative, with `/` separators. */
function filesUnder(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1).replace(/\\/g, '/'))
    .sort();
}

describe('desktop folder downloads', () => {
  it('writes every file under a fresh subfolder, sanitising names so nothing escapes the chosen folder', async () => {
    const chosen = newDir();
    const tree: MemoryTree = {
      '../../x': Buffer.from('escaped?'),
      'stdout.txt': bytes(350),
      'wd': 'dir',
      'wd/sub': 'dir',
      'wd/sub/deep.bin': bytes(1000, 7),
      'wd/a?.txt': Buffer.from('q'),
      'wd/a*.txt': Buffer.from('star'),
      'wd/A_.txt': Buffer.from('upper'),
      'wd/d?': Buffer.from('file'),
      'wd/d*': 'dir',
      'wd/d*/inner.txt': Buffer.from('inner'),
      'wd/CON': Buffer.from('reserved'),
      'wd/empty': Buffer.alloc(0),
      'wd/emptydir': 'dir',
    };
    const { service, progress, ops } = setup(tree, { choose: async () => chosen });
    const result = await service.download({ accountId: 'a', source: task, path: '', isDirectory: true, operationId: 'op-00000001' });
    const root = join(chosen, 't1');
    const size = Object.values(tree).reduce((sum, v) => sum + (v === 'dir' ? 0 : v.length), 0);
    expect(result).toEqual({ kind: 'saved', destination: root, files: 10, bytes: size });
    expect(readdirSync(chosen)).toEqual(['t1']);
    expect(filesUnder(root)).toEqual(
      ['_/_/x', 'stdout.txt', 'wd/A_.txt', 'wd/_CON', 'wd/a_ (2).txt', 'wd/a_ (3).txt', 'wd/d_ (2)', 'wd/d_/inner.txt', 'wd/empty', 'wd/sub/deep.bin'].sort(),
    );
    expect(readFileSync(join(root, '_', '_', 'x'), 'utf8')).toBe('escaped?');
    expect(readFileSync(join(root, 'wd', 'sub', 'deep.bin'))).toEqual(tree['wd/sub/deep.bin']);
    expect(readFileSync(join(root, 'wd', 'a_ (2).txt'), 'utf8')).toBe('star');
    expect(existsSync(join(root, 'wd', 'emptydir'))).toBe(true);
    // 1000 bytes in 100-byte ranges.
    expect(ops.ranges.filter(([p]) => p === 'wd/sub/deep.bin')).toHaveLength(10);
    expect(progress[0]).toMatchObject({ operationId: 'op-00000001', bytesDone: 0, bytesTotal: size, filesDone: 0, filesTotal: 10 });
    expect(progress.at(-1)).toMatchObject({ bytesDone: size, filesDone: 10 });
  });

  it('names a node root download after the node and never merges into an earlier download', async () => {
    const chosen = newDir();
    const { service } = setup({ 'startup/stdout.txt': Buffer.from('s') }, { choose: async () => chosen });
    const args = { accountId: 'a', source: node, path: '', isDirectory: true, operationId: 'op-00000002' };
    expect(await service.download(args)).toMatchObject({ destination: join(chosen, 'tvm-1') });
    expect(await service.download(args)).toMatchObject({ destination: join(chosen, 'tvm-1 (2)') });
  });

  it('downloads a subfolder into a folder named after it', async () => {
    const chosen = newDir();
    const { service } = setup({ wd: 'dir', 'wd/x.txt': Buffer.from('x'), 'wdx.txt': Buffer.from('not me') }, { choose: async () => chosen });
    const result = await service.download({ accountId: 'a', source: task, path: 'wd/', isDirectory: true, operationId: 'op-00000003' });
    expect(result).toEqual({ kind: 'saved', destination: join(chosen, 'wd'), files: 1, bytes: 1 });
    expect(filesUnder(join(chosen, 'wd'))).toEqual(['x.txt']);
  });
});

describe('desktop file downloads', () => {
  it('streams a file in ranges to the chosen path', async () => {
    const chosen = newDir();
    const content = bytes(1234);
    const { service, progress } = setup({ 'wd/big.bin': content }, { choose: async ({ kind, suggestedName }) => join(chosen, `${kind}-${suggestedName}`) });
    const result = await service.download({ accountId: 'a', source: task, path: 'wd/big.bin', isDirectory: false, operationId: 'op-00000004' });
    expect(result).toEqual({ kind: 'saved', destination: join(chosen, 'file-big.bin'), files: 1, bytes: 1234 });
    expect(readFileSync(join(chosen, 'file-big.bin'))).toEqual(content);
    expect(readdirSync(chosen)).toEqual(['file-big.bin']);
    expect(progress.at(-1)).toEqual({ operationId: 'op-00000004', bytesDone: 1234, bytesTotal: 1234, filesDone: 1, filesTotal: 1, currentFile: 'big.bin' });
  });

  it('cancels mid-way: the call answers cancelled and no .part file is left', async () => {
    const chosen = newDir();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atThirdRange = new Promise<void>((resolve) => (reached = resolve));
    const hooks: MemoryHooks = {
      beforeGet: async (_path, start) => {
        if (start !== 200) return;
        reached();
        await held;
      },
    };
    const target = join(chosen, 'out.bin');
    const { service } = setup({ 'f.bin': bytes(1000) }, { choose: async () => target, hooks });
    const running = service.download({ accountId: 'a', source: task, path: 'f.bin', isDirectory: false, operationId: 'op-00000005' });
    await atThirdRange;
    expect(existsSync(`${target}.part`)).toBe(true);
    await expect(service.download({ accountId: 'a', source: task, path: 'f.bin', isDirectory: false, operationId: 'op-00000005' })).rejects.toMatchObject({
      status: 409,
    });
    expect(service.cancel('op-00000005')).toEqual({ cancelled: true });
    release();
    expect(await running).toEqual({ kind: 'cancelled' });
    expect(readdirSync(chosen)).toEqual([]);
    expect(service.cancel('op-00000005')).toEqual({ cancelled: false });
  });

  it('answers cancelled when the user closes the dialog, reading nothing', async () => {
    const { service, ops } = setup({ 'f.bin': bytes(10) }, { choose: async () => undefined });
    expect(await service.download({ accountId: 'a', source: task, path: 'f.bin', isDirectory: false, operationId: 'op-00000006' })).toEqual({ kind: 'cancelled' });
    expect(ops.ranges).toEqual([]);
  });

  it('removes the partial file when the file shrinks under it', async () => {
    const chosen = newDir();
    const tree: MemoryTree = { 'grow.log': bytes(500) };
    const hooks: MemoryHooks = { beforeGet: (_p, start) => void (start === 100 && (tree['grow.log'] = bytes(150))) };
    const { service } = setup(tree, { choose: async () => join(chosen, 'g.log'), hooks });
    await expect(service.download({ accountId: 'a', source: task, path: 'grow.log', isDirectory: false, operationId: 'op-00000007' })).rejects.toMatchObject({
      code: 'FileChanged',
    });
    expect(readdirSync(chosen)).toEqual([]);
  });

  it('asks for a range again after a transient service failure, from where it stopped', async () => {
    const chosen = newDir();
    let failed = false;
    const hooks: MemoryHooks = {
      beforeGet: (_p, start) => {
        if (start === 300 && !failed) {
          failed = true;
          throw new AppError({ code: 'ServerBusy', message: 'busy', status: 503 });
        }
      },
    };
    const content = bytes(450);
    const { service, ops } = setup({ 'f.bin': content }, { choose: async () => join(chosen, 'f.bin'), hooks });
    expect(await service.download({ accountId: 'a', source: task, path: 'f.bin', isDirectory: false, operationId: 'op-00000008' })).toMatchObject({ kind: 'saved' });
    expect(readFileSync(join(chosen, 'f.bin'))).toEqual(content);
    expect(ops.ranges.filter(([, start]) => start === 300)).toHaveLength(2);
  });

  it('refuses a folder sent as a file, a file sent as a folder, and a file without a path', async () => {
    const { service } = setup({ wd: 'dir', 'f.txt': Buffer.from('x') }, { choose: async () => dir });
    const base = { accountId: 'a', source: task, operationId: 'op-00000009' };
    await expect(service.download({ ...base, path: 'wd', isDirectory: false })).rejects.toThrow('wd is a folder, not a file');
    await expect(service.download({ ...base, path: 'f.txt', isDirectory: true })).rejects.toThrow('f.txt is a file, not a folder');
    await expect(service.download({ ...base, path: '', isDirectory: false })).rejects.toThrow('Name the file to download');
    await expect(service.download({ ...base, path: 'wd/../../x', isDirectory: true })).rejects.toThrow('".." segments');
  });
});

describe('browser downloads (web host)', () => {
  const collect = async (write: (sink: (chunk: Buffer) => Promise<void>) => Promise<void>) => {
    const parts: Buffer[] = [];
    await write(async (chunk) => void parts.push(Buffer.from(chunk)));
    return Buffer.concat(parts);
  };

  it('hands out a one-time link for a file and streams it once', async () => {
    const content = bytes(777);
    const { service } = setup({ 'wd/r é.bin': content });
    const result = await service.download({ accountId: 'a', source: task, path: 'wd/r é.bin', isDirectory: false, operationId: 'op-00000010' });
    expect(result).toMatchObject({ kind: 'browser', fileName: 'r é.bin', url: expect.stringMatching(/^\/download\/[A-Za-z0-9_-]{43}$/) });
    const ticket = (result as { url: string }).url.slice('/download/'.length);
    const download = await service.redeem(ticket, new AbortController().signal);
    expect(download).toMatchObject({ fileName: 'r é.bin', size: 777, contentType: 'application/octet-stream' });
    expect(await collect(download!.write)).toEqual(content);
    expect(await service.redeem(ticket, new AbortController().signal)).toBeUndefined();
  });

  it('streams a folder as a tar under the folder name, with sanitised member names', async () => {
    const { service } = setup({ '../../x': Buffer.from('x'), wd: 'dir', 'wd/a.txt': bytes(300) });
    const result = await service.download({ accountId: 'a', source: task, path: '', isDirectory: true, operationId: 'op-00000011' });
    expect(result).toMatchObject({ kind: 'browser', fileName: 't1.tar' });
    const download = await service.redeem((result as { url: string }).url.slice(10), new AbortController().signal);
    const members = readTar(await collect(download!.write));
    expect(members.map((m) => m.name)).toEqual(['t1/', 't1/_/_/x', 't1/wd/', 't1/wd/a.txt']);
    expect(members[3]!.data).toEqual(bytes(300));
  });
});
