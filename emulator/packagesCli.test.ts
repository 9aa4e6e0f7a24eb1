import { describe, expect, it } from 'vitest';
import { UsageError } from './cliArgs.js';
import { defaultDataDir } from './dataDir.js';
import { parsePackagesArgs } from './packagesCli.js';

describe('packages command line', () => {
  it('parses add, activate, default and list with a data folder or storage flags', () => {
    expect(parsePackagesArgs(['add', '--data', '/d', '--application', 'blender', '--version=2.7', '--file', 'b.zip', '--activate'])).toEqual({
      action: 'add',
      application: 'blender',
      version: '2.7',
      file: 'b.zip',
      activate: true,
      source: { dataDir: '/d' },
    });
    expect(parsePackagesArgs(['activate', '--application', 'a', '--version', '1', '--data', '/d'])).toEqual({ action: 'activate', application: 'a', version: '1', source: { dataDir: '/d' } });
    expect(parsePackagesArgs(['default', '--application', 'a', '--version', '1'])).toMatchObject({ action: 'default', source: { dataDir: defaultDataDir() } });
    const flags = ['--storage-url', 'http://127.0.0.1:1/acct', '--storage-account', 'acct', '--storage-key-file', '/k'];
    expect(parsePackagesArgs(['list', ...flags])).toEqual({ action: 'list', source: { flags: { url: 'http://127.0.0.1:1/acct', account: 'acct', keyFile: '/k' } } });
  });

  it('refuses unknown commands, missing values and invalid ids or versions', () => {
    const bad = [
      [],
      ['remove'],
      ['add', '--application', 'a', '--version', '1'],
      ['add', '--application', 'a', '--file', 'x.zip'],
      ['activate', '--version', '1'],
      ['activate', '--application', 'a', '--version'],
      ['activate', '--application', 'a b', '--version', '1'],
      ['activate', '--application', 'a', '--version', '.1'],
      ['activate', '--application', 'x'.repeat(65), '--version', '1'],
      ['list', '--activate'],
      ['list', '--application', 'a'],
      ['list', '--data', '/d', '--storage-url', 'http://127.0.0.1:1/acct', '--storage-account', 'acct', '--storage-key-file', '/k'],
      ['list', '--storage-url', 'http://127.0.0.1:1/acct'],
    ];
    for (const argv of bad) expect(() => parsePackagesArgs(argv), argv.join(' ')).toThrow(UsageError);
  });
});
