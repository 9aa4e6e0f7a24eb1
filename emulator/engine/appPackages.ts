// Application packages on a node: a referenced version is extracted once per node under
// `<node>/applications/<applicationId>#<version>/`, and tasks find it through AZ_BATCH_APP_PACKAGE_* variables.
import { unzip } from 'fflate';
import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FailureInfo } from '../model/records.js';
import { AppPackageError, linkedAppPackages, type AppPackageInfo } from '../storage/app-packages.js';
import type { LinkedStorage } from '../storage/linked.js';

/** ApplicationPackageReference as pools and tasks give it. */
export interface AppPackageRef {
  applicationId: string;
  version?: string;
}

/** The failure code of a package that cannot be deployed (TaskFailureInformationCodes.ApplicationPackageError). */
export const APP_PACKAGE_ERROR = 'ApplicationPackageError';

const MARKER = '.batch-extracted';
const inFlight = new Map<string, Promise<void>>();

/**
 * The variable naming a deployed package's folder. Windows nodes use `AZ_BATCH_APP_PACKAGE_<id>#<version>`;
 * Linux nodes turn `#`, `.` and `-` into `_` and keep the id's case (learn.microsoft.com, "Deploy
 * applications to compute nodes with Batch application packages"). A reference without a version
 * (the default version) gets the variable without the version part.
 */
export function appPackageEnvName(applicationId: string, version: string | undefined, platform: NodeJS.Platform = process.platform): string {
  const raw = version === undefined ? applicationId : `${applicationId}#${version}`;
  return `AZ_BATCH_APP_PACKAGE_${platform === 'win32' ? raw : raw.replace(/[#.-]/g, '_')}`;
}

/** Where a package version is extracted on a node. */
export function appPackageDir(nodeRoot: string, applicationId: string, version: string): string {
  return join(nodeRoot, 'applications', `${applicationId}#${version}`);
}

function packageFailure(message: string, ref: AppPackageRef): FailureInfo {
  const details = [{ name: 'ApplicationId', value: ref.applicationId }];
  if (ref.version !== undefined) details.push({ name: 'Version', value: ref.version });
  return { category: 'userError', code: APP_PACKAGE_ERROR, message, details };
}

class DeployError extends Error {
  constructor(readonly info: FailureInfo) {
    super(info.message);
  }
}

function unzipAsync(data: Buffer): Promise<Record<string, Uint8Array>> {
  return new Promise((done, fail) => unzip(new Uint8Array(data), (error, files) => (error ? fail(error) : done(files))));
}

async function extract(data: Buffer, dir: string): Promise<void> {
  const files = await unzipAsync(data);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const target = resolve(dir, ...name.split('/').filter((s) => s !== ''));
    const rel = relative(dir, target);
    // A zip entry may not climb out of the package folder.
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) continue;
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    // Zip entries carry no mode fflate reports; scripts and programs in a package must be runnable.
    if (process.platform !== 'win32') await chmod(target, 0o770);
  }
  await writeFile(join(dir, MARKER), new Date().toISOString());
}

function resolveVersion(app: AppPackageInfo | undefined, ref: AppPackageRef): string {
  if (!app) throw new DeployError(packageFailure(`Application '${ref.applicationId}' does not exist in the account.`, ref));
  const version = ref.version ?? app.defaultVersion;
  if (version === undefined) throw new DeployError(packageFailure(`Application '${app.id}' has no default version, and the reference names none.`, ref));
  const found = app.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
  if (!found) throw new DeployError(packageFailure(`Application '${app.id}' has no version '${version}'.`, ref));
  if (found.state !== 'active') throw new DeployError(packageFailure(`Version '${found.version}' of application '${app.id}' is not active.`, ref));
  return found.version;
}

// One extraction per folder at a time: a second task needing the same version waits for the first.
function deployOne(storage: LinkedStorage, nodeRoot: string, app: AppPackageInfo, version: string): Promise<string> {
  const dir = appPackageDir(nodeRoot, app.id, version);
  const key = dir.toLowerCase();
  const previous = inFlight.get(key) ?? Promise.resolve();
  const work = previous
    .catch(() => undefined)
    .then(async () => {
      if (await stat(join(dir, MARKER)).then(() => true, () => false)) return;
      await extract(await linkedAppPackages(storage).download(app.id, version), dir);
    });
  inFlight.set(key, work);
  const forget = () => {
    if (inFlight.get(key) === work) inFlight.delete(key);
  };
  work.then(forget, forget);
  return work.then(() => dir);
}

/**
 * Deploys packages on a node (each version extracted once) and returns the variables naming them, or
 * the failure info the task or start task ends with.
 */
export async function deployAppPackages(
  storage: LinkedStorage | undefined,
  nodeRoot: string,
  refs: readonly AppPackageRef[] | undefined,
): Promise<{ env: Record<string, string> } | { failure: FailureInfo }> {
  const env: Record<string, string> = {};
  if (!refs || refs.length === 0) return { env };
  const first = refs[0] as AppPackageRef;
  if (!storage) return { failure: packageFailure('The account has no linked storage account, so it has no application packages.', first) };
  let current = first;
  try {
    const apps = await linkedAppPackages(storage).list();
    for (const ref of refs) {
      current = ref;
      const app = apps.find((a) => a.id.toLowerCase() === ref.applicationId.toLowerCase());
      const version = resolveVersion(app, ref);
      const dir = await deployOne(storage, nodeRoot, app as AppPackageInfo, version);
      env[appPackageEnvName(ref.applicationId, ref.version === undefined ? undefined : version)] = dir;
    }
    return { env };
  } catch (error) {
    if (error instanceof DeployError) return { failure: error.info };
    const message = error instanceof AppPackageError || error instanceof Error ? error.message : String(error);
    return { failure: packageFailure(`Failed to deploy application package '${current.applicationId}': ${message}`, current) };
  }
}
