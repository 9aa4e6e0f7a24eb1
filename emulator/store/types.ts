/** One change to the store: set or remove key k in collection c. Values round-trip through JSON. */
export type JournalOp =
  | { op: 'put'; c: string; k: string; v: unknown }
  | { op: 'del'; c: string; k: string };

/** How Journal.open finds and treats its files. */
export interface JournalOptions {
  /** Directory holding the store; created if missing. */
  dir: string;
  /** Default true: fdatasync before a commit resolves. */
  fsync?: boolean;
  /** Default 64 MiB: shouldCompact() turns true when the log exceeds max(this, snapshot size). */
  compactThresholdBytes?: number;
}

/** Points in compaction where tests may observe (or copy) the files a crash there would leave. */
export type CompactionStep = 'log-rotated' | 'snapshot-written' | 'snapshot-renamed' | 'dir-synced' | 'old-files-removed';

/** Internal test hooks; the emulator never passes these. */
export interface JournalHooks {
  onCompactionStep?: (step: CompactionStep) => void | Promise<void>;
}

/** Counters of physical writes, so tests can see group commit at work. */
export interface WriteStats {
  /** Frames appended to the log (one write call each). */
  frames: number;
  /** fdatasync calls made for commits. */
  syncs: number;
  /** Commits acknowledged. */
  commits: number;
  /** Bytes appended to the log, frame headers included. */
  bytes: number;
}
