// Starts the emulator as a child process (so its memory is its own) and talks to it over keep-alive HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '../../emulator/http/query.js';
import { authorization } from '../../emulator/http/sharedKey.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** An emulator child process and a signed keep-alive client for it. */
export interface BenchEmulator {
  url: string;
  port: number;
  account: string;
  key: string;
  pid: number;
  /** Sends a signed request; resolves with status and body text. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
  /** Resident memory of the emulator process in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Starts `npm run emulator` equivalent on a fresh data folder. */
export async function startBenchEmulator(): Promise<BenchEmulator> {
  const dir = await mkdtemp(join(tmpdir(), 'batch-emu-bench-'));
  const key = randomBytes(32).toString('base64');
  const account = 'bench';
  // --parent-pid: an interrupted benchmark leaves no emulator behind.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--data', dir, '--account', account, '--key', key, '--parent-pid', String(process.pid)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`emulator exited: ${text}`)));
  });
  const port = Number(new URL(url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const keyBytes = Buffer.from(key, 'base64');
  const call = (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const full = `${path}${path.includes('?') ? '&' : '?'}api-version=${API_VERSION}`;
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers: Record<string, string> = { 'ocp-date': new Date().toUTCString() };
      if (payload) {
        headers['content-type'] = 'application/json; odata=minimalmetadata; charset=utf-8';
        headers['content-length'] = String(payload.length);
      }
      headers.authorization = authorization(account, keyBytes, method, full, headers);
      const req = request({ host: '127.0.0.1', port, method, path: full, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    url,
    port,
    account,
    key,
    pid: child.pid ?? 0,
    call,
    rss: () => rssOf(child.pid ?? 0),
    stop: async () => {
      agent.destroy();
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
