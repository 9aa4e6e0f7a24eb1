import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../../shared/models';
import { packageKeys } from '../../api/keys';
import { applicationIdError, packageFileError, packageRows, stateBadge, versionError } from './package-model';

const apps: ApplicationView[] = [
  { id: 'Render', defaultVersion: '1.0', versions: [{ version: '1.0', state: 'active', size: 10 }, { version: '2.0', state: 'pending' }] },
  { id: 'empty', versions: [] },
];

describe('package rows', () => {
  it('has one row per version, marks the default, and keeps an application without versions', () => {
    const rows = packageRows(apps);
    expect(rows.map((r) => [r.applicationId, r.version?.version, r.isDefault])).toEqual([
      ['Render', '1.0', true],
      ['Render', '2.0', false],
      ['empty', undefined, false],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });
});

describe('upload form checks', () => {
  it("uses the contract's rules for ids and versions", () => {
    expect(applicationIdError('')).toBe('Enter an application id');
    expect(applicationIdError('my app')).toMatch(/letters, digits, hyphens and underscores/);
    expect(applicationIdError('my-app_2')).toBeUndefined();
    expect(versionError('.1', apps, 'x')).toMatch(/not starting with a period/);
    expect(versionError('3.0', apps, 'render')).toBeUndefined();
  });

  it('says when the application already has the version, whatever its case', () => {
    expect(versionError('2.0', apps, 'RENDER')).toBe('Render already has version 2.0');
  });

  it('wants a non-empty .zip file', () => {
    expect(packageFileError(undefined)).toBe('Pick a .zip file');
    expect(packageFileError({ name: 'tool.tar.gz', size: 5 })).toMatch(/\.zip/);
    expect(packageFileError({ name: 'TOOL.ZIP', size: 0 })).toBe('The file is empty');
    expect(packageFileError({ name: 'tool.zip', size: 5 })).toBeUndefined();
  });

  it('words the states', () => {
    expect(stateBadge('active')).toEqual({ label: 'Active', color: 'success' });
    expect(stateBadge('pending')).toEqual({ label: 'Pending', color: 'warning' });
  });

  it('keys each account’s list under one prefix', () => {
    expect(packageKeys.list('a')).toEqual(['packages', 'a']);
    expect(packageKeys.list('a').slice(0, 1)).toEqual(packageKeys.all);
  });
});
