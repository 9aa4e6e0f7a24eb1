import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { AccountsService } from '../accounts/service';
import type { Handlers } from '../contract/dispatch';
import { fileProperties, listFiles } from './list';
import { readChunk, tailLines } from './read';
import { fileOps, type FileSource } from './source';

type FileCalls = 'files.list' | 'files.properties' | 'files.read' | 'files.tail';

/** The task and node file calls, each run with the account's own client in main. */
export function fileHandlers(accounts: AccountsService): Pick<Handlers, FileCalls> {
  const withOps = <T>(accountId: string, source: FileSource, work: (ops: ReturnType<typeof fileOps>) => Promise<T>) =>
    accounts.withClient(accountId, (client, signal) => work(fileOps(client, source, signal as unknown as AbortSignalLike)));
  return {
    'files.list': async ({ accountId, source, ...args }) => {
      const url = await accounts.urlOf(accountId);
      return withOps(accountId, source, (ops) => listFiles(ops, url, args));
    },
    'files.properties': ({ accountId, source, path }) => withOps(accountId, source, (ops) => fileProperties(ops, path)),
    'files.read': ({ accountId, source, path, offset, length }) => withOps(accountId, source, (ops) => readChunk(ops, path, offset, length)),
    'files.tail': ({ accountId, source, path, lines }) => withOps(accountId, source, (ops) => tailLines(ops, path, lines)),
  };
}
