import { SortedKeys } from './sortedKeys.js';

/** A map kept in key order, for entities listed page by page with a continuation key. */
export class OrderedMap<V> {
  private readonly map = new Map<string, V>();
  private readonly keys = new SortedKeys();

  /** How many entries are held. */
  get size(): number {
    return this.map.size;
  }

  /** The entry under a key. */
  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** True when the key is present. */
  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Adds or replaces an entry. */
  set(key: string, value: V): void {
    if (!this.map.has(key)) this.keys.insert(key);
    this.map.set(key, value);
  }

  /** Removes an entry; false when absent. */
  delete(key: string): boolean {
    if (!this.map.delete(key)) return false;
    this.keys.remove(key);
    return true;
  }

  /** Entries in key order after a key (exclusive), or from the start. */
  *entriesAfter(after?: string): Generator<[string, V]> {
    for (const key of this.keys.after(after)) yield [key, this.map.get(key) as V];
  }

  /** All values, in insertion order (cheaper than key order when order does not matter). */
  values(): IterableIterator<V> {
    return this.map.values();
  }
}
