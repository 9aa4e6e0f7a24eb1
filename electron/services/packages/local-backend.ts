// The local account's application packages: the emulator's own store over the linked storage (Azurite), so what
// this page uploads is exactly what the emulator deploys on its nodes.
import type { ContainerClient } from '@azure/storage-blob';
import { AppError } from '../../../shared/errors';
import type { ApplicationView } from '../../../shared/models';
import { AppPackageError, AppPackageStore, type AppPackageErrorCode, type AppPackageInfo } from '../../../emulator/storage/app-packages';
import { CANCELLED } from '../files/runner';
import type { PackagesBackend } from './backend';

/** The blob that carries an application's own metadata in the store's layout. */
const APPLICATION_BLOB = '.application';

const STATUS: Record<AppPackageErrorCode, number> = {
  InvalidApplicationId: 400,
  InvalidVersion: 400,
  ApplicationNotFound: 404,
  VersionNotFound: 404,
  VersionExists: 409,
  VersionNotActive: 409,
};

/** The shared error shape of a refused package operation, keeping the store's code. */
export function appPackageError(error: AppPackageError): AppError {
  return new AppError({ code: error.code, message: error.message, status: STATUS[error.code] });
}

/** The contract's view of one application of the store. */
export function applicationView(app: AppPackageInfo): ApplicationView {
  return {
    id: app.id,
    ...(app.displayName ? { displayName: app.displayName } : {}),
    ...(app.defaultVersion ? { defaultVersion: app.defaultVersion } : {}),
    versions: app.versions.map((v) => ({
      version: v.version,
      state: v.state,
      format: v.format,
      size: v.size,
      ...(v.lastActivation ? { lastActivationTime: v.lastActivation } : {}),
    })),
  };
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof AppPackageError ? appPackageError(error) : error;
  }
}

async function forgetEmpty(store: AppPackageStore, applicationId: string): Promise<void> {
  const app = await store.get(applicationId);
  if (app && app.versions.length === 0) await store.container.getBlobClient(`${app.id}/${APPLICATION_BLOB}`).deleteIfExists();
}

/** Packages of the local account, kept in the `batch-app-packages` container of its linked storage. */
export function localPackagesBackend(container: ContainerClient): PackagesBackend {
  const store = new AppPackageStore(container);
  return {
    list: () => mapped(async () => (await store.list()).map(applicationView)),
    hasVersion: (applicationId, version) =>
      mapped(async () => (await store.get(applicationId))?.versions.some((v) => v.version.toLowerCase() === version.toLowerCase()) ?? false),
    upload: (applicationId, version, zip, size, signal) =>
      mapped(async () => {
        // The store's upload takes no signal: ending the stream stops it, and an uncommitted block blob leaves no version.
        const cancelled = new AppError({ code: CANCELLED, message: 'The upload was cancelled', status: 499 });
        let reject: (error: AppError) => void = () => undefined;
        const aborted = new Promise<never>((_resolve, fail) => (reject = fail));
        aborted.catch(() => undefined);
        const onAbort = () => {
          zip.destroy(cancelled);
          reject(cancelled);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) onAbort();
        const existed = (await store.get(applicationId)) !== undefined;
        try {
          await Promise.race([store.addVersion(applicationId, version, zip, size), aborted]);
        } catch (error) {
          // A new application whose first zip did not arrive is not left behind empty.
          if (!existed) await forgetEmpty(store, applicationId).catch(() => undefined);
          throw error;
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
      }),
    activate: (applicationId, version) => mapped(async () => void (await store.activate(applicationId, version))),
    setDefault: (applicationId, version) => mapped(() => store.setDefaultVersion(applicationId, version)),
    deleteVersion: (applicationId, version) => mapped(() => store.deleteVersion(applicationId, version)),
  };
}
