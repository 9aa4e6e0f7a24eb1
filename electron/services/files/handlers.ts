import type { AccountsService } from '../accounts/service';
import type { Handlers } from '../contract/dispatch';
import type { DownloadService } from './download/service';
import { findInFile } from './find';
import { fileProperties, listFiles } from './list';
import { readChunk, tailLines } from './read';
import { accountRunner } from './runner';
import type { FileOps, FileSource } from './source';

type FileCalls = 'files.list' | 'files.properties' | 'files.read' | 'files.tail' | 'files.find' | 'files.download' | 'files.cancelDownload';

/** The task and node file calls, each run with the account's own client in main. */
export function fileHandlers(accounts: AccountsService, downloads: DownloadService): Pick<Handlers, FileCalls> {
  const runner = accountRunner(accounts);
  const withOps = <T>(accountId: string, source: FileSource, work: (ops: FileOps) => Promise<T>) => runner(accountId, source)(work);
  return {
    'files.list': async ({ accountId, source, ...args }) => {
      const url = await accounts.urlOf(accountId);
      return withOps(accountId, source, (ops) => listFiles(ops, url, args));
    },
    'files.properties': ({ accountId, source, path }) => withOps(accountId, source, (ops) => fileProperties(ops, path)),
    'files.read': ({ accountId, source, path, offset, length }) => withOps(accountId, source, (ops) => readChunk(ops, path, offset, length)),
    'files.tail': ({ accountId, source, path, lines }) => withOps(accountId, source, (ops) => tailLines(ops, path, lines)),
    // Each ranged read of the scan gets its own deadline; the call as a whole is bounded by the scan budget.
    'files.find': ({ accountId, source, ...args }) => findInFile(runner(accountId, source), args),
    'files.download': (request) => downloads.download(request),
    'files.cancelDownload': async ({ operationId }) => downloads.cancel(operationId),
  };
}
