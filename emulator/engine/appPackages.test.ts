import { describe, expect, it } from 'vitest';
import { appPackageDir, appPackageEnvName } from './appPackages.js';

describe('application package variables', () => {
  it('names a version as AZ_BATCH_APP_PACKAGE_<id>#<version> on Windows', () => {
    expect(appPackageEnvName('FOO', '1', 'win32')).toBe('AZ_BATCH_APP_PACKAGE_FOO#1');
    expect(appPackageEnvName('Agent-linux-x64', '1.1.46.0', 'win32')).toBe('AZ_BATCH_APP_PACKAGE_Agent-linux-x64#1.1.46.0');
  });

  it('flattens #, . and - to _ on Linux and keeps the id case', () => {
    expect(appPackageEnvName('FOO', '1', 'linux')).toBe('AZ_BATCH_APP_PACKAGE_FOO_1');
    expect(appPackageEnvName('Agent-linux-x64', '1.1.46.0', 'linux')).toBe('AZ_BATCH_APP_PACKAGE_Agent_linux_x64_1_1_46_0');
  });

  it('leaves the version out for a default-version reference', () => {
    expect(appPackageEnvName('blender', undefined, 'linux')).toBe('AZ_BATCH_APP_PACKAGE_blender');
    expect(appPackageEnvName('my-app', undefined, 'linux')).toBe('AZ_BATCH_APP_PACKAGE_my_app');
    expect(appPackageEnvName('my-app', undefined, 'win32')).toBe('AZ_BATCH_APP_PACKAGE_my-app');
  });

  it('extracts each version into its own folder under the node', () => {
    expect(appPackageDir('/n', 'app', '1.0').replace(/\\/g, '/')).toBe('/n/applications/app#1.0');
  });
});
