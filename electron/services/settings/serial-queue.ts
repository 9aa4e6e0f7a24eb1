/** Runs async tasks one at a time, in call order; a failed task does not block the ones after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues `task` behind every earlier one and resolves or rejects with its own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    // The chain must survive a rejection, or one failed write would wedge every later one.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
