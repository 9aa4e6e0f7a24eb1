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
