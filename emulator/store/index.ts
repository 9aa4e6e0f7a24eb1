export { Journal } from './journal.js';
export type { JournalOp, JournalOptions, WriteStats } from './types.js';
export { JournalClosedError, JournalCorruptionError } from './errors.js';
export { stateEntries, type SnapshotEntry, type StoreState } from './codec.js';
