// Shared by the emulator's integration tests: temp data folders, SDK clients that validate every
// response body against the spec, hand-signed raw requests, and polling.
import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import type { HttpOperationResponse, RequestPolicy, RequestPolicyFactory, WebResourceLike } from '@azure/ms-rest-js';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorization } from '../http/sharedKey.js';
import { API_VERSION } from '../http/query.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../index.js';
import { loadBatchSpec, validateResponse, type SpecProblem } from '../spec/index.js';

/** How many processes run `/bin/sleep <seconds>` (Linux only: read from /proc). */
export function sleepProcesses(seconds: string): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[0] === '/bin/sleep' && argv[1] === seconds) count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

/** Node delays short enough for tests. */
export const FAST_DELAYS = { allocate: 20, create: 20, start: 20 };

/** A fresh temp folder and its removal. */
export async function tempDir(prefix = 'batch-emu-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
}

/** Starts an emulator on a temp folder with fast delays; `stop` closes it and removes the folder. */
export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<{ emulator: RunningEmulator; dir: string; stop: () => Promise<void> }> {
  const temp = await tempDir();
  const emulator = await startEmulator({ dataDir: temp.dir, nodeDelays: FAST_DELAYS, fsync: false, ...options });
  return {
    emulator,
    dir: temp.dir,
    stop: async () => {
      await emulator.close();
      await temp.remove();
    },
  };
}

let spec: ReturnType<typeof loadBatchSpec> | undefined;

/** Checks one response against the spec; returns the problems worth reporting. */
export function specProblems(method: string, url: string, status: number, body: unknown): SpecProblem[] {
  spec ??= loadBatchSpec();
  return validateResponse(spec, method, url, status, body);
}

/** Collects spec violations of every JSON response the SDK receives. */
export class SpecRecorder {
  readonly problems: string[] = [];
  checked = 0;

  /** A request policy that validates responses as they arrive. */
  factory(): RequestPolicyFactory {
    return {
      create: (next: RequestPolicy): RequestPolicy => ({
        sendRequest: async (req: WebResourceLike): Promise<HttpOperationResponse> => {
          const res = await next.sendRequest(req);
          // Streamed file bodies have no text. 304 is the service's answer to a satisfied If-None-Match,
          // which the spec does not list among the responses of any operation.
          if ((res.bodyAsText !== undefined || req.method === 'HEAD') && res.status !== 304) {
            this.checked++;
            const body = req.method === 'HEAD' ? undefined : (res.bodyAsText ?? undefined);
            for (const p of specProblems(req.method, req.url, res.status, body)) {
              this.problems.push(`${req.method} ${req.url} ${res.status}: ${p.path} ${p.message}`);
            }
          }
          return res;
        },
      }),
    };
  }
}

/** An SDK client for the emulator (key overridable to test authentication), validating responses. */
export function sdkClient(emulator: RunningEmulator, recorder?: SpecRecorder, key = emulator.key): BatchServiceClient {
  const credentials = new BatchSharedKeyCredentials(emulator.account, key);
  return new BatchServiceClient(credentials, emulator.url, {
    // No retries: a test must see the first answer.
    noRetryPolicy: true,
    requestPolicyFactories: recorder ? (defaults) => [...defaults, recorder.factory()] : undefined,
  });
}

/** A raw HTTP response. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

/** Options of a hand-made request. */
export interface RawOptions {
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Sign with this key (default: the emulator's); false sends no Authorization header. */
  sign?: string | false;
  apiVersion?: string | false;
}

/** Sends a hand-made request, SharedKey-signed like the SDK does unless told otherwise. */
export function rawRequest(emulator: RunningEmulator, method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const version = options.apiVersion === undefined ? API_VERSION : options.apiVersion;
  const sep = path.includes('?') ? '&' : '?';
  const url = version === false ? path : `${path}${sep}api-version=${encodeURIComponent(version)}`;
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { 'ocp-date': new Date().toUTCString(), ...options.headers };
  if (body) {
    headers['content-length'] = String(body.length);
    headers['content-type'] ??= 'application/json; odata=minimalmetadata; charset=utf-8';
  }
  if (options.sign !== false) {
    const key = Buffer.from(options.sign ?? emulator.key, 'base64');
    headers.authorization = authorization(emulator.account, key, method, url, headers);
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: emulator.port, method, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The status code of a rejected SDK call (RestError), or undefined. */
export async function sdkStatus(call: Promise<unknown>): Promise<{ status?: number; code?: string }> {
  try {
    await call;
    return {};
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; body?: { code?: string } };
    return { status: e.statusCode, code: e.body?.code ?? e.code };
  }
}
