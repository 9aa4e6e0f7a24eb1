import type { JournalOp } from './types.js';

/** Recovered or live state: collection -> key -> value. */
export type StoreState = Map<string, Map<string, unknown>>;

/** One snapshot entry as the compaction callback yields it. */
export type SnapshotEntry = readonly [collection: string, key: string, value: unknown];

/**
 * Serialises one put as a JSON array [c, k, v]. Done at commit time so later mutation of v cannot leak in,
 * and rejected here because JSON.stringify would otherwise turn such values into null without a word.
 */
export function encodePut(c: string, k: string, v: unknown): string {
  checkName(c, 'collection');
  checkName(k, 'key');
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
    throw new TypeError(`value for ${JSON.stringify(c)}/${JSON.stringify(k)} is not JSON-serialisable`);
  }
  return JSON.stringify([c, k, v]);
}

/** Serialises a commit's ops as comma-separated op arrays (no brackets) so commits concatenate into one frame. */
export function encodeOps(ops: readonly JournalOp[]): Buffer {
  if (!Array.isArray(ops)) throw new TypeError('commit expects an array of ops');
  const parts: string[] = [];
  for (const op of ops) {
    if (op.op === 'put') {
      parts.push(encodePut(op.c, op.k, op.v));
    } else if (op.op === 'del') {
      checkName(op.c, 'collection');
      checkName(op.k, 'key');
      parts.push(JSON.stringify([op.c, op.k]));
    } else {
      throw new TypeError(`unknown journal op ${JSON.stringify((op as { op: unknown }).op)}`);
    }
  }
  return Buffer.from(parts.join(','), 'utf8');
}

/** Applies a log frame's payload (a JSON array of [c,k,v] puts and [c,k] deletes) to state, in order. */
export function applyLogPayload(state: StoreState, payload: Buffer): void {
  const ops: unknown = JSON.parse(payload.toString('utf8'));
  if (!Array.isArray(ops)) throw new Error('log frame is not an array of ops');
  for (const op of ops) applyOp(state, op, true);
}

/** Applies a snapshot frame's array of [c,k,v] entries; returns how many it held. */
export function applySnapshotEntries(state: StoreState, entries: unknown[]): number {
  for (const entry of entries) applyOp(state, entry, false);
  return entries.length;
}

/** Yields every entry of a state map in the shape compact() expects. */
export function* stateEntries(state: StoreState): Iterable<SnapshotEntry> {
  for (const [c, keys] of state) for (const [k, v] of keys) yield [c, k, v];
}

function applyOp(state: StoreState, op: unknown, allowDelete: boolean): void {
  if (!Array.isArray(op) || typeof op[0] !== 'string' || typeof op[1] !== 'string') {
    throw new Error('record is not a [collection, key, ...] array');
  }
  const [c, k] = op as [string, string];
  if (op.length === 3) {
    let keys = state.get(c);
    if (keys === undefined) {
      keys = new Map();
      state.set(c, keys);
    }
    keys.set(k, op[2]);
  } else if (op.length === 2 && allowDelete) {
    const keys = state.get(c);
    // Empty collections are dropped so that state never depends on whether a compaction happened.
    if (keys !== undefined && keys.delete(k) && keys.size === 0) state.delete(c);
  } else {
    throw new Error(`record has ${op.length} fields`);
  }
}

function checkName(name: unknown, what: string): void {
  if (typeof name !== 'string') throw new TypeError(`${what} must be a string, got ${typeof name}`);
}
