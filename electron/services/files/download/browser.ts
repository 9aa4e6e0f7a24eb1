import type { OpsRunner } from '../runner';
import { copyFile, type ByteSink, type CopyOptions } from './copy';
import type { DownloadPlan } from './plan';
import { TAR_END, tarHeader, tarPadding } from './tar';

/** A download the web host streams to the browser: a name, a type, the length when known, and the body writer. */
export interface BrowserDownload {
  fileName: string;
  contentType: string;
  /** Known for a single file; a folder's tar is sent without a length. */
  size?: number;
  /** Writes the body into `sink`; the runner's cancel signal stops it when the browser goes away. */
  write(sink: ByteSink): Promise<void>;
}

type Fetch = Pick<CopyOptions, 'chunkBytes' | 'timeoutMs'>;

/** One file, byte for byte, up to the size it had when the download started. */
export function browserFile(run: OpsRunner, remotePath: string, fileName: string, size: number, fetch: Fetch): BrowserDownload {
  return {
    fileName,
    contentType: 'application/octet-stream',
    size,
    write: (sink) => copyFile(run, remotePath, size, sink, { ...fetch, buffered: true }),
  };
}

/** A folder as a ustar archive under one top folder, each member's size taken from the listing. */
export function browserFolder(run: OpsRunner, plan: DownloadPlan, fetch: Fetch): BrowserDownload {
  return {
    fileName: `${plan.rootName}.tar`,
    contentType: 'application/x-tar',
    write: async (sink) => {
      await sink(tarHeader({ name: plan.rootName, isDirectory: true, size: 0, mtime: new Date() }));
      for (const entry of plan.entries) {
        const name = [plan.rootName, ...entry.segments].join('/');
        await sink(tarHeader({ name, isDirectory: entry.isDirectory, size: entry.size, ...(entry.mtime ? { mtime: entry.mtime } : {}) }));
        if (entry.isDirectory) continue;
        await copyFile(run, entry.remotePath, entry.size, sink, { ...fetch, buffered: true });
        await sink(tarPadding(entry.size));
      }
      await sink(TAR_END);
    },
  };
}
