// Query-key factories, one per resource: hierarchical arrays so a whole resource can be invalidated by its prefix.
import type { CallArgs } from '../../shared/contract';

/** Keys for app-level calls. */
export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

/** Keys for the account list and each account's dashboard; `accounts.changed` invalidates them all at once. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
  dashboards: () => [...accountKeys.all, 'dashboard'] as const,
  dashboard: (id: string) => [...accountKeys.dashboards(), id] as const,
};

/** Keys for the settings view. */
export const settingsKeys = {
  all: ['settings'] as const,
  view: () => [...settingsKeys.all, 'view'] as const,
};

/** Keys for Entra ID identities and the Batch accounts discovered for one identity. */
export const authKeys = {
  all: ['auth'] as const,
  identities: () => [...authKeys.all, 'identities'] as const,
  discovery: (identityId: string) => [...authKeys.all, 'discovery', identityId] as const,
};

/** Keys for one account's pools and each open pool. */
export const poolKeys = {
  all: ['pools'] as const,
  lists: () => [...poolKeys.all, 'list'] as const,
  list: (accountId: string) => [...poolKeys.lists(), accountId] as const,
  detail: (accountId: string, poolId: string) => [...poolKeys.all, 'detail', accountId, poolId] as const,
};

/** Keys for a pool's nodes (optionally filtered by state) and each open node. */
export const nodeKeys = {
  all: ['nodes'] as const,
  pool: (accountId: string, poolId: string) => [...nodeKeys.all, 'list', accountId, poolId] as const,
  list: (accountId: string, poolId: string, state: string | undefined) => [...nodeKeys.pool(accountId, poolId), state ?? 'all'] as const,
  detail: (accountId: string, poolId: string, nodeId: string) => [...nodeKeys.all, 'detail', accountId, poolId, nodeId] as const,
};

/** Keys for sampled chart history of one pool or job over one range. */
export const historyKeys = {
  all: ['history'] as const,
  series: (accountId: string, kind: 'pool' | 'job', id: string, rangeMs: number) =>
    [...historyKeys.all, accountId, kind, id, rangeMs] as const,
};

/** Keys for one account's jobs, each open job, and `getTaskCounts` batches (a batch is its sorted job ids). */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (accountId: string, state: string | undefined) => [...jobKeys.lists(), accountId, state ?? 'all'] as const,
  detail: (accountId: string, jobId: string) => [...jobKeys.all, 'detail', accountId, jobId] as const,
  counts: (accountId: string) => [...jobKeys.all, 'counts', accountId] as const,
  countsBatch: (accountId: string, jobIds: readonly string[]) => [...jobKeys.counts(accountId), jobIds.join('\n')] as const,
};

/** Keys for a job's task pages (per server-side filter) and each open task; a job's prefix covers both. */
export const taskKeys = {
  all: ['tasks'] as const,
  job: (accountId: string, jobId: string) => [...taskKeys.all, accountId, jobId] as const,
  allPages: (accountId: string, jobId: string) => [...taskKeys.job(accountId, jobId), 'pages'] as const,
  pages: (accountId: string, jobId: string, state: string | undefined, idPrefix: string | undefined) =>
    [...taskKeys.allPages(accountId, jobId), state ?? 'all', idPrefix ?? ''] as const,
  detail: (accountId: string, jobId: string, taskId: string) => [...taskKeys.job(accountId, jobId), 'detail', taskId] as const,
};

/** Keys for windows of a job's task index (per sort + filter and window start); a job's prefix covers all of them. */
export const taskIndexKeys = {
  all: ['taskIndex'] as const,
  job: (accountId: string, jobId: string) => [...taskIndexKeys.all, accountId, jobId] as const,
  window: (accountId: string, jobId: string, query: Readonly<Record<string, unknown>>, offset: number, limit: number) =>
    [...taskIndexKeys.job(accountId, jobId), 'window', query, offset, limit] as const,
};

/** Keys for a job's failure summary. */
export const failureKeys = {
  all: ['failures'] as const,
  summary: (accountId: string, jobId: string) => [...failureKeys.all, accountId, jobId] as const,
};

/** The `source` of the file calls: a task's directory or a whole node's tree. */
type FileSourceArg = CallArgs<'files.list'>['source'];

const fileSourceParts = (source: FileSourceArg) =>
  source.kind === 'task' ? (['task', source.jobId, source.taskId] as const) : (['node', source.poolId, source.nodeId] as const);

/** Keys for task and node files: folder listings (per name prefix), and each file's properties and tail. */
export const fileKeys = {
  all: ['files'] as const,
  source: (accountId: string, source: FileSourceArg) => [...fileKeys.all, accountId, ...fileSourceParts(source)] as const,
  lists: (accountId: string, source: FileSourceArg) => [...fileKeys.source(accountId, source), 'list'] as const,
  list: (accountId: string, source: FileSourceArg, folder: string, prefix: string) => [...fileKeys.lists(accountId, source), folder, prefix] as const,
  file: (accountId: string, source: FileSourceArg, path: string) => [...fileKeys.source(accountId, source), 'file', path] as const,
  properties: (accountId: string, source: FileSourceArg, path: string) => [...fileKeys.file(accountId, source, path), 'properties'] as const,
  tail: (accountId: string, source: FileSourceArg, path: string, lines: number) => [...fileKeys.file(accountId, source, path), 'tail', lines] as const,
  chunk: (accountId: string, source: FileSourceArg, path: string, offset: number, length: number) =>
    [...fileKeys.file(accountId, source, path), 'chunk', offset, length] as const,
};

/** Keys for one account's linked storage: its info, container pages, each container's folder listings, task outputs. */
export const storageKeys = {
  all: ['storage'] as const,
  account: (accountId: string) => [...storageKeys.all, accountId] as const,
  info: (accountId: string) => [...storageKeys.account(accountId), 'info'] as const,
  containers: (accountId: string) => [...storageKeys.account(accountId), 'containers'] as const,
  container: (accountId: string, container: string) => [...storageKeys.account(accountId), 'container', container] as const,
  blobs: (accountId: string, container: string, prefix: string) => [...storageKeys.container(accountId, container), 'blobs', prefix] as const,
  taskOutputs: (accountId: string, jobId: string, taskId: string) => [...storageKeys.account(accountId), 'outputs', jobId, taskId] as const,
};

/** Keys for one account's application packages. */
export const packageKeys = {
  all: ['packages'] as const,
  list: (accountId: string) => [...packageKeys.all, accountId] as const,
};
