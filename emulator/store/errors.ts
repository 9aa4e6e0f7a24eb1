/** Thrown when a journal or snapshot file holds damage that cannot be a torn, never-acknowledged tail. */
export class JournalCorruptionError extends Error {
  override readonly name = 'JournalCorruptionError';

  constructor(
    readonly file: string,
    readonly offset: number | undefined,
    readonly reason: string,
  ) {
    super(
      offset === undefined
        ? `Journal store ${file} is corrupt: ${reason}`
        : `Journal file ${file} is corrupt at byte offset ${offset}: ${reason}`,
    );
  }
}

/** Returned by every commit or compaction once the journal has been closed. */
export class JournalClosedError extends Error {
  override readonly name = 'JournalClosedError';

  constructor(dir: string) {
    super(`Journal at ${dir} is closed; no further commits or compactions are accepted`);
  }
}
