// A zip starts with a local file header; reading just those first bytes refuses an obviously wrong file before
// anything is created for it.
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';

/** The local file header signature every zip archive starts with. */
export const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The error a file that is not a zip fails with. */
export function notAZip(): AppError {
  return new AppError({ code: 'NotAZipFile', message: 'The package is not a zip file (it does not start with the zip signature "PK\\x03\\x04")', status: 400 });
}

/** True when `head` (the first bytes of a file) starts like a zip archive. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= ZIP_SIGNATURE.length && ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
}

/** Reads at least `bytes` bytes from the start of `stream` (fewer when it ends first), leaving the rest unread. */
function readHead(stream: Readable, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let got = 0;
    const stop = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = stream.read() as Buffer | null) !== null) {
        parts.push(chunk);
        got += chunk.length;
        if (got >= bytes) {
          stop();
          resolve(Buffer.concat(parts));
          return;
        }
      }
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(parts));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/**
 * Checks that `stream` starts with the zip signature and answers a stream of all its bytes (the head included);
 * rejects with `notAZip` otherwise. A later failure of `stream` destroys the answer with the same error.
 */
export async function checkedZip(stream: Readable): Promise<Readable> {
  const head = await readHead(stream, ZIP_SIGNATURE.length);
  if (!looksLikeZip(head)) throw notAZip();
  const out = new PassThrough();
  stream.on('error', (error) => out.destroy(error));
  out.write(head);
  stream.pipe(out);
  return out;
}
