// Drives one viewer window through its reads: opens and jumps replace it, scrolling extends it, follow polls append.
import {
  FOLLOW_BYTES,
  JUMP_CONTEXT_BYTES,
  atLiveEnd,
  extendBackward,
  extendForward,
  openAt,
  openAtEnd,
  openAtStart,
  rowIndexAt,
  type ChunkReader,
  type ViewerWindow,
} from './viewer-window';

/** The file a controller reads: byte ranges and its current size. */
export interface ViewerSource extends ChunkReader {
  size(): Promise<{ size: number; lastModified?: string }>;
}

/** A request to the view to bring one row into sight, once (`request` tells repeated requests apart). */
export interface ScrollTarget {
  request: number;
  generation: number;
  rowId: number;
  align: 'start' | 'end';
}

/** Everything the viewer shows about its file. */
export interface ViewerState {
  window: ViewerWindow | undefined;
  /** An open or a jump is loading (the view shows a spinner over the old rows). */
  opening: boolean;
  /** An extension or follow read is running. */
  busy: boolean;
  /** The last failure; a failed open with no window is the whole view, later ones show above the rows. */
  error: unknown;
  scroll: ScrollTarget | undefined;
  /** The file's size as last seen, possibly beyond the span (follow polls see growth before anyone reads it). */
  size: number;
}

/** Follow polls skip this many ticks at most after failures (doubling per failure). */
const MAX_POLL_SKIP = 16;
/** How long the final read waits for a running read, in steps. */
const FINAL_READ_WAIT_MS = 100;
const FINAL_READ_WAITS = 50;

/** Holds one file's viewer state outside React, so every read sequence is testable without a DOM. */
export class ViewerController {
  #state: ViewerState = { window: undefined, opening: false, busy: false, error: undefined, scroll: undefined, size: 0 };
  readonly #listeners = new Set<() => void>();
  #generation = 0;
  #openSeq = 0;
  #requests = 0;
  #pollFailures = 0;
  #pollSkip = 0;

  constructor(private readonly source: ViewerSource) {}

  /** Registers a listener for state changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The current state; a new object after every change. */
  getState = (): ViewerState => this.#state;

  #set(patch: Partial<ViewerState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  #target(win: ViewerWindow, index: number, align: 'start' | 'end'): ScrollTarget {
    return { request: ++this.#requests, generation: win.generation, rowId: win.origin + Math.max(0, index), align };
  }

  async #open(load: (generation: number) => Promise<ViewerWindow>, scrollTo: (win: ViewerWindow) => [number, 'start' | 'end']): Promise<void> {
    const seq = ++this.#openSeq;
    this.#set({ opening: true });
    try {
      const win = await load(++this.#generation);
      if (seq !== this.#openSeq) return;
      const [index, align] = scrollTo(win);
      this.#set({ window: win, opening: false, busy: false, error: undefined, size: win.totalSize, scroll: this.#target(win, index, align) });
    } catch (error) {
      if (seq === this.#openSeq) this.#set({ opening: false, error });
    }
  }

  /** Shows the first screen. */
  openStart(): Promise<void> {
    return this.#open((generation) => openAtStart(this.source, generation), () => [0, 'start']);
  }

  /** Shows the last screen, scrolled to the last line. */
  openEnd(): Promise<void> {
    return this.#open(
      async (generation) => openAtEnd(this.source, (await this.source.size()).size, generation),
      (win) => [win.rows.length - 1, 'end'],
    );
  }

  /** Shows the line holding byte `offset` at the top, with a little of what comes before it loaded. */
  jumpTo(offset: number): Promise<void> {
    const target = Math.max(0, Math.floor(offset));
    return this.#open(
      (generation) => openAt(this.source, Math.max(0, target - JUMP_CONTEXT_BYTES), generation),
      (win) => {
        const index = rowIndexAt(win, target);
        return index >= 0 ? [index, 'start'] : target >= win.end ? [win.rows.length - 1, 'end'] : [0, 'start'];
      },
    );
  }

  async #grow(step: (win: ViewerWindow) => Promise<ViewerWindow>): Promise<boolean> {
    const win = this.#state.window;
    if (!win || this.#state.opening || this.#state.busy) return false;
    const seq = this.#openSeq;
    this.#set({ busy: true });
    try {
      const next = await step(win);
      if (seq !== this.#openSeq) return false;
      const patch: Partial<ViewerState> = { busy: false, error: undefined, size: next === win ? Math.max(win.totalSize, this.#state.size) : next.totalSize };
      if (next !== win) patch.window = next;
      // A shrunken file starts over: show its end.
      if (next.generation !== win.generation) patch.scroll = this.#target(next, next.rows.length - 1, 'end');
      this.#set(patch);
      return true;
    } catch (error) {
      if (seq === this.#openSeq) this.#set({ busy: false, error });
      throw error;
    }
  }

  /** Loads more rows past one edge of the span, as the user scrolls near it. */
  async extend(direction: 'forward' | 'backward'): Promise<void> {
    const win = this.#state.window;
    if (!win || (direction === 'forward' ? atLiveEnd(win) : win.start <= 0)) return;
    await this.#grow((w) => (direction === 'forward' ? extendForward(this.source, w) : extendBackward(this.source, w))).catch(() => undefined);
  }

  /**
   * The read after follow mode ends (the task completed): waits for a running read to finish, then reads whatever
   * was appended last, however the earlier polls fared.
   */
  async finalRead(): Promise<void> {
    for (let i = 0; i < FINAL_READ_WAITS && (this.#state.opening || this.#state.busy); i++) await new Promise((r) => setTimeout(r, FINAL_READ_WAIT_MS));
    this.#pollSkip = 0;
    await this.poll();
  }

  /**
   * One follow tick: at the live end, read what was appended; elsewhere only learn the new size (the user is reading
   * older output, and "Jump to live end" takes them back). Failures back off by skipping ticks.
   */
  async poll(): Promise<void> {
    const win = this.#state.window;
    if (!win || this.#state.opening || this.#state.busy) return;
    if (this.#pollSkip > 0) {
      this.#pollSkip--;
      return;
    }
    try {
      if (atLiveEnd(win) || win.totalSize < win.end) await this.#grow((w) => extendForward(this.source, w, FOLLOW_BYTES));
      else {
        const { size } = await this.source.size();
        if (size !== this.#state.size) this.#set({ size });
      }
      this.#pollFailures = 0;
    } catch (error) {
      this.#pollFailures++;
      this.#pollSkip = Math.min(MAX_POLL_SKIP, 2 ** (this.#pollFailures - 1));
      this.#set({ error });
    }
  }
}
