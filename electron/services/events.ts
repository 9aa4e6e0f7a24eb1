import type { EventName, EventPayload } from '../../shared/contract';

/** A pushed event as it leaves main. */
export interface PushedEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

type Listener = (event: PushedEvent) => void;

/** Fans main-side events out to every connected renderer (IPC window or web-host clients). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  /** Pushes one event to every listener; a failing listener never stops the others. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener({ name, payload } as PushedEvent);
      } catch (error) {
        console.error(`event listener failed for ${name}:`, error);
      }
    }
  }

  /** Adds a listener; the returned function removes it. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many listeners are attached (for diagnostics and tests). */
  get size(): number {
    return this.listeners.size;
  }
}
