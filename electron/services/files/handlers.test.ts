import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { calls } from '../../../shared/contract';
import type { FilePage } from '../../../shared/models';
import { accountsStore } from '../accounts/records';
import { AccountsService, LOCAL_ACCOUNT_ID } from '../accounts/service';
import { EventBus } from '../events';
import { monitoringHandlers } from '../monitor/handlers';
import { HistoryStore } from '../monitor/history-store';
import { Monitor } from '../monitor/sampler';
import { MemoryVault } from '../vault/vault';
import { DownloadService } from './download/service';
import { fileHandlers } from './handlers';
import { accountRunner } from './runner';

const dir = mkdtempSync(join(tmpdir(), 'bl-files-'));
const accountId = LOCAL_ACCOUNT_ID;
const task = { kind: 'task', jobId: 'fj', taskId: 'writer' } as const;
const STDOUT = 'line-1\nline-2\nh\u00e9llo\n';
const STDERR_LINES = Array.from({ length: 50 }, (_, i) => `err-${i + 1}`);
const SCRIPT = [
  'printf "line-1\\nline-2\\nh\\303\\251llo\\n"',
  'i=1; while [ $i -le 50 ]; do echo err-$i >&2; i=$((i+1)); done',
  'mkdir -p sub/deep; echo deep > sub/deep/y.txt',
  'printf "\\000\\001\\002bin" > bin.dat',
  'i=1; while [ $i -le 25 ]; do : > f$i.log; i=$((i+1)); done',
].join('; ');

let emulator: RunningEmulator;
let monitor: Monitor;
let files: ReturnType<typeof fileHandlers>;
let batch: ReturnType<typeof monitoringHandlers>;
let nodeId: string;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const names = (page: FilePage) => page.items.map((e) => e.name);

beforeAll(async () => {
  emulator = await startEmulator({ dataDir: join(dir, 'emu'), fsync: false, nodeDelays: { allocate: 20, create: 20, start: 20 } });
  const events = new EventBus();
  const accounts = new AccountsService({
    store: accountsStore(join(dir, 'app')),
    vault: () => new MemoryVault(),
    events,
    local: () => ({ url: emulator.url, account: emulator.account, key: emulator.key, running: () => true }),
  });
  monitor = new Monitor({ accounts, history: new HistoryStore(join(dir, 'history')), events });
  batch = monitoringHandlers(accounts, monitor, events);
  files = fileHandlers(accounts, new DownloadService({ runner: accountRunner(accounts), events }));
  await batch['pools.add']({
    accountId,
    pool: { id: 'fp', vmSize: 'standard_d2s_v3', targetDedicatedNodes: 1, virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' } },
  });
  await batch['jobs.add']({ accountId, job: { id: 'fj', poolInfo: { poolId: 'fp' } } });
  await batch['tasks.add']({ accountId, jobId: 'fj', operationId: 'files-000001', tasks: [{ id: 'writer', commandLine: `/bin/sh -c '${SCRIPT}'` }] });
  const done = await until(() => batch['tasks.get']({ accountId, jobId: 'fj', taskId: 'writer' }), (t) => t.state === 'completed', 60_000);
  expect(done).toMatchObject({ state: 'completed', exitCode: 0 });
  nodeId = (await batch['nodes.list']({ accountId, poolId: 'fp' }))[0]!.id;
}, 90_000);

afterAll(async () => {
  await monitor.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('listing task and node files', () => {
  it("lists a task's directory with sizes and times", async () => {
    const page = await files['files.list']({ accountId, source: task });
    expect(names(page)).toEqual(expect.arrayContaining(['stdout.txt', 'stderr.txt', 'wd']));
    expect(names(page).some((n) => n.includes('/'))).toBe(false);
    const stdout = page.items.find((e) => e.name === 'stdout.txt')!;
    expect(stdout).toMatchObject({ isDirectory: false, size: Buffer.byteLength(STDOUT) });
    expect(Number.isNaN(Date.parse(stdout.lastModified!))).toBe(false);
    expect(page.items.find((e) => e.name === 'wd')).toMatchObject({ isDirectory: true });
    expect(page.continuation).toBeUndefined();
  });

  it("lists a folder's direct children, recursively, and by name prefix", async () => {
    const wd = await files['files.list']({ accountId, source: task, path: 'wd/' });
    expect(names(wd)).toContain('wd/sub');
    expect(names(wd)).toContain('wd/bin.dat');
    expect(names(wd)).not.toContain('wd/sub/deep');
    expect(names(wd)).toHaveLength(27);
    const deep = await files['files.list']({ accountId, source: task, path: 'wd', recursive: true, prefix: 'sub' });
    expect(names(deep)).toEqual(['wd/sub', 'wd/sub/deep', 'wd/sub/deep/y.txt']);
    const prefixed = await files['files.list']({ accountId, source: task, path: 'wd', prefix: 'f1' });
    expect(names(prefixed).sort()).toEqual(['wd/f1.log', ...Array.from({ length: 10 }, (_, i) => `wd/f1${i}.log`)].sort());
  });

  it('pages a large folder with maxResults and the continuation', async () => {
    const seen: string[] = [];
    let page = await files['files.list']({ accountId, source: task, path: 'wd', prefix: 'f', maxResults: 10 });
    expect(page.items).toHaveLength(10);
    seen.push(...names(page));
    while (page.continuation) {
      page = await files['files.list']({ accountId, source: task, path: 'wd', prefix: 'f', continuation: page.continuation });
      seen.push(...names(page));
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('refuses a continuation that points anywhere but the account', async () => {
    await expect(
      files['files.list']({ accountId, source: task, continuation: 'https://evil.example/jobs/fj/tasks/writer/files?$skiptoken=x' }),
    ).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringContaining("this account's service") });
  });

  it("lists a node's tree and reads its properties", async () => {
    const root = await files['files.list']({ accountId, source: { kind: 'node', poolId: 'fp', nodeId } });
    expect(names(root)).toEqual(expect.arrayContaining(['shared', 'startup', 'workitems']));
    const found = await files['files.list']({ accountId, source: { kind: 'node', poolId: 'fp', nodeId }, path: 'workitems', recursive: true });
    const stdout = found.items.find((e) => e.name.endsWith('writer/stdout.txt'));
    expect(stdout).toMatchObject({ isDirectory: false, size: Buffer.byteLength(STDOUT) });
    const props = await files['files.properties']({ accountId, source: { kind: 'node', poolId: 'fp', nodeId }, path: stdout!.name });
    expect(props).toMatchObject({ path: stdout!.name, isDirectory: false, size: Buffer.byteLength(STDOUT), contentType: 'application/octet-stream' });
    const read = await files['files.read']({ accountId, source: { kind: 'node', poolId: 'fp', nodeId }, path: stdout!.name, offset: 0, length: 100 });
    expect(read.text).toBe(STDOUT);
  });
});

describe('reading task files', () => {
  it('reads the first bytes, a middle range and the last bytes with ocp-range', async () => {
    const size = Buffer.byteLength(STDOUT);
    const first = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: 0, length: 6 });
    expect(first).toMatchObject({ offset: 0, length: 6, totalSize: size, binary: false, text: 'line-1' });
    const middle = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: 7, length: 6 });
    expect(middle.text).toBe('line-2');
    const last = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: size - 4, length: 100 });
    expect(last).toMatchObject({ offset: size - 4, length: 4, text: 'llo\n' });
    const atEnd = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: size, length: 10 });
    expect(atEnd).toMatchObject({ length: 0, text: '', totalSize: size });
  });

  it('leaves out a character split by the range instead of calling the file binary', async () => {
    // 'h' is at byte 14, 'é' takes bytes 15-16.
    const cut = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: 14, length: 2 });
    expect(cut).toMatchObject({ binary: false, offset: 14, length: 1, text: 'h' });
    const after = await files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: 16, length: 3 });
    expect(after).toMatchObject({ binary: false, offset: 17, length: 2, text: 'll' });
  });

  it('refuses an offset past the end with a message naming the size', async () => {
    await expect(files['files.read']({ accountId, source: task, path: 'stdout.txt', offset: 1000, length: 10 })).rejects.toMatchObject({
      code: 'RangeNotSatisfiable',
      message: `Offset 1000 is past the end of stdout.txt (${Buffer.byteLength(STDOUT)} bytes)`,
    });
    await expect(files['files.read']({ accountId, source: task, path: 'nope.txt', offset: 0, length: 10 })).rejects.toMatchObject({ status: 404 });
    await expect(files['files.read']({ accountId, source: task, path: 'wd', offset: 0, length: 10 })).rejects.toMatchObject({
      message: 'wd is a folder, not a file',
    });
  });

  it('flags binary content and returns it as base64', async () => {
    const chunk = await files['files.read']({ accountId, source: task, path: 'wd/bin.dat', offset: 0, length: 1024 });
    expect(chunk).toMatchObject({ binary: true, length: 6, totalSize: 6 });
    expect(chunk.text).toBeUndefined();
    expect(Buffer.from(chunk.base64!, 'base64')).toEqual(Buffer.from([0, 1, 2, 0x62, 0x69, 0x6e]));
  });

  it('tails the last lines of stderr', async () => {
    const tail = await files['files.tail']({ accountId, source: task, path: 'stderr.txt', lines: 7 });
    expect(tail).toEqual({ lines: STDERR_LINES.slice(-7), totalSize: Buffer.byteLength(STDERR_LINES.join('\n') + '\n'), truncated: true });
    const all = await files['files.tail']({ accountId, source: task, path: 'stderr.txt', lines: 2000 });
    expect(all).toMatchObject({ lines: STDERR_LINES, truncated: false });
  });
});

describe('finding and downloading through the handlers', () => {
  it('finds text in a task file and refuses a folder', async () => {
    const match = await files['files.find']({ accountId, source: task, path: 'stdout.txt', query: 'LINE-2', fromOffset: 0, direction: 'forward', matchCase: false });
    expect(match).toMatchObject({ matchOffset: 7, matchLength: 6, done: true, totalSize: Buffer.byteLength(STDOUT) });
    await expect(files['files.find']({ accountId, source: task, path: 'wd', query: 'x', fromOffset: 0, direction: 'forward' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('hands out a browser link without a dialog, and cancels nothing that is not running', async () => {
    const result = await files['files.download']({ accountId, source: task, path: 'stdout.txt', isDirectory: false, operationId: 'handlers-0001' });
    expect(result).toMatchObject({ kind: 'browser', fileName: 'stdout.txt' });
    expect(await files['files.cancelDownload']({ operationId: 'handlers-0001' })).toEqual({ cancelled: false });
  });
});

describe('file path validation', () => {
  it('refuses paths that could leave the directory, naming the problem', async () => {
    await expect(files['files.read']({ accountId, source: task, path: 'wd/../../x', offset: 0, length: 1 })).rejects.toMatchObject({
      code: 'BadRequest',
      message: expect.stringContaining('".." segments'),
    });
    await expect(files['files.tail']({ accountId, source: task, path: '/etc/passwd', lines: 1 })).rejects.toMatchObject({
      message: expect.stringContaining('no leading /'),
    });
    await expect(files['files.list']({ accountId, source: task, path: 'a'.repeat(1025) })).rejects.toMatchObject({
      message: expect.stringContaining('longer than 1024 characters'),
    });
    await expect(files['files.list']({ accountId, source: task, path: 'wd', prefix: '../x' })).rejects.toMatchObject({
      message: expect.stringContaining('".." segments'),
    });
  });

  it('checks paths and limits in the contract schemas too', () => {
    const read = calls['files.read'].args;
    const base = { accountId, source: task, offset: 0, length: 10 };
    expect(read.safeParse({ ...base, path: 'stdout.txt' }).success).toBe(true);
    expect(read.safeParse({ ...base, path: '..' }).error?.issues[0]?.message).toContain('".." segments');
    expect(read.safeParse({ ...base, path: 'x', length: 1024 * 1024 + 1 }).error?.issues[0]?.message).toBe('One read returns at most 1 MiB');
    expect(calls['files.tail'].args.safeParse({ accountId, source: task, path: 'x', lines: 2001 }).success).toBe(false);
    expect(calls['files.list'].args.safeParse({ accountId, source: { kind: 'node', poolId: 'p' } }).success).toBe(false);
  });
});
