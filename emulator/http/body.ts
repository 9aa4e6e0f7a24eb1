import type { IncomingMessage } from 'node:http';
import { BatchError, invalidBody } from './errors.js';

/** Largest request body the service accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

// A client that keeps sending far beyond the limit is cut off instead of being drained forever.
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

function tooLarge(): BatchError {
  return new BatchError(413, 'RequestBodyTooLarge', 'The request body is too large and exceeds the maximum permissible limit.', [
    { key: 'MaxLimit', value: String(MAX_BODY_BYTES) },
  ]);
}

/**
 * Reads a request body of at most 1 MB. A larger one is read to the end (so the client can receive
 * the answer) and then refused with 413 RequestBodyTooLarge.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function describePosition(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const pos = Number(at[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Parses a JSON body; malformed JSON is 400 InvalidRequestBody saying where it broke. */
export function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw invalidBody('The request body is empty.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidBody(`The request body is not valid JSON: ${describePosition(text, (error as Error).message)}`);
  }
}
