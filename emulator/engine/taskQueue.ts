/**
 * A FIFO of task keys waiting to be scheduled. Entries may go stale (the task was deleted, terminated
 * or already dispatched); consumers check each popped key, so removal never has to search the queue.
 */
export class TaskQueue {
  private items: string[] = [];
  private head = 0;

  /** Entries not yet consumed (stale ones included). */
  get length(): number {
    return this.items.length - this.head;
  }

  /** Appends a key. */
  push(key: string): void {
    this.items.push(key);
  }

  /** The next key without consuming it. */
  peek(): string | undefined {
    return this.items[this.head];
  }

  /** Consumes the next key. */
  shift(): string | undefined {
    const key = this.items[this.head];
    if (key === undefined) return undefined;
    this.head++;
    // Drop the consumed prefix now and then so a million-task queue does not keep every key alive.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return key;
  }

  /** Puts a key at the head of the queue, to be consumed next. */
  pushFront(key: string): void {
    if (this.head > 0) this.items[--this.head] = key;
    else this.items.unshift(key);
  }

  /** Keeps only the unconsumed entries `keep` accepts, in order. */
  retain(keep: (key: string) => boolean): void {
    this.items = this.items.slice(this.head).filter(keep);
    this.head = 0;
  }

  /** Forgets every entry. */
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
