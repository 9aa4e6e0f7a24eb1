// The storage calls that have a deadline, against an endpoint that takes every request and never answers.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStorage } from '../../../emulator/storage/azurite';
import type { AccountsService } from '../accounts/service';
import { createDispatcher, type Handlers } from '../contract/dispatch';
import { EventBus } from '../events';
import { localResolver } from './azurite-fixture';
import { storageService } from './handlers';

// A storage endpoint that takes every request and never answers; it notes each request and when its client gave up.
let server: Server;
const requests: { url: string; closed: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage) => {
    const entry = { url: req.url ?? '', closed: false };
    requests.push(entry);
    req.socket.on('close', () => (entry.closed = true));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('quick storage calls against an endpoint that never answers', () => {
  it('fail with ConnectionTimeout in time and drop their requests', async () => {
    const storage: LocalStorage = {
      accountName: 'stalled',
      accountKey: randomBytes(32).toString('base64'),
      keyFile: '',
      blobUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stalled`,
      running: () => true,
      stop: async () => undefined,
    };
    const service = storageService({
      accounts: {} as AccountsService,
      events: new EventBus(),
      localStorage: () => storage,
      resolver: localResolver(storage),
      requestTimeoutMs: 300,
    });
    const dispatch = createDispatcher(service.handlers as Handlers);
    const calls: [string, Record<string, unknown>, RegExp][] = [
      ['storage.containers', { accountId: 'local' }, /^\/stalled\/\?comp=list/],
      ['storage.createContainer', { accountId: 'local', name: 'made' }, /^\/stalled\/made\?restype=container/],
      ['storage.deleteContainer', { accountId: 'local', name: 'gone' }, /^\/stalled\/gone\?restype=container/],
      ['storage.blobs', { accountId: 'local', container: 'box' }, /^\/stalled\/box\?.*comp=list/],
    ];
    for (const [name, args, path] of calls) {
      const started = Date.now();
      const envelope = await dispatch(name, args);
      expect(envelope.ok, name).toBe(false);
      if (!envelope.ok) expect(envelope.error, name).toMatchObject({ code: 'ConnectionTimeout', status: 504, message: 'The storage service did not answer within 300 ms' });
      expect(Date.now() - started, name).toBeLessThan(5_000);
      const request = requests.find((r) => path.test(r.url));
      expect(request, `${name} reached the endpoint`).toBeDefined();
      await expect.poll(() => request?.closed, { timeout: 2_000, message: `${name} dropped its request` }).toBe(true);
    }
    service.dispose();
  });
});
