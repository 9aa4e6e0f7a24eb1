// Node and task files as main hands them to the renderer: dates are ISO strings, sizes are bytes.

/** One entry of a task's or node's file listing. */
export interface NodeFileEntry {
  /** Path relative to the task or node root, with `/` separators. */
  name: string;
  isDirectory: boolean;
  url?: string;
  size?: number;
  lastModified?: string;
  creationTime?: string;
  contentType?: string;
}

/** One page of a file listing; pass `continuation` back to get the next page. */
export interface FilePage {
  items: NodeFileEntry[];
  continuation?: string;
}

/** What the service reports about one file without reading it. */
export interface NodeFileProperties {
  path: string;
  isDirectory: boolean;
  size: number;
  lastModified?: string;
  creationTime?: string;
  contentType?: string;
}

/** A byte range of a file: UTF-8 text, or base64 when the bytes look binary. */
export interface FileChunk {
  /** Where the returned bytes start (moved forward past a split UTF-8 character). */
  offset: number;
  /** How many bytes the chunk covers; the next read starts at offset + length. */
  length: number;
  /** The file's size when it was read. */
  totalSize: number;
  text?: string;
  base64?: string;
  binary: boolean;
  lastModified?: string;
}

/** The last lines of a text file. */
export interface FileTail {
  lines: string[];
  totalSize: number;
  /** True when the file holds more before the first returned line. */
  truncated: boolean;
}

/** Where a `files.find` scan got to: a match, or how far it read without one. */
export interface FileMatch {
  /** Byte offset of the first match in the scan direction, when there is one. */
  matchOffset?: number;
  /** The match's length in bytes (the query's UTF-8 length). */
  matchLength?: number;
  /** The scan covered [scannedFrom, scannedTo); continue from the far end when `done` is false. */
  scannedFrom: number;
  scannedTo: number;
  totalSize: number;
  /** True when a match was found or the scan reached the file's end (or start, going backward). */
  done: boolean;
}

/** How a download ended: saved to disk by main, cancelled, or handed to the browser as a one-time URL. */
export type DownloadResult =
  | { kind: 'saved'; destination: string; files: number; bytes: number }
  | { kind: 'cancelled' }
  | { kind: 'browser'; url: string; fileName: string };

/** Progress of a desktop download, keyed by the caller's operationId. */
export interface DownloadProgress {
  operationId: string;
  bytesDone: number;
  bytesTotal?: number;
  filesDone: number;
  filesTotal?: number;
  currentFile?: string;
}
