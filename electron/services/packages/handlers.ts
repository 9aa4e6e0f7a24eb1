// The `packages.*` calls: an account's application packages, whichever service keeps them.
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { AccountSummary, ApplicationView, EntraAccountRef } from '../../../shared/models';
import { APP_PACKAGES_CONTAINER } from '../../../emulator/storage/app-packages';
import { CLOUDS, toTokenCredential } from '../auth';
import type { Handlers } from '../contract/dispatch';
import { withServiceDeadline } from '../deadline';
import type { EntraService } from '../entra/service';
import { storageCall, storageError } from '../storage/errors';
import type { LinkedStorageResolver } from '../storage/linked';
import type { UploadService, UploadSink } from '../transfers/uploads';
import { armPackageOps, armPackagesBackend, type ArmPackageOps } from './arm-backend';
import type { PackagesBackend, ResolvedBackend } from './backend';
import { localPackagesBackend } from './local-backend';
import { checkedZip } from './zip-check';

type PackageCalls = Extract<keyof Handlers, `packages.${string}`>;

export interface PackageServiceDeps {
  /** Where each account's kind and Entra ID reference come from. */
  accounts: { list(): Promise<AccountSummary[]> };
  /** The local account's linked storage. */
  resolver: Pick<LinkedStorageResolver, 'linkedStorage'>;
  /** The one upload service the hosts serve `PUT /upload/<ticket>` from. */
  uploads: UploadService;
  /** Signs ARM calls for Entra ID accounts; without it only the local account has packages. */
  entra?: Pick<EntraService, 'auth'>;
  /** Replaces the ARM wiring (tests). */
  armOps?: (ref: EntraAccountRef & { resourceId: string }) => ArmPackageOps;
  /** How long a call (not the upload itself) may take; REQUEST_TIMEOUT_MS unless a test shortens it. */
  requestTimeoutMs?: number;
}

/** Why a shared-key account has no packages page: only ARM manages them. */
export const SHARED_KEY_MESSAGE =
  'Application packages are managed through Azure Resource Manager, which a shared key does not reach. Add this account through Entra ID sign-in to manage its packages.';

function productionArmOps(deps: PackageServiceDeps, ref: EntraAccountRef & { resourceId: string }): ArmPackageOps {
  if (!deps.entra) throw new AppError({ code: 'SignInNeeded', message: 'Entra ID sign-in is not available', status: 401 });
  const credential = toTokenCredential(deps.entra.auth(ref.cloud).tokenSource(ref.identityId, ref.tenantId));
  return armPackageOps(credential, CLOUDS[ref.cloud], ref.resourceId);
}

/** Finds the backend that keeps an account's packages, or fails saying why there is none. */
export async function packagesBackend(deps: PackageServiceDeps, accountId: string): Promise<ResolvedBackend> {
  const account = (await deps.accounts.list()).find((a) => a.id === accountId);
  if (!account) throw new AppError({ code: 'AccountNotFound', message: `No account with id ${accountId}`, status: 404 });
  if (account.kind === 'local') {
    const storage = await deps.resolver.linkedStorage(accountId);
    return { backend: localPackagesBackend(storage.service.getContainerClient(APP_PACKAGES_CONTAINER)), secrets: storage.secrets, service: 'The local storage emulator' };
  }
  if (account.kind !== 'entra' || !account.entra) throw new AppError({ code: 'PackagesUnavailable', message: SHARED_KEY_MESSAGE, status: 409 });
  const { resourceId } = account.entra;
  if (!resourceId) {
    throw new AppError({
      code: 'PackagesUnavailable',
      message: 'This account was added without its ARM resource id; remove it and add it again through discovery to manage its packages.',
      status: 409,
    });
  }
  const ref = { ...account.entra, resourceId };
  return { backend: armPackagesBackend(deps.armOps ? deps.armOps(ref) : productionArmOps(deps, ref)), secrets: [], service: 'Azure Resource Manager' };
}

/** The sink of one package upload: checks the zip signature, then streams the file into the backend. */
export function packageSink(backend: PackagesBackend, applicationId: string, version: string, secrets: readonly string[]): UploadSink {
  return async (stream: Readable, size, signal) => {
    const zip = await checkedZip(stream);
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    // A failing body (a wrong size, a dropped connection) may fail before the backend reads it; this ends the upload then too.
    const failed = new Promise<never>((_resolve, reject) => zip.once('error', reject));
    failed.catch(() => stop.abort());
    try {
      await Promise.race([backend.upload(applicationId, version, zip, size, stop.signal), failed]);
    } catch (error) {
      throw storageError(zip.errored ?? stream.errored ?? error, secrets);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
}

function versionExists(applicationId: string, version: string): AppError {
  return new AppError({ code: 'VersionExists', message: `Application ${applicationId} already has version ${version}; pick another version or delete that one first`, status: 409 });
}

/** Builds every `packages.*` handler. */
export function packageHandlers(deps: PackageServiceDeps): Pick<Handlers, PackageCalls> {
  // Neither ARM's nor the storage SDK sets a timeout, so each call has a deadline; an upload's bytes go through the
  // upload service, which the user cancels.
  const withBackend = async <T>(accountId: string, work: (backend: PackagesBackend, secrets: readonly string[]) => Promise<T>): Promise<T> => {
    const { backend, secrets, service } = await packagesBackend(deps, accountId);
    return withServiceDeadline(() => storageCall(() => work(backend, secrets), secrets), service, deps.requestTimeoutMs);
  };
  const viewOf = async (backend: PackagesBackend, applicationId: string): Promise<ApplicationView> => {
    const app = (await backend.list()).find((a) => a.id.toLowerCase() === applicationId.toLowerCase());
    if (!app) throw new AppError({ code: 'ApplicationNotFound', message: `Application ${applicationId} does not exist`, status: 404 });
    return app;
  };
  return {
    'packages.list': ({ accountId }) => withBackend(accountId, (backend) => backend.list()),
    'packages.beginUpload': ({ accountId, applicationId, version, size, operationId }) =>
      withBackend(accountId, async (backend, secrets) => {
        if (deps.uploads.has(operationId)) throw new AppError({ code: 'Conflict', message: `Upload ${operationId} is already running`, status: 409 });
        if (await backend.hasVersion(applicationId, version)) throw versionExists(applicationId, version);
        return deps.uploads.begin(operationId, [{ path: `${applicationId}-${version}.zip`, size, sink: packageSink(backend, applicationId, version, secrets) }]);
      }),
    'packages.activate': ({ accountId, applicationId, version }) =>
      withBackend(accountId, async (backend) => {
        await backend.activate(applicationId, version);
        return viewOf(backend, applicationId);
      }),
    'packages.setDefault': ({ accountId, applicationId, version }) =>
      withBackend(accountId, async (backend) => {
        await backend.setDefault(applicationId, version);
        return viewOf(backend, applicationId);
      }),
    'packages.deleteVersion': ({ accountId, applicationId, version }) =>
      withBackend(accountId, async (backend) => {
        await backend.deleteVersion(applicationId, version);
        return { deleted: true };
      }),
  };
}
