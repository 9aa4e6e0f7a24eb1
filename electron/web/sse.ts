import type { ServerResponse } from 'node:http';
import type { EventBus } from '../services/events';

const HEARTBEAT_MS = 15_000;

/** Streams every pushed event to one browser as Server-Sent Events until it disconnects. */
export function streamEvents(res: ServerResponse, events: EventBus): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(': connected\n\n');
  const stop = events.listen(({ name, payload }) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Comments keep idle proxies and the browser from timing the stream out.
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    stop();
  };
  res.on('close', close);
  return close;
}
