// The `storage.*` calls: an account's linked storage (Data view), task outputs, uploads and downloads.
import type { AbortSignalLike } from '@azure/ms-rest-js';
import { AppError } from '../../../shared/errors';
import type { BulkProgress } from '../../../shared/models';
import type { AccountsService } from '../accounts/service';
import { CLOUDS, toTokenCredential } from '../auth';
import type { Handlers } from '../contract/dispatch';
import type { EntraService } from '../entra/service';
import { withServiceDeadline } from '../deadline';
import type { EventBus } from '../events';
import type { ChooseDownloadTarget } from '../files/download/service';
import { PROGRESS_INTERVAL_MS } from '../files/download/progress';
import { UploadService } from '../transfers/uploads';
import { armStorageOps } from './arm';
import { deleteBlobs, listBlobs } from './blobs';
import { createContainer, deleteContainer, listContainers } from './containers';
import { BlobDownloads } from './downloads';
import { storageCall } from './errors';
import { LinkedStorageResolver, type LinkedStorage, type LinkedStorageDeps } from './linked';
import { assertInDestination, outputLocation, taskOutputs } from './outputs';
import { createSas } from './sas';
import { planBlobUpload } from './uploads';

type StorageCalls = Extract<keyof Handlers, `storage.${string}`>;

export interface StorageServiceDeps {
  accounts: AccountsService;
  events: EventBus;
  /** Signs in Entra ID accounts' ARM and storage calls; without it only the local account has storage. */
  entra?: Pick<EntraService, 'auth'>;
  /** The local account's storage (Azurite), when it runs. */
  localStorage: LinkedStorageDeps['localStorage'];
  /** The desktop's save dialog; without it downloads go to the browser through one-time links. */
  chooseTarget?: ChooseDownloadTarget;
  /** Replaces the ARM and token wiring (tests). */
  resolver?: LinkedStorageResolver;
  /** How long a quick call (not a transfer or bulk delete) may take; REQUEST_TIMEOUT_MS unless a test shortens it. */
  requestTimeoutMs?: number;
}

/** The storage calls plus what the hosts serve for them: upload bodies and one-time download links. */
export interface StorageService {
  handlers: Pick<Handlers, StorageCalls>;
  uploads: UploadService;
  downloads: BlobDownloads;
  resolver: LinkedStorageResolver;
  /** Stops every transfer (the app is quitting). */
  dispose(): void;
}

function productionResolver(deps: StorageServiceDeps): LinkedStorageResolver {
  const entra = deps.entra;
  const credentialFor: LinkedStorageDeps['tokenCredential'] = (ref) => {
    if (!entra) throw new AppError({ code: 'SignInNeeded', message: 'Entra ID sign-in is not available', status: 401 });
    return toTokenCredential(entra.auth(ref.cloud).tokenSource(ref.identityId, ref.tenantId));
  };
  return new LinkedStorageResolver({
    account: async (accountId) => {
      const account = (await deps.accounts.list()).find((a) => a.id === accountId);
      if (!account) throw new AppError({ code: 'AccountNotFound', message: `No account with id ${accountId}`, status: 404 });
      return { kind: account.kind, displayName: account.displayName, ...(account.entra ? { entra: account.entra } : {}) };
    },
    localStorage: deps.localStorage,
    arm: (ref) => armStorageOps(credentialFor(ref), CLOUDS[ref.cloud]),
    tokenCredential: credentialFor,
    events: deps.events,
  });
}

/** Pushes `bulk.progress` for a long delete, throttled, with a final event. */
function bulkReporter(events: EventBus, operationId: string) {
  let last = 0;
  return (done: number, total: number, failed: number) => {
    const now = Date.now();
    if (done < total && done > 0 && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    const progress: BulkProgress = { operationId, done, total, failed };
    events.emit('bulk.progress', progress);
  };
}

/** Builds the storage service: every `storage.*` handler and the transfer plumbing behind them. */
export function storageService(deps: StorageServiceDeps): StorageService {
  const resolver = deps.resolver ?? productionResolver(deps);
  const uploads = new UploadService({ events: deps.events });
  const downloads = new BlobDownloads({ events: deps.events, ...(deps.chooseTarget ? { chooseTarget: deps.chooseTarget } : {}) });
  const withStorage = async <T>(accountId: string, work: (storage: LinkedStorage) => Promise<T>): Promise<T> => {
    const storage = await resolver.linkedStorage(accountId);
    return storageCall(() => work(storage), storage.secrets);
  };
  // The storage SDK sets no timeout. Transfers and bulk deletes take as long as they take (the user cancels them);
  // everything else has a deadline.
  const deadline = <T>(work: (signal: AbortSignal) => Promise<T>) => withServiceDeadline(work, 'The storage service', deps.requestTimeoutMs);
  const quick = <T>(accountId: string, work: (storage: LinkedStorage, signal: AbortSignal) => Promise<T>): Promise<T> =>
    deadline((signal) => withStorage(accountId, (s) => work(s, signal)));
  const getTask = (accountId: string, jobId: string, taskId: string) =>
    deps.accounts.withClient(accountId, (client, signal) => client.task.get(jobId, taskId, { abortSignal: signal as unknown as AbortSignalLike }));
  const linkedIfAny = async (accountId: string): Promise<LinkedStorage | undefined> => {
    try {
      return await resolver.linkedStorage(accountId);
    } catch {
      return undefined;
    }
  };

  const handlers: Pick<Handlers, StorageCalls> = {
    'storage.info': ({ accountId }) => deadline(() => resolver.info(accountId)),
    'storage.containers': ({ accountId, prefix, continuation }) =>
      quick(accountId, (s, signal) => listContainers(s.service, { ...(prefix ? { prefix } : {}), ...(continuation ? { continuation } : {}) }, signal)),
    'storage.createContainer': ({ accountId, name }) => quick(accountId, (s, signal) => createContainer(s.service, name, signal)),
    'storage.deleteContainer': ({ accountId, name }) => quick(accountId, (s, signal) => deleteContainer(s.service, name, signal)),
    'storage.blobs': ({ accountId, container, ...options }) => quick(accountId, (s, signal) => listBlobs(s.service.getContainerClient(container), options, signal)),
    'storage.deleteBlobs': ({ accountId, container, names, operationId }) =>
      withStorage(accountId, (s) => deleteBlobs(s.service.getContainerClient(container), names, bulkReporter(deps.events, operationId), s.secrets)),
    'storage.beginUpload': ({ accountId, container, prefix, operationId, files, overwrite }) =>
      withStorage(accountId, async (s) => {
        if (uploads.has(operationId)) throw new AppError({ code: 'Conflict', message: `Upload ${operationId} is already running`, status: 409 });
        const planned = await planBlobUpload(s.service.getContainerClient(container), { prefix, files, ...(overwrite !== undefined ? { overwrite } : {}) }, s.secrets);
        return uploads.begin(operationId, planned);
      }),
    'storage.download': ({ accountId, container, name, operationId }) =>
      withStorage(accountId, (s) => downloads.download(operationId, { container: s.service.getContainerClient(container), name, secrets: s.secrets })),
    'storage.cancelTransfer': async ({ operationId }) => ({ cancelled: uploads.cancel(operationId) || downloads.cancel(operationId) }),
    'storage.sas': ({ accountId, ...request }) => quick(accountId, (s, signal) => createSas(s, request, new Date(), signal)),
    'storage.taskOutputs': async ({ accountId, jobId, taskId }) => {
      const task = await getTask(accountId, jobId, taskId);
      return deadline(async (signal) => taskOutputs(task, await linkedIfAny(accountId), signal));
    },
    'storage.downloadOutput': async ({ accountId, jobId, taskId, destination, name, operationId }) => {
      const task = await getTask(accountId, jobId, taskId);
      const spec = task.outputFiles?.[destination];
      if (!spec) throw new AppError({ code: 'NotFound', message: `Task ${taskId} has no output destination ${destination}`, status: 404 });
      const location = outputLocation(spec, await linkedIfAny(accountId));
      assertInDestination(location, name);
      return downloads.download(operationId, { container: location.container, name, secrets: location.secrets });
    },
  };
  return {
    handlers,
    uploads,
    downloads,
    resolver,
    dispose: () => {
      uploads.cancelAll();
      downloads.cancelAll();
    },
  };
}
