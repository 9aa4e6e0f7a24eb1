// Application packages of the local Batch account, kept in its linked storage.
//
// Layout (container `batch-app-packages`):
//   <applicationId>/<version>.zip   one blob per version; metadata state (pending|active), format (zip),
//                                   lastactivation (ISO time, once activated)
//   <applicationId>/.application    an empty blob carrying the application's own metadata:
//                                   defaultversion, displayname (both optional)
// Application ids compare case-insensitively, as Batch treats them; the first spelling used is kept.
import type { ContainerClient } from '@azure/storage-blob';
import type { Readable } from 'node:stream';
import { blobService, type LinkedStorage } from './linked.js';

/** The container application packages live in. */
export const APP_PACKAGES_CONTAINER = 'batch-app-packages';

// The Batch management API's limits (@azure/arm-batch 9.1.0 parameter constraints for applicationName and versionName).
const APPLICATION_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const VERSION = /^[a-zA-Z0-9_-][a-zA-Z0-9_.-]{0,63}$/;
const APP_BLOB = '.application';

/** One version of an application. */
export interface AppPackageVersion {
  version: string;
  state: 'pending' | 'active';
  format: 'zip';
  /** When it was last activated (ISO time). */
  lastActivation?: string;
  /** Size of the zip in bytes. */
  size: number;
}

/** An application with all its versions, pending ones included. */
export interface AppPackageInfo {
  id: string;
  displayName?: string;
  defaultVersion?: string;
  versions: AppPackageVersion[];
}

/** Why a package operation was refused. */
export type AppPackageErrorCode = 'InvalidApplicationId' | 'InvalidVersion' | 'ApplicationNotFound' | 'VersionNotFound' | 'VersionExists' | 'VersionNotActive';

/** A refused package operation, with a code callers can branch on. */
export class AppPackageError extends Error {
  /** Builds the error with its code. */
  constructor(
    readonly code: AppPackageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppPackageError';
  }
}

/** Throws unless `id` is a valid application id (1-64 letters, digits, `-`, `_`). */
export function checkApplicationId(id: string): void {
  if (!APPLICATION_ID.test(id)) throw new AppPackageError('InvalidApplicationId', `Invalid application id '${id}': use 1-64 letters, digits, '-' and '_'.`);
}

/** Throws unless `version` is a valid version (1-64 letters, digits, `-`, `_`, `.`, not starting with `.`). */
export function checkVersion(version: string): void {
  if (!VERSION.test(version)) {
    throw new AppPackageError('InvalidVersion', `Invalid version '${version}': use 1-64 letters, digits, '-', '_' and '.', not starting with '.'.`);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

/** Application packages over a container client (normally the linked storage's `batch-app-packages`). */
export class AppPackageStore {
  /** Wraps the container; it is created on the first write. */
  constructor(readonly container: ContainerClient) {}

  /** Every application with its versions, sorted by id (case-insensitively) then version. */
  async list(): Promise<AppPackageInfo[]> {
    const apps = new Map<string, AppPackageInfo>();
    const app = (id: string): AppPackageInfo => {
      const key = id.toLowerCase();
      let info = apps.get(key);
      if (!info) apps.set(key, (info = { id, versions: [] }));
      return info;
    };
    try {
      for await (const blob of this.container.listBlobsFlat({ includeMetadata: true })) {
        const slash = blob.name.indexOf('/');
        if (slash <= 0) continue;
        const id = blob.name.slice(0, slash);
        const rest = blob.name.slice(slash + 1);
        const meta = blob.metadata ?? {};
        if (rest === APP_BLOB) {
          const info = app(id);
          info.id = id;
          if (meta.defaultversion) info.defaultVersion = meta.defaultversion;
          if (meta.displayname) info.displayName = meta.displayname;
        } else if (rest.endsWith('.zip') && !rest.includes('/')) {
          const version: AppPackageVersion = {
            version: rest.slice(0, -'.zip'.length),
            state: meta.state === 'active' ? 'active' : 'pending',
            format: 'zip',
            size: blob.properties.contentLength ?? 0,
          };
          if (meta.lastactivation) version.lastActivation = meta.lastactivation;
          app(id).versions.push(version);
        }
      }
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const list = [...apps.values()];
    for (const info of list) info.versions.sort((a, b) => a.version.localeCompare(b.version));
    return list.sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
  }

  /** One application (id matched case-insensitively), or undefined. */
  async get(id: string): Promise<AppPackageInfo | undefined> {
    checkApplicationId(id);
    return (await this.list()).find((a) => a.id.toLowerCase() === id.toLowerCase());
  }

  /** Uploads a new version as `pending`; the application is created with it when new. */
  async addVersion(id: string, version: string, data: Buffer | Readable, size: number): Promise<AppPackageVersion> {
    checkApplicationId(id);
    checkVersion(version);
    if (Buffer.isBuffer(data) && data.length !== size) throw new Error(`The package is ${data.length} bytes, not ${size}.`);
    await this.container.createIfNotExists();
    const existing = await this.get(id);
    const appId = existing?.id ?? id;
    if (existing?.versions.some((v) => v.version.toLowerCase() === version.toLowerCase())) {
      throw new AppPackageError('VersionExists', `Application '${appId}' already has version '${version}'.`);
    }
    if (!existing) await this.container.getBlockBlobClient(`${appId}/${APP_BLOB}`).upload('', 0);
    const blob = this.container.getBlockBlobClient(`${appId}/${version}.zip`);
    const metadata = { state: 'pending', format: 'zip' };
    const blobHTTPHeaders = { blobContentType: 'application/zip' };
    if (Buffer.isBuffer(data)) await blob.uploadData(data, { metadata, blobHTTPHeaders });
    else await blob.uploadStream(data, undefined, undefined, { metadata, blobHTTPHeaders });
    return { version, state: 'pending', format: 'zip', size };
  }

  /** Marks a version active (usable by pools and tasks) and records when. */
  async activate(id: string, version: string): Promise<AppPackageVersion> {
    const { app, found } = await this.version(id, version);
    const lastActivation = new Date().toISOString();
    await this.container.getBlobClient(`${app.id}/${found.version}.zip`).setMetadata({ state: 'active', format: 'zip', lastactivation: lastActivation });
    return { ...found, state: 'active', lastActivation };
  }

  /** Sets (or, with undefined, clears) the version references without a version get. */
  async setDefaultVersion(id: string, version: string | undefined): Promise<void> {
    const app = await this.require(id);
    const found = version === undefined ? undefined : (await this.version(id, version)).found;
    await this.writeAppMetadata(app, { ...appMetadata(app), defaultversion: found?.version });
  }

  /** Sets (or clears) the application's display name. */
  async setDisplayName(id: string, displayName: string | undefined): Promise<void> {
    const app = await this.require(id);
    await this.writeAppMetadata(app, { ...appMetadata(app), displayname: displayName });
  }

  /** Deletes one version; a default version that goes is no longer the default. */
  async deleteVersion(id: string, version: string): Promise<void> {
    const { app, found } = await this.version(id, version);
    await this.container.getBlobClient(`${app.id}/${found.version}.zip`).delete();
    if (app.defaultVersion?.toLowerCase() === found.version.toLowerCase()) {
      await this.writeAppMetadata(app, { ...appMetadata(app), defaultversion: undefined });
    }
  }

  /** The zip of a version, which must be active. */
  async download(id: string, version: string): Promise<Buffer> {
    const { app, found } = await this.version(id, version);
    if (found.state !== 'active') throw new AppPackageError('VersionNotActive', `Version '${found.version}' of application '${app.id}' is not active.`);
    return this.container.getBlobClient(`${app.id}/${found.version}.zip`).downloadToBuffer();
  }

  private async require(id: string): Promise<AppPackageInfo> {
    const app = await this.get(id);
    if (!app) throw new AppPackageError('ApplicationNotFound', `Application '${id}' does not exist.`);
    return app;
  }

  private async version(id: string, version: string): Promise<{ app: AppPackageInfo; found: AppPackageVersion }> {
    checkVersion(version);
    const app = await this.require(id);
    const found = app.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
    if (!found) throw new AppPackageError('VersionNotFound', `Application '${app.id}' has no version '${version}'.`);
    return { app, found };
  }

  private async writeAppMetadata(app: AppPackageInfo, metadata: Record<string, string | undefined>): Promise<void> {
    const clean: Record<string, string> = {};
    for (const [name, value] of Object.entries(metadata)) if (value !== undefined) clean[name] = value;
    const blob = this.container.getBlockBlobClient(`${app.id}/${APP_BLOB}`);
    try {
      await blob.setMetadata(clean);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await blob.upload('', 0, { metadata: clean });
    }
  }
}

function appMetadata(app: AppPackageInfo): Record<string, string | undefined> {
  return { defaultversion: app.defaultVersion, displayname: app.displayName };
}

/** The package store of a linked storage account. */
export function linkedAppPackages(storage: LinkedStorage): AppPackageStore {
  return new AppPackageStore(blobService(storage).getContainerClient(APP_PACKAGES_CONTAINER));
}
