import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A Batch emulator a test started itself, with the key the test chose. */
export interface TestEmulator {
  url: string;
  account: string;
  key: string;
  stop(): Promise<void>;
}

/** A fresh random account key, base64 like the portal shows. */
export function randomKey(): string {
  return randomBytes(32).toString('base64');
}

/** Starts `emulator/cli.ts` under tsx on a free loopback port with its own data folder and the given key. */
export async function startTestEmulator(options: { account?: string; key?: string } = {}): Promise<TestEmulator> {
  const account = options.account ?? 'lense2e';
  const key = options.key ?? randomKey();
  const dataDir = mkdtempSync(join(tmpdir(), 'bl-e2e-emulator-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // --parent-pid: a test run that is killed (its teardown never runs) leaves no emulator or Azurite behind.
    ['--import', 'tsx', join(ROOT, 'emulator', 'cli.ts'), '--port', '0', '--data', dataDir, '--key', key, '--account', account, '--parent-pid', String(process.pid)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test emulator did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test emulator exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    account,
    key,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a small pool in an emulator through the real Batch SDK, as a user's own tooling would. */
export async function createPool(emulator: TestEmulator, poolId: string, nodes = 1): Promise<void> {
  const client = new BatchServiceClient(new BatchSharedKeyCredentials(emulator.account, emulator.key), emulator.url);
  await client.pool.add({
    id: poolId,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    },
    targetDedicatedNodes: nodes,
  });
}

/** A loopback port nothing listens on (bound, then released), for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

/** The key the web host's built-in emulator generated, read from its data folder (never from the app). */
export function localEmulatorKey(webHostDataDir: string): string {
  return readFileSync(join(webHostDataDir, 'emulator', 'account.key'), 'utf8').trim();
}
