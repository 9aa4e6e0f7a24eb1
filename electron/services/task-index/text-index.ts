// "Contains" over a million task ids and names: one lower-cased string per block of rows, searched with
// indexOf, which is far cheaper than running a case-insensitive regex over two million separate strings.
import type { TaskStore } from './store';

/** Rows per block: appended pages only add blocks, and a search scans a few long strings. */
const BLOCK_ROWS = 65_536;
// Never typed into a search box, so a match can never span two rows or an id and its name.
const SEPARATOR = '\u0000';

interface Block {
  from: number;
  to: number;
  text: string;
  /** Where each row's text starts in `text`, plus the end. */
  starts: Uint32Array;
}

/** Lower-cased ids and display names of every row, kept current as rows are appended. */
export class TextIndex {
  private blocks: Block[] = [];
  /** Blocks whose rows deletions changed, rebuilt by the next refreshes. */
  private readonly stale = new Set<number>();
  private deletions = 0;

  constructor(private readonly store: TaskStore) {}

  /** True when a needle can be answered here (it holds no separator). */
  static accepts(needle: string): boolean {
    return !needle.includes(SEPARATOR);
  }

  /** A mask of the rows whose id or display name contains `needle`, ignoring case. */
  matches(needle: string): Uint8Array {
    this.refresh();
    const lower = needle.toLowerCase();
    const mask = new Uint8Array(this.store.count);
    for (const block of this.blocks) {
      let at = block.text.indexOf(lower);
      while (at >= 0) {
        const row = rowAt(block, at);
        mask[block.from + row] = 1;
        at = block.text.indexOf(lower, block.starts[row + 1] ?? block.text.length);
      }
    }
    return mask;
  }

  /** Builds up to `limit` of the blocks the store's rows need (after deletions, those they changed); true when it built any. */
  refresh(limit = Infinity): boolean {
    const store = this.store;
    let built = 0;
    if (this.deletions !== store.deletions) {
      this.followDeletions();
      this.deletions = store.deletions;
    }
    for (const index of this.stale) {
      if (built >= limit) return true;
      const old = this.blocks[index];
      if (old) this.blocks[index] = block(store, old.from, old.to);
      this.stale.delete(index);
      built++;
    }
    for (;;) {
      const last = this.blocks.at(-1);
      const from = last && last.to - last.from < BLOCK_ROWS ? last.from : (last?.to ?? 0);
      if (built >= limit || (last?.to ?? 0) >= store.count) return built > 0;
      if (last && from === last.from) this.blocks.pop();
      this.blocks.push(block(store, from, Math.min(store.count, from + BLOCK_ROWS)));
      built++;
    }
  }

  /**
   * Marks for rebuilding only the blocks whose rows deletions changed (a removed row takes the last row's place) and
   * drops what lies past the end; drops everything when the store's move log no longer reaches back.
   */
  private followDeletions(): void {
    const store = this.store;
    const known = this.blocks.at(-1)?.to ?? 0;
    const moves = store.movesSince(this.deletions, known);
    if (!moves) {
      this.blocks = [];
      this.stale.clear();
      return;
    }
    // A row only ever moves from the end into a deleted row's place, so the positions whose text changed are exactly
    // those whose old row was deleted or moved away; appended rows past the old end are built by refresh.
    for (let old = 0; old < known; old++) if ((moves.now[old] ?? -1) !== old) this.stale.add(Math.floor(old / BLOCK_ROWS));
    while ((this.blocks.at(-1)?.from ?? 0) >= store.count && this.blocks.length) this.blocks.pop();
    const last = this.blocks.at(-1);
    // The block the end now falls in is cut short and rebuilt like the others.
    if (last && last.to > store.count) {
      this.blocks[this.blocks.length - 1] = { ...last, to: store.count };
      this.stale.add(this.blocks.length - 1);
    }
    for (const index of [...this.stale]) if (index >= this.blocks.length) this.stale.delete(index);
  }
}

function block(store: TaskStore, from: number, to: number): Block {
  const parts: string[] = [];
  const starts = new Uint32Array(to - from + 1);
  let length = 0;
  for (let row = from; row < to; row++) {
    starts[row - from] = length;
    // Lower-cased piece by piece: some characters change length when lower-cased, and offsets must follow.
    const text = `${(store.ids[row] ?? '').toLowerCase()}${SEPARATOR}${(store.names[row] ?? '').toLowerCase()}${SEPARATOR}`;
    parts.push(text);
    length += text.length;
  }
  starts[to - from] = length;
  return { from, to, text: parts.join(''), starts };
}

/** The row whose text holds offset `at`. */
function rowAt(block: Block, at: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((block.starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
