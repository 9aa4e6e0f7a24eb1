import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../../shared/errors';
import { toErrorShape } from '../services/contract/errors';
import type { UploadService } from '../services/transfers/uploads';

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const text = JSON.stringify(envelope);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // A refused body may still be arriving; closing the connection stops it instead of reading it to the end.
    ...(envelope.ok ? {} : { Connection: 'close' }),
  });
  res.end(text);
}

/** Serves `PUT /upload/<ticket>`: streams the body into the ticket's sink and answers with the contract's envelope. */
export async function serveUpload(req: IncomingMessage, res: ServerResponse, uploads: Pick<UploadService, 'receive'>, ticket: string): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const value = await uploads.receive(ticket, req, gone.signal);
    sendEnvelope(res, 200, { ok: true, value });
  } catch (error) {
    const shape = toErrorShape(error);
    if (!res.headersSent && !gone.signal.aborted) sendEnvelope(res, shape.status ?? 500, { ok: false, error: shape });
  }
}
