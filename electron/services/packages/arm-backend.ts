// Application packages of an Entra ID account through Azure Resource Manager: ARM creates a version and hands out
// a SAS URL for its zip; the zip goes there, then ARM activates it.
import { BatchManagementClient } from '@azure/arm-batch';
import type { TokenCredential } from '@azure/core-auth';
import { BlockBlobClient } from '@azure/storage-blob';
import type { Readable } from 'node:stream';
import type { ApplicationView, PackageVersion } from '../../../shared/models';
import type { CloudConfig } from '../auth/clouds';
import { parseResourceId } from '../storage/arm';
import { blockSize } from '../storage/uploads';
import type { PackagesBackend } from './backend';

/** One application as ARM lists it. */
export interface ArmApplication {
  name: string;
  displayName?: string;
  defaultVersion?: string;
}

/** One package version as ARM lists it. */
export interface ArmPackage {
  name: string;
  state?: 'Pending' | 'Active' | string;
  format?: string;
  lastActivationTime?: Date;
}

/** The ARM calls the backend makes for one Batch account, so its logic can be tested with fakes. */
export interface ArmPackageOps {
  listApplications(): Promise<ArmApplication[]>;
  listPackages(applicationId: string): Promise<ArmPackage[]>;
  createApplication(applicationId: string): Promise<void>;
  /** Creates a pending version and answers the SAS URL its zip goes to. */
  createPackage(applicationId: string, version: string): Promise<string>;
  activatePackage(applicationId: string, version: string): Promise<void>;
  setDefaultVersion(applicationId: string, version: string): Promise<void>;
  deletePackage(applicationId: string, version: string): Promise<void>;
  /** Streams a zip to the SAS URL `createPackage` answered. */
  uploadZip(storageUrl: string, zip: Readable, size: number, signal: AbortSignal): Promise<void>;
}

const UPLOAD_CONCURRENCY = 4;

function shortName(id: string | undefined): string {
  return (id ?? '').split('/').filter(Boolean).pop() ?? '';
}

/** The ARM operations for one Batch account (its resource id), over the management SDK. */
export function armPackageOps(credential: TokenCredential, cloud: Pick<CloudConfig, 'armEndpoint' | 'armScope'>, batchResourceId: string): ArmPackageOps {
  const { subscriptionId, resourceGroup, name } = parseResourceId(batchResourceId);
  const client = new BatchManagementClient(credential, subscriptionId, { endpoint: cloud.armEndpoint, $host: cloud.armEndpoint, credentialScopes: [cloud.armScope] });
  return {
    async listApplications() {
      const out: ArmApplication[] = [];
      for await (const app of client.applicationOperations.list(resourceGroup, name)) {
        out.push({
          name: app.name ?? shortName(app.id),
          ...(app.displayName ? { displayName: app.displayName } : {}),
          ...(app.defaultVersion ? { defaultVersion: app.defaultVersion } : {}),
        });
      }
      return out;
    },
    async listPackages(applicationId) {
      const out: ArmPackage[] = [];
      for await (const p of client.applicationPackageOperations.list(resourceGroup, name, applicationId)) {
        out.push({
          name: p.name ?? shortName(p.id),
          ...(p.state ? { state: p.state } : {}),
          ...(p.format ? { format: p.format } : {}),
          ...(p.lastActivationTime ? { lastActivationTime: p.lastActivationTime } : {}),
        });
      }
      return out;
    },
    async createApplication(applicationId) {
      await client.applicationOperations.create(resourceGroup, name, applicationId, { parameters: { allowUpdates: true } });
    },
    async createPackage(applicationId, version) {
      const created = await client.applicationPackageOperations.create(resourceGroup, name, applicationId, version);
      if (!created.storageUrl) throw new Error(`Azure Resource Manager gave no upload URL for version ${version} of ${applicationId}`);
      return created.storageUrl;
    },
    async activatePackage(applicationId, version) {
      await client.applicationPackageOperations.activate(resourceGroup, name, applicationId, version, { format: 'zip' });
    },
    async setDefaultVersion(applicationId, version) {
      await client.applicationOperations.update(resourceGroup, name, applicationId, { defaultVersion: version });
    },
    async deletePackage(applicationId, version) {
      await client.applicationPackageOperations.delete(resourceGroup, name, applicationId, version);
    },
    async uploadZip(storageUrl, zip, size, signal) {
      await new BlockBlobClient(storageUrl).uploadStream(zip, blockSize(size), UPLOAD_CONCURRENCY, { abortSignal: signal });
    },
  };
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function versionView(p: ArmPackage): PackageVersion {
  return {
    version: p.name,
    state: p.state?.toLowerCase() === 'active' ? 'active' : 'pending',
    ...(p.format ? { format: p.format } : {}),
    ...(p.lastActivationTime ? { lastActivationTime: p.lastActivationTime.toISOString() } : {}),
  };
}

/** Packages of an Entra ID account through ARM; sizes are not reported there. */
export function armPackagesBackend(ops: ArmPackageOps): PackagesBackend {
  const application = async (applicationId: string): Promise<ArmApplication | undefined> =>
    (await ops.listApplications()).find((a) => same(a.name, applicationId));
  return {
    async list() {
      const apps = await ops.listApplications();
      const views = await Promise.all(
        apps.map(async (app): Promise<ApplicationView> => ({
          id: app.name,
          ...(app.displayName ? { displayName: app.displayName } : {}),
          ...(app.defaultVersion ? { defaultVersion: app.defaultVersion } : {}),
          versions: (await ops.listPackages(app.name)).map(versionView).sort((a, b) => a.version.localeCompare(b.version)),
        })),
      );
      return views.sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
    },
    async hasVersion(applicationId, version) {
      const app = await application(applicationId);
      if (!app) return false;
      return (await ops.listPackages(app.name)).some((p) => same(p.name, version));
    },
    async upload(applicationId, version, zip, size, signal) {
      const app = await application(applicationId);
      if (!app) await ops.createApplication(applicationId);
      const appId = app?.name ?? applicationId;
      const storageUrl = await ops.createPackage(appId, version);
      try {
        await ops.uploadZip(storageUrl, zip, size, signal);
      } catch (error) {
        // A version whose zip never arrived can only fail to activate; removing it lets the user upload again.
        await ops.deletePackage(appId, version).catch(() => undefined);
        throw error;
      }
    },
    activate: (applicationId, version) => ops.activatePackage(applicationId, version),
    setDefault: (applicationId, version) => ops.setDefaultVersion(applicationId, version),
    deleteVersion: (applicationId, version) => ops.deletePackage(applicationId, version),
  };
}
