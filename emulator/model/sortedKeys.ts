const MAX_CHUNK = 1024;

function upperBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Distinct string keys kept in ordinal order in chunks of at most 1024, so inserts, deletes and
 * "continue after key K" cost O(√n)-ish even for a million keys, and ids added in order append cheaply.
 */
export class SortedKeys {
  private chunks: string[][] = [];
  private count = 0;

  /** How many keys are held. */
  get size(): number {
    return this.count;
  }

  // The chunk that does or would hold the key: the first whose last key is >= key.
  private chunkIndex(key: string): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid] as string[];
      if ((chunk[chunk.length - 1] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a key that is not present. */
  insert(key: string): void {
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      return;
    }
    const index = this.chunkIndex(key);
    const chunk = this.chunks[index] as string[];
    chunk.splice(upperBound(chunk, key), 0, key);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(index + 1, 0, chunk.splice(MAX_CHUNK >>> 1));
  }

  /** Removes a key; false when it was not present. */
  remove(key: string): boolean {
    const index = this.chunkIndex(key);
    const chunk = this.chunks[index];
    if (!chunk) return false;
    const at = upperBound(chunk, key) - 1;
    if (at < 0 || chunk[at] !== key) return false;
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(index, 1);
    this.count--;
    return true;
  }

  /** Keys in order, starting after `after` (or from the first); `after` need not be present. Do not mutate while iterating. */
  *after(after?: string): Generator<string> {
    let chunkAt = 0;
    let keyAt = 0;
    if (after !== undefined) {
      chunkAt = this.chunkIndex(after);
      if (chunkAt < 0) return;
      keyAt = upperBound(this.chunks[chunkAt] as string[], after);
    }
    for (; chunkAt < this.chunks.length; chunkAt++, keyAt = 0) {
      const chunk = this.chunks[chunkAt] as string[];
      for (; keyAt < chunk.length; keyAt++) yield chunk[keyAt] as string;
    }
  }
}
