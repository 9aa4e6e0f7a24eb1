import { z } from 'zod';
import type {
  AutoScaleRunView,
  BulkItemResult,
  BulkProgress,
  ChartSeries,
  DownloadProgress,
  DownloadResult,
  FailureSummary,
  FileChunk,
  FileMatch,
  FilePage,
  FileTail,
  NodeFileProperties,
  JobDetail,
  JobSummary,
  JobTaskCounts,
  MonitorNotification,
  NodeDetail,
  NodeSummary,
  PoolDetail,
  PoolSummary,
  TaskDetail,
  TaskIndexStatus,
  TaskWindow,
  TaskPage,
  AccountDashboard,
  AccountSummary,
  AppInfo,
  DeviceCodeNotice,
  DiscoveryResult,
  EntraIdentitySummary,
  Notice,
  SampleWorkload,
  SettingsView,
  ApplicationView,
  BlobPage,
  ContainerPage,
  ContainerSummary,
  DeleteBlobsResult,
  LinkedStorageInfo,
  SasUrl,
  TaskOutputs,
  TransferProgress,
  UploadPlan,
} from '../models';
import { TASK_INDEX_STATES, TASK_SORT_COLUMNS } from '../models/task-index';
import { filePath, fileSource, findQuery, folderPath, MAX_READ_BYTES, MAX_TAIL_LINES, namePrefix } from './files';
import type { CallName, EventName } from './names';
import {
  applicationId,
  blobName,
  blobPrefix,
  containerName,
  MAX_DELETE_BLOBS,
  MAX_SAS_MINUTES,
  MAX_UPLOAD_FILES,
  packageVersion,
  sasPermissions,
  uploadPath,
} from './storage';

export * from './names';
export * from './files';
export * from './storage';

/** One call: the schema its `unknown` arguments are parsed with, and (as a type) what it answers. */
export interface CallSpec<Args extends z.ZodType, Result> {
  args: Args;
  /** Type-level only: never read at run time. */
  result?: Result;
}

function call<Result>() {
  return <Args extends z.ZodType>(args: Args): CallSpec<Args, Result> => ({ args });
}

const noArgs = z.object({}).strict();
const id = z.string().min(1).max(200);
const displayName = z.string().trim().min(1, 'Display name is required').max(100);
const accountName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,64}$/, 'Account name must be 1-64 letters and digits');
const accountUrl = z.string().trim().min(1, 'Account URL is required').max(500);
const accountKey = z
  .string()
  .trim()
  .min(1, 'Key is required')
  .max(200)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Key must be the base64 text shown in the portal');
const cloud = z.enum(['public', 'usGovernment', 'china']);
const entityId = z.string().min(1).max(64);
const scope = { accountId: id };
// Entity bodies (pool, job, task specs) go to the service as given: it validates them and names any bad property.
const entitySpec = z.looseObject({ id: entityId });
const operationId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'operationId must be 8-64 letters, digits or hyphens');
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'requestId must be 8-64 letters, digits or hyphens');

/** Every call, defined once. The key set must equal CALL_NAMES exactly (checked by the compiler below). */
export const calls = {
  'app.info': call<AppInfo>()(noArgs),
  'settings.get': call<SettingsView>()(noArgs),
  'settings.update': call<SettingsView>()(
    z
      .object({
        storeSecretsWithoutEncryption: z.boolean().optional(),
        entra: z.object({ cloud, clientId: z.guid().nullable().optional() }).strict().optional(),
      })
      .strict(),
  ),
  'accounts.list': call<AccountSummary[]>()(noArgs),
  'accounts.addSharedKey': call<AccountSummary>()(
    z.object({ displayName, accountName, url: accountUrl, key: accountKey }).strict(),
  ),
  'accounts.update': call<AccountSummary>()(
    z
      .object({
        id,
        displayName: displayName.optional(),
        accountName: accountName.optional(),
        url: accountUrl.optional(),
        key: accountKey.optional(),
      })
      .strict(),
  ),
  'accounts.remove': call<{ removed: boolean }>()(z.object({ id }).strict()),
  'accounts.setFavourite': call<AccountSummary>()(z.object({ id, favourite: z.boolean() }).strict()),
  'accounts.check': call<AccountSummary>()(z.object({ id }).strict()),
  'accounts.dashboard': call<AccountDashboard>()(z.object({ id }).strict()),
  'accounts.addEntra': call<AccountSummary[]>()(
    z
      .object({
        identityId: id,
        accounts: z
          .array(z.object({ resourceId: z.string().min(1).max(1000), displayName: displayName.optional() }).strict())
          .min(1, 'Pick at least one account')
          .max(200),
      })
      .strict(),
  ),
  'local.runSample': call<SampleWorkload>()(noArgs),
  'auth.identities': call<EntraIdentitySummary[]>()(noArgs),
  'auth.signIn': call<EntraIdentitySummary>()(
    z
      .object({
        requestId,
        method: z.enum(['browser', 'deviceCode']),
        tenantId: z.string().max(100).optional(),
        loginHint: z.string().max(320).optional(),
      })
      .strict(),
  ),
  'auth.cancelSignIn': call<{ cancelled: boolean }>()(z.object({ requestId }).strict()),
  'auth.signOut': call<{ signedOut: boolean }>()(z.object({ identityId: id }).strict()),
  'discovery.batchAccounts': call<DiscoveryResult>()(z.object({ identityId: id }).strict()),
  'pools.list': call<PoolSummary[]>()(z.object(scope).strict()),
  'pools.get': call<PoolDetail>()(z.object({ ...scope, poolId: entityId }).strict()),
  'pools.add': call<{ id: string }>()(z.object({ ...scope, pool: entitySpec }).strict()),
  'pools.delete': call<{ deleting: boolean }>()(z.object({ ...scope, poolId: entityId }).strict()),
  'pools.resize': call<PoolDetail>()(
    z
      .object({
        ...scope,
        poolId: entityId,
        targetDedicatedNodes: z.number().int().min(0).max(100_000),
        targetLowPriorityNodes: z.number().int().min(0).max(100_000),
        nodeDeallocationOption: z.enum(['requeue', 'terminate', 'taskcompletion', 'retaineddata']).optional(),
      })
      .strict(),
  ),
  'pools.stopResize': call<PoolDetail>()(z.object({ ...scope, poolId: entityId }).strict()),
  'pools.enableAutoScale': call<PoolDetail>()(
    z
      .object({
        ...scope,
        poolId: entityId,
        formula: z.string().min(1, 'The formula is empty').max(8192, 'The formula is longer than 8 KB'),
        intervalMinutes: z.number().int().min(5).max(168 * 60).optional(),
      })
      .strict(),
  ),
  'pools.disableAutoScale': call<PoolDetail>()(z.object({ ...scope, poolId: entityId }).strict()),
  'pools.evaluateAutoScale': call<AutoScaleRunView>()(
    z.object({ ...scope, poolId: entityId, formula: z.string().min(1, 'The formula is empty').max(8192) }).strict(),
  ),
  'nodes.list': call<NodeSummary[]>()(z.object({ ...scope, poolId: entityId, state: z.string().max(40).optional() }).strict()),
  'nodes.get': call<NodeDetail>()(z.object({ ...scope, poolId: entityId, nodeId: z.string().min(1).max(200) }).strict()),
  'nodes.action': call<BulkItemResult[]>()(
    z
      .object({
        ...scope,
        poolId: entityId,
        nodeIds: z.array(z.string().min(1).max(200)).min(1).max(100),
        action: z.enum(['reboot', 'reimage', 'remove', 'disableScheduling', 'enableScheduling']),
        option: z.enum(['requeue', 'terminate', 'taskcompletion', 'retaineddata']).optional(),
      })
      .strict(),
  ),
  'jobs.list': call<JobSummary[]>()(z.object({ ...scope, state: z.string().max(40).optional() }).strict()),
  'jobs.get': call<JobDetail>()(z.object({ ...scope, jobId: entityId }).strict()),
  'jobs.add': call<{ id: string }>()(z.object({ ...scope, job: entitySpec }).strict()),
  'jobs.action': call<{ accepted: boolean }>()(
    z
      .object({
        ...scope,
        jobId: entityId,
        action: z.enum(['disable', 'enable', 'terminate', 'delete']),
        disableTasks: z.enum(['requeue', 'terminate', 'wait']).optional(),
      })
      .strict(),
  ),
  'jobs.taskCounts': call<Record<string, JobTaskCounts>>()(
    z.object({ ...scope, jobIds: z.array(entityId).min(1).max(50) }).strict(),
  ),
  'tasks.page': call<TaskPage>()(
    z
      .object({
        ...scope,
        jobId: entityId,
        state: z.enum(['active', 'preparing', 'running', 'completed', 'succeeded', 'failed']).optional(),
        idPrefix: z.string().max(64).optional(),
        continuation: z.string().max(4096).optional(),
        maxResults: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'tasks.get': call<TaskDetail>()(z.object({ ...scope, jobId: entityId, taskId: entityId }).strict()),
  'tasks.add': call<BulkItemResult[]>()(
    z.object({ ...scope, jobId: entityId, operationId, tasks: z.array(entitySpec).min(1).max(100_000) }).strict(),
  ),
  'tasks.action': call<BulkItemResult[]>()(
    z
      .object({
        ...scope,
        jobId: entityId,
        operationId,
        taskIds: z.array(entityId).min(1).max(10_000),
        action: z.enum(['terminate', 'reactivate', 'delete']),
      })
      .strict(),
  ),
  'history.series': call<ChartSeries>()(
    z
      .object({
        ...scope,
        kind: z.enum(['pool', 'job']),
        id: entityId,
        rangeMs: z.number().int().min(60_000).max(7 * 24 * 3600_000),
      })
      .strict(),
  ),
  'files.list': call<FilePage>()(
    z
      .object({
        ...scope,
        source: fileSource,
        path: folderPath.optional(),
        recursive: z.boolean().optional(),
        prefix: namePrefix.optional(),
        continuation: z.string().max(4096).optional(),
        maxResults: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'files.properties': call<NodeFileProperties>()(z.object({ ...scope, source: fileSource, path: filePath }).strict()),
  'files.read': call<FileChunk>()(
    z
      .object({
        ...scope,
        source: fileSource,
        path: filePath,
        offset: z.number().int().min(0, 'The offset cannot be negative').max(Number.MAX_SAFE_INTEGER),
        length: z.number().int().min(1).max(MAX_READ_BYTES, 'One read returns at most 1 MiB'),
      })
      .strict(),
  ),
  'files.tail': call<FileTail>()(
    z
      .object({ ...scope, source: fileSource, path: filePath, lines: z.number().int().min(1).max(MAX_TAIL_LINES, `A tail returns at most ${MAX_TAIL_LINES} lines`) })
      .strict(),
  ),
  'files.find': call<FileMatch>()(
    z
      .object({
        ...scope,
        source: fileSource,
        path: filePath,
        query: findQuery,
        fromOffset: z.number().int().min(0, 'The offset cannot be negative').max(Number.MAX_SAFE_INTEGER),
        direction: z.enum(['forward', 'backward']),
        matchCase: z.boolean().optional(),
      })
      .strict(),
  ),
  'files.download': call<DownloadResult>()(
    z.object({ ...scope, source: fileSource, path: folderPath, isDirectory: z.boolean(), operationId }).strict(),
  ),
  'files.cancelDownload': call<{ cancelled: boolean }>()(z.object({ operationId }).strict()),
  'failures.summary': call<FailureSummary>()(z.object({ ...scope, jobId: entityId }).strict()),
  'taskIndex.window': call<TaskWindow>()(
    z
      .object({
        ...scope,
        jobId: entityId,
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(0).max(1000, 'A window holds at most 1000 rows'),
        sort: z.object({ column: z.enum(TASK_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict().optional(),
        filter: z
          .object({
            states: z.array(z.enum(TASK_INDEX_STATES)).max(TASK_INDEX_STATES.length).optional(),
            exitCode: z.number().int().optional(),
            nodeId: z.string().min(1).max(200).optional(),
            contains: z.string().min(1).max(200).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'storage.info': call<LinkedStorageInfo>()(z.object({ ...scope }).strict()),
  'storage.containers': call<ContainerPage>()(
    z.object({ ...scope, prefix: z.string().max(63).optional(), continuation: z.string().max(4096).optional() }).strict(),
  ),
  'storage.createContainer': call<ContainerSummary>()(z.object({ ...scope, name: containerName }).strict()),
  'storage.deleteContainer': call<{ deleted: boolean }>()(z.object({ ...scope, name: containerName }).strict()),
  'storage.blobs': call<BlobPage>()(
    z
      .object({
        ...scope,
        container: containerName,
        prefix: blobPrefix.optional(),
        /** Lists every blob under the prefix instead of one folder level. */
        flat: z.boolean().optional(),
        continuation: z.string().max(4096).optional(),
        maxResults: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),
  'storage.deleteBlobs': call<DeleteBlobsResult>()(
    z
      .object({
        ...scope,
        container: containerName,
        /** Blob names; a name ending in `/` deletes every blob under that folder. */
        names: z.array(blobName).min(1, 'Pick at least one blob').max(MAX_DELETE_BLOBS, `At most ${MAX_DELETE_BLOBS} names per call`),
        operationId,
      })
      .strict(),
  ),
  'storage.beginUpload': call<UploadPlan>()(
    z
      .object({
        ...scope,
        container: containerName,
        prefix: blobPrefix,
        operationId,
        files: z
          .array(z.object({ path: uploadPath, size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict())
          .min(1, 'Pick at least one file')
          .max(MAX_UPLOAD_FILES, `One upload takes at most ${MAX_UPLOAD_FILES} files`),
        overwrite: z.boolean().optional(),
      })
      .strict(),
  ),
  'storage.download': call<DownloadResult>()(
    z.object({ ...scope, container: containerName, name: blobName, operationId }).strict(),
  ),
  'storage.cancelTransfer': call<{ cancelled: boolean }>()(z.object({ operationId }).strict()),
  'storage.sas': call<SasUrl>()(
    z
      .object({
        ...scope,
        container: containerName,
        name: blobName.optional(),
        permissions: sasPermissions,
        expiresInMinutes: z.number().int().min(1, 'The SAS must last at least a minute').max(MAX_SAS_MINUTES, 'A SAS lasts at most 30 days'),
      })
      .strict(),
  ),
  'storage.taskOutputs': call<TaskOutputs>()(z.object({ ...scope, jobId: entityId, taskId: entityId }).strict()),
  'storage.downloadOutput': call<DownloadResult>()(
    z
      .object({ ...scope, jobId: entityId, taskId: entityId, destination: z.number().int().min(0).max(1000), name: blobName, operationId })
      .strict(),
  ),
  'packages.list': call<ApplicationView[]>()(z.object({ ...scope }).strict()),
  'packages.beginUpload': call<UploadPlan>()(
    z
      .object({
        ...scope,
        applicationId,
        version: packageVersion,
        size: z.number().int().min(1, 'The package is empty').max(Number.MAX_SAFE_INTEGER),
        operationId,
      })
      .strict(),
  ),
  'packages.activate': call<ApplicationView>()(z.object({ ...scope, applicationId, version: packageVersion }).strict()),
  'packages.setDefault': call<ApplicationView>()(z.object({ ...scope, applicationId, version: packageVersion }).strict()),
  'packages.deleteVersion': call<{ deleted: boolean }>()(z.object({ ...scope, applicationId, version: packageVersion }).strict()),
} satisfies { [N in CallName]: CallSpec<z.ZodType, unknown> };

/** Every pushed event with its payload type (type-level only). */
export interface EventPayloads {
  'app.notice': Notice;
  /** Account list or statuses changed; refetch `accounts.list`. */
  'accounts.changed': { reason: string };
  'auth.deviceCode': DeviceCodeNotice;
  /** Under the web host main cannot open the system browser; the page opens this https sign-in URL itself. */
  'auth.openUrl': { requestId: string; url: string };
  /** Progress of a long bulk call (adding tasks, bulk task or node actions), keyed by the caller's operationId. */
  'bulk.progress': BulkProgress;
  /** A job in use completed or its first task failed: an OS notification on the desktop, a toast in the browser. */
  'monitor.notification': MonitorNotification;
  /** Progress of a desktop download, keyed by the caller's operationId. */
  'files.downloadProgress': DownloadProgress;
  /** A job's task index changed (rows added, changed or removed, or its status moved); refetch its windows. */
  'taskIndex.changed': { accountId: string; jobId: string; status: TaskIndexStatus };
  /** Progress of a storage upload or download (blobs, task outputs, packages), keyed by the caller's operationId. */
  'storage.transferProgress': TransferProgress;
  /** Main asks the window to show an app route (an OS notification with a link was clicked). */
  'app.navigate': { path: string };
}

type Calls = typeof calls;
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> = NonNullable<Calls[N]['result']>;
export type EventPayload<E extends EventName> = EventPayloads[E];

// Compile-time proof that the event payload map and EVENT_NAMES list the same names.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const eventNamesMatch: Exact<keyof EventPayloads, EventName> = true;
