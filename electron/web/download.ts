import type { ServerResponse } from 'node:http';
import { toErrorShape } from '../services/contract/errors';
import type { BrowserDownload } from '../services/files/download/browser';
import { DOWNLOAD_ROUTE } from '../services/files/download/service';

export { DOWNLOAD_ROUTE };

/** Whatever hands out one-time download tickets (node and task files, blobs). */
export interface DownloadRedeemer {
  redeem(ticket: string, signal: AbortSignal): Promise<BrowserDownload | undefined>;
}

/** Tries each ticket issuer in turn; tickets are random, so at most one knows a ticket. */
export function anyRedeemer(redeemers: readonly DownloadRedeemer[]): DownloadRedeemer {
  return {
    async redeem(ticket, signal) {
      for (const redeemer of redeemers) {
        const found = await redeemer.redeem(ticket, signal);
        if (found) return found;
      }
      return undefined;
    },
  };
}

const TICKET = /^[A-Za-z0-9_-]{43}$/;

/** `attachment` with a plain-ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** Resolves when the response can take more bytes, or when the browser has gone (the sink then notices the abort). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Serves `GET /download/<ticket>`: streams the file (or a folder as .tar) and stops reading if the browser goes away. */
export async function serveDownload(res: ServerResponse, downloads: DownloadRedeemer, ticket: string): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  let download;
  try {
    download = TICKET.test(ticket) ? await downloads.redeem(ticket, gone.signal) : undefined;
  } catch (error) {
    const shape = toErrorShape(error);
    return sendText(res, shape.status ?? 502, `The download could not start: ${shape.message}`);
  }
  if (!download) return sendText(res, 404, 'This download link has expired or was already used; start the download again in the app.');
  res.writeHead(200, {
    'Content-Type': download.contentType,
    'Content-Disposition': contentDisposition(download.fileName),
    ...(download.size !== undefined ? { 'Content-Length': download.size } : {}),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  try {
    await download.write(async (chunk) => {
      if (gone.signal.aborted) throw new Error('The browser closed the download');
      if (!res.write(chunk)) await drained(res);
    });
    res.end();
  } catch (error) {
    if (!gone.signal.aborted) console.error('web host download failed:', toErrorShape(error).message);
    // Cutting the connection makes the browser report a failed download instead of keeping a truncated file.
    res.destroy();
  }
}
