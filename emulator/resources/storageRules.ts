// Add-time rules for what tasks and pools take from storage: resource files and application package references.
import type { Account } from '../engine/account.js';
import type { AppPackageRef } from '../engine/appPackages.js';
import { resourceFileProblem, type ResourceFileSpec } from '../engine/resourceFiles.js';
import { BatchError, invalidProperty } from '../http/errors.js';
import { linkedAppPackages } from '../storage/app-packages.js';

/** Throws 400 InvalidPropertyValue for the first resource file the service would refuse; `path` names the list. */
export function checkResourceFiles(files: unknown, path: string): void {
  if (!Array.isArray(files)) return;
  (files as ResourceFileSpec[]).forEach((file, i) => {
    const problem = resourceFileProblem(file);
    if (problem) throw invalidProperty(`${path}[${i}]`, file, problem);
  });
}

/** Checks the resource files of a job's manager, preparation and release tasks. */
export function checkJobResourceFiles(props: Record<string, unknown>, path = ''): void {
  for (const name of ['jobManagerTask', 'jobPreparationTask', 'jobReleaseTask']) {
    const spec = props[name] as { resourceFiles?: unknown } | undefined;
    checkResourceFiles(spec?.resourceFiles, `${path}${name}.resourceFiles`);
  }
}

function invalidReferences(message: string): BatchError {
  return new BatchError(409, 'InvalidApplicationPackageReferences', `One or more of the specified application package references are invalid. ${message}`);
}

/**
 * A pool's package references must name active versions (or an application with a default version)
 * when the pool is added or updated: else 409 InvalidApplicationPackageReferences, as the spec's
 * ApplicationPackageReference documents for a missing default version.
 */
export async function checkPoolPackageRefs(account: Account, refs: unknown): Promise<void> {
  if (!Array.isArray(refs) || refs.length === 0) return;
  const storage = account.config.storage;
  if (!storage) throw invalidReferences('The account has no linked storage account, so it has no application packages.');
  const apps = await linkedAppPackages(storage).list();
  for (const ref of refs as AppPackageRef[]) {
    const app = apps.find((a) => a.id.toLowerCase() === ref.applicationId.toLowerCase());
    if (!app) throw invalidReferences(`Application '${ref.applicationId}' does not exist.`);
    const version = ref.version ?? app.defaultVersion;
    if (version === undefined) throw invalidReferences(`Application '${app.id}' has no default version.`);
    const found = app.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
    if (found?.state !== 'active') throw invalidReferences(`Application '${app.id}' has no active version '${version}'.`);
  }
}
