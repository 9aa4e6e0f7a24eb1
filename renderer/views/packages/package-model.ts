// The packages page's pure parts: table rows, the upload form's checks, and the words for states and sizes.
import { applicationId as applicationIdSchema, packageVersion } from '../../../shared/contract';
import type { ApplicationView, PackageVersion } from '../../../shared/models';

/** The packages page's route. */
export const PACKAGES_PATH = '/packages';

/** One table row: a version of an application, or an application that has no version yet. */
export interface PackageRow {
  key: string;
  applicationId: string;
  displayName?: string;
  version?: PackageVersion;
  isDefault: boolean;
}

/** A row that is a version (the ones actions apply to). */
export type VersionRefRow = PackageRow & { version: PackageVersion };

/** Flattens applications into rows, one per version, keeping the service's order. */
export function packageRows(apps: readonly ApplicationView[]): PackageRow[] {
  return apps.flatMap((app): PackageRow[] => {
    const base = { applicationId: app.id, ...(app.displayName ? { displayName: app.displayName } : {}) };
    if (app.versions.length === 0) return [{ key: app.id, ...base, isDefault: false }];
    return app.versions.map((version) => ({
      key: `${app.id}\n${version.version}`,
      ...base,
      version,
      isDefault: app.defaultVersion !== undefined && app.defaultVersion.toLowerCase() === version.version.toLowerCase(),
    }));
  });
}

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : (result.error?.issues[0]?.message ?? 'Not valid');
}

/** What is wrong with an application id, in the contract's words; undefined when it is fine. */
export function applicationIdError(value: string): string | undefined {
  if (!value.trim()) return 'Enter an application id';
  return firstIssue(applicationIdSchema.safeParse(value));
}

/** What is wrong with a version: the contract's rule, or that the application already has it. */
export function versionError(value: string, apps: readonly ApplicationView[], applicationId: string): string | undefined {
  if (!value.trim()) return 'Enter a version';
  const issue = firstIssue(packageVersion.safeParse(value));
  if (issue) return issue;
  const app = apps.find((a) => a.id.toLowerCase() === applicationId.toLowerCase());
  if (app?.versions.some((v) => v.version.toLowerCase() === value.toLowerCase())) return `${app.id} already has version ${value}`;
  return undefined;
}

/** What is wrong with the picked file: none, not a .zip, or empty. */
export function packageFileError(file: { name: string; size: number } | undefined): string | undefined {
  if (!file) return 'Pick a .zip file';
  if (!file.name.toLowerCase().endsWith('.zip')) return 'Application packages are .zip files';
  if (file.size <= 0) return 'The file is empty';
  return undefined;
}

/** The state badge's words and colour. */
export function stateBadge(state: PackageVersion['state']): { label: string; color: 'success' | 'warning' } {
  return state === 'active' ? { label: 'Active', color: 'success' } : { label: 'Pending', color: 'warning' };
}
