import { AppError } from '../../../../shared/errors';
import { serviceError } from '../../batch/clients';
import { readRange } from '../read';
import { CANCELLED, type OpsRunner } from '../runner';

/** Where copied bytes go; the returned promise resolving is the backpressure. */
export type ByteSink = (chunk: Buffer) => Promise<void>;

/** How a file is fetched: range size, each range's own deadline, and whether a range is read whole before the sink. */
export interface CopyOptions {
  chunkBytes: number;
  timeoutMs: number;
  /** Read each range into memory first, so a slow consumer (a paused browser) never eats the range's deadline. */
  buffered?: boolean;
  onBytes?: (count: number) => void;
}

/** 8 MiB per `ocp-range` request; two minutes each allows for a slow link (~70 KB/s) without waiting forever. */
export const DOWNLOAD_CHUNK_BYTES = 8 * 1024 * 1024;
export const DOWNLOAD_CHUNK_TIMEOUT_MS = 120_000;
/** A range that fails with a timeout or a 5xx is asked for again, from where it stopped, this many times. */
const MAX_RETRIES = 3;

function retryable(error: unknown): boolean {
  const e = serviceError(error);
  if (e.code === CANCELLED) return false;
  return e.code === 'ConnectionTimeout' || e.code === 'ServiceUnreachable' || (e.status ?? 0) >= 500;
}

/** Copies the first `size` bytes of a task or node file to `sink` in ranged requests, never the whole file in memory. */
export async function copyFile(run: OpsRunner, remotePath: string, size: number, sink: ByteSink, options: CopyOptions): Promise<void> {
  let pos = 0;
  let failures = 0;
  const deliver = async (chunk: Buffer) => {
    await sink(chunk);
    pos += chunk.length;
    options.onBytes?.(chunk.length);
  };
  while (pos < size) {
    const end = Math.min(size, pos + options.chunkBytes);
    const before = pos;
    try {
      if (options.buffered) {
        const bytes = await run((ops) => readRange(ops, remotePath, pos, end), options.timeoutMs);
        await deliver(bytes.subarray(0, end - pos));
      } else {
        await run(async (ops) => {
          const body = (await ops.get(remotePath, `bytes=${pos}-${end - 1}`)).readableStreamBody;
          if (!body) return;
          for await (const part of body) {
            const chunk = typeof part === 'string' ? Buffer.from(part) : part;
            await deliver(chunk.subarray(0, end - pos));
            if (pos >= end) break;
          }
        }, options.timeoutMs);
      }
    } catch (error) {
      if (!retryable(error) || ++failures > MAX_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * failures));
      continue;
    }
    if (pos > before) failures = 0;
    if (pos < end) {
      throw new AppError({ code: 'FileChanged', message: `${remotePath} got shorter while it was being downloaded`, status: 409 });
    }
  }
}
