// One job's tasks held column by column in typed arrays, so a million tasks fit in main in well under 300 MB.
import type { TaskRow } from '../../../shared/models';

/** Task states in code order; the code is the index. */
export const STATE_CODES = ['active', 'preparing', 'running', 'completed'] as const;
/** Task results in code order; code 0 means "no result". */
export const RESULT_CODES = [undefined, 'success', 'failure'] as const;
/** The state code of a task whose state the service did not say. */
export const NO_STATE = 255;
/** The exit code column's "no exit code". Int32 minimum: no process exits with it on any OS Batch runs. */
export const NO_EXIT_CODE = -2147483648;
/** The retry column's "no retry count". */
export const NO_RETRY = 0xffffffff;
/** The interned-string columns' "none"; table entries start at 1. */
export const NO_STRING = 0;

/** What the index keeps of one task, as the SDK returns it with the sync's `$select`. */
export interface TaskFacts {
  id?: string;
  displayName?: string;
  state?: string;
  creationTime?: Date | string;
  stateTransitionTime?: Date | string;
  executionInfo?: { startTime?: Date | string; endTime?: Date | string; exitCode?: number; result?: string; retryCount?: number };
  nodeInfo?: { nodeId?: string; poolId?: string };
}

/** Milliseconds since the epoch, or NaN when absent or unreadable. */
export function timeOf(value: Date | string | undefined): number {
  if (value === undefined || value === null) return NaN;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

const INITIAL_CAPACITY = 1024;
/** How many changed rows the store remembers, so cached orders can be patched instead of rebuilt. */
const CHANGE_LOG_LIMIT = 1 << 16;
/** Deletions remembered (each a removed row and the last row moved into it) so row orders can follow them. */
const MOVE_LOG_LIMIT = 1 << 18;

/** Strings seen often (node and pool ids), stored once and referred to by a small number. */
class StringTable {
  readonly values: string[] = [''];
  private readonly index = new Map<string, number>();

  /** The code of a string (NO_STRING for none), adding it on first sight. */
  intern(value: string | undefined): number {
    if (!value) return NO_STRING;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

/** What a row order was built against: the store's version, its deletions and its row count then. */
export interface Stamp {
  version: number;
  deletions: number;
  count: number;
}

/** A job's tasks in columns; rows are dense (0..count-1) and move on delete. */
export class TaskStore {
  count = 0;
  /** Bumped on every change to any row. */
  version = 0;
  /** Bumped when a row is deleted (the last row moves into its place; orders follow through `movesSince`). */
  deletions = 0;
  state = new Uint8Array(INITIAL_CAPACITY);
  result = new Uint8Array(INITIAL_CAPACITY);
  exitCode = new Int32Array(INITIAL_CAPACITY);
  retryCount = new Uint32Array(INITIAL_CAPACITY);
  creationTime = new Float64Array(INITIAL_CAPACITY);
  stateTime = new Float64Array(INITIAL_CAPACITY);
  startTime = new Float64Array(INITIAL_CAPACITY);
  endTime = new Float64Array(INITIAL_CAPACITY);
  node = new Uint32Array(INITIAL_CAPACITY);
  pool = new Uint32Array(INITIAL_CAPACITY);
  ids: string[] = [];
  /** Display names by row; holes where a task has none. */
  names: (string | undefined)[] = [];
  readonly nodes = new StringTable();
  readonly pools = new StringTable();
  private readonly rows = new Map<string, number>();
  /** For versions logBase + 1 … version: the row each upsert changed, or -d for deletion number d. */
  private changeLog: number[] = [];
  private logBase = 0;
  /** For deletions moveBase + 1 … deletions: the removed row and the row moved into its place, in pairs. */
  private moveLog: number[] = [];
  private moveBase = 0;
  private lastMoves: { key: string; moves: { now: Int32Array; fresh: number[] } } | undefined;

  /** Where the store is now, for orders to record what they were built against. */
  stamp(): Stamp {
    return { version: this.version, deletions: this.deletions, count: this.count };
  }

  /** The row of a task id, if indexed. */
  rowOf(id: string): number | undefined {
    return this.rows.get(id);
  }

  /** Adds or replaces one task; false when it has no id or nothing changed. */
  upsert(task: TaskFacts): boolean {
    const id = task.id;
    if (!id) return false;
    let row = this.rows.get(id);
    const added = row === undefined;
    if (row === undefined) {
      row = this.count;
      this.ensureCapacity(row + 1);
      this.count++;
      this.ids[row] = id;
      this.rows.set(id, row);
    } else if (this.same(row, task)) {
      return false;
    }
    this.write(row, task, added);
    this.log(row);
    return true;
  }

  /** Records the row a new version changed, or (negative) the deletion it made. */
  private log(entry: number): void {
    this.version++;
    this.changeLog.push(entry);
    if (this.changeLog.length > CHANGE_LOG_LIMIT) {
      const drop = this.changeLog.length >> 1;
      this.changeLog.splice(0, drop);
      this.logBase += drop;
    }
  }

  /**
   * The rows upserted after `version`, as rows are numbered now (repeats possible; rows deleted since left out), or
   * undefined when the log does not reach back.
   */
  changedSince(version: number): number[] | undefined {
    if (version < this.logBase || version > this.version) return undefined;
    const entries = this.changeLog.slice(version - this.logBase);
    if (!entries.some((entry) => entry < 0)) return entries;
    // Replays the deletions among the changes: a changed row that was deleted drops out, one moved follows.
    const changed = new Set<number>();
    for (const entry of entries) {
      if (entry >= 0) {
        changed.add(entry);
        continue;
      }
      const at = (-entry - 1 - this.moveBase) * 2;
      if (at < 0) return undefined;
      const removed = this.moveLog[at] ?? 0;
      const last = this.moveLog[at + 1] ?? 0;
      changed.delete(removed);
      if (changed.delete(last) && removed !== last) changed.add(removed);
    }
    return [...changed];
  }

  /**
   * Where the rows of an order built after deletion `since`, over the first `known` rows, are now: `now[old]` is the
   * current row or -1 when deleted, and `fresh` lists the current rows that order never saw (appended since, wherever
   * deletions moved them). Undefined when the move log no longer reaches back.
   */
  movesSince(since: number, known: number): { now: Int32Array; fresh: number[] } | undefined {
    if (since < this.moveBase || since > this.deletions) return undefined;
    // After a deletion pass the id order and every column order ask the same question; answer it once.
    const key = `${since}/${known}/${this.deletions}/${this.count}`;
    if (this.lastMoves?.key !== key) this.lastMoves = { key, moves: this.computeMoves(since, known) };
    return this.lastMoves.moves;
  }

  private computeMoves(since: number, known: number): { now: Int32Array; fresh: number[] } {
    let size = known;
    for (let i = (since - this.moveBase) * 2; i < this.moveLog.length; i += 2) size = Math.max(size, (this.moveLog[i + 1] ?? 0) + 1);
    size = Math.max(size, this.count);
    // at[row] is the old row now at `row` (-1 for rows appended since); now[old] the inverse.
    const at = new Int32Array(size).fill(-1);
    const now = new Int32Array(known);
    for (let row = 0; row < known; row++) {
      at[row] = row;
      now[row] = row;
    }
    for (let i = (since - this.moveBase) * 2; i < this.moveLog.length; i += 2) {
      const removed = this.moveLog[i] ?? 0;
      const last = this.moveLog[i + 1] ?? 0;
      const gone = at[removed] ?? -1;
      if (gone >= 0) now[gone] = -1;
      const moved = at[last] ?? -1;
      at[removed] = moved;
      at[last] = -1;
      if (moved >= 0 && removed !== last) now[moved] = removed;
    }
    const fresh: number[] = [];
    for (let row = 0; row < this.count; row++) if ((at[row] ?? -1) < 0) fresh.push(row);
    return { now, fresh };
  }

  /** Removes a task by id, moving the last row into its place. */
  delete(id: string): boolean {
    const row = this.rows.get(id);
    if (row === undefined) return false;
    this.rows.delete(id);
    const last = this.count - 1;
    if (row !== last) this.move(last, row);
    this.ids.length = last;
    this.names.length = Math.min(this.names.length, last);
    this.count = last;
    if (this.moveLog.length >= MOVE_LOG_LIMIT * 2) {
      this.moveLog = [];
      this.moveBase = this.deletions;
    }
    this.moveLog.push(row, last);
    this.deletions++;
    this.log(-this.deletions);
    return true;
  }

  /** The task at a row as the renderer shows it. */
  toRow(row: number): TaskRow {
    const out: TaskRow = { id: this.ids[row] ?? '' };
    const name = this.names[row];
    if (name !== undefined) out.displayName = name;
    const state = STATE_CODES[this.state[row] ?? NO_STATE];
    if (state) out.state = state;
    const result = RESULT_CODES[this.result[row] ?? 0];
    if (result) out.result = result;
    const exit = this.exitCode[row] ?? NO_EXIT_CODE;
    if (exit !== NO_EXIT_CODE) out.exitCode = exit;
    const node = this.node[row] ?? NO_STRING;
    if (node !== NO_STRING) out.nodeId = this.nodes.values[node];
    const pool = this.pool[row] ?? NO_STRING;
    if (pool !== NO_STRING) out.poolId = this.pools.values[pool];
    const times = [
      ['creationTime', this.creationTime[row]],
      ['startTime', this.startTime[row]],
      ['endTime', this.endTime[row]],
    ] as const;
    for (const [name, ms] of times) if (ms !== undefined && !Number.isNaN(ms)) out[name] = new Date(ms).toISOString();
    const retry = this.retryCount[row] ?? NO_RETRY;
    if (retry !== NO_RETRY) out.retryCount = retry;
    return out;
  }

  private same(row: number, task: TaskFacts): boolean {
    const info = task.executionInfo;
    return (
      this.names[row] === (task.displayName || undefined) &&
      this.state[row] === stateCode(task.state) &&
      this.result[row] === resultCode(info?.result) &&
      this.exitCode[row] === (info?.exitCode ?? NO_EXIT_CODE) &&
      this.retryCount[row] === (info?.retryCount ?? NO_RETRY) &&
      sameTime(this.creationTime[row], timeOf(task.creationTime)) &&
      sameTime(this.stateTime[row], timeOf(task.stateTransitionTime)) &&
      sameTime(this.startTime[row], timeOf(info?.startTime)) &&
      sameTime(this.endTime[row], timeOf(info?.endTime)) &&
      this.nodes.values[this.node[row] ?? NO_STRING] === (task.nodeInfo?.nodeId || '') &&
      this.pools.values[this.pool[row] ?? NO_STRING] === (task.nodeInfo?.poolId || '')
    );
  }

  private write(row: number, task: TaskFacts, added: boolean): void {
    const info = task.executionInfo;
    if (task.displayName) this.names[row] = task.displayName;
    else if (!added && this.names[row] !== undefined) this.names[row] = undefined;
    this.state[row] = stateCode(task.state);
    this.result[row] = resultCode(info?.result);
    this.exitCode[row] = info?.exitCode ?? NO_EXIT_CODE;
    this.retryCount[row] = info?.retryCount ?? NO_RETRY;
    this.creationTime[row] = timeOf(task.creationTime);
    this.stateTime[row] = timeOf(task.stateTransitionTime);
    this.startTime[row] = timeOf(info?.startTime);
    this.endTime[row] = timeOf(info?.endTime);
    this.node[row] = this.nodes.intern(task.nodeInfo?.nodeId);
    this.pool[row] = this.pools.intern(task.nodeInfo?.poolId);
  }

  private move(from: number, to: number): void {
    const id = this.ids[from] ?? '';
    this.ids[to] = id;
    this.rows.set(id, to);
    const name = this.names[from];
    if (name !== undefined || this.names[to] !== undefined) this.names[to] = name;
    for (const column of [this.state, this.result, this.exitCode, this.retryCount, this.creationTime, this.stateTime, this.startTime, this.endTime, this.node, this.pool]) {
      column[to] = column[from] ?? 0;
    }
  }

  private ensureCapacity(size: number): void {
    if (size <= this.state.length) return;
    let capacity = this.state.length;
    while (capacity < size) capacity *= 2;
    this.state = grow(this.state, new Uint8Array(capacity));
    this.result = grow(this.result, new Uint8Array(capacity));
    this.exitCode = grow(this.exitCode, new Int32Array(capacity));
    this.retryCount = grow(this.retryCount, new Uint32Array(capacity));
    this.creationTime = grow(this.creationTime, new Float64Array(capacity));
    this.stateTime = grow(this.stateTime, new Float64Array(capacity));
    this.startTime = grow(this.startTime, new Float64Array(capacity));
    this.endTime = grow(this.endTime, new Float64Array(capacity));
    this.node = grow(this.node, new Uint32Array(capacity));
    this.pool = grow(this.pool, new Uint32Array(capacity));
  }
}

function grow<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(old: T, next: T): T {
  next.set(old as never);
  return next;
}

function stateCode(state: string | undefined): number {
  const code = STATE_CODES.indexOf(state as (typeof STATE_CODES)[number]);
  return code < 0 ? NO_STATE : code;
}

function resultCode(result: string | undefined): number {
  const code = RESULT_CODES.indexOf(result as (typeof RESULT_CODES)[number]);
  return code < 0 ? 0 : code;
}

function sameTime(a: number | undefined, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
