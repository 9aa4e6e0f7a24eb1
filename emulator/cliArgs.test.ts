import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cliArgs.js';
import { defaultDataDir } from './dataDir.js';

describe('emulator command line', () => {
  it('parses every flag in both spellings', () => {
    expect(parseCliArgs([])).toEqual({ port: 0 });
    expect(parseCliArgs(['--port', '8123', '--data=/tmp/x', '--account', 'dev1', '--key', 'AAAA'])).toEqual({
      port: 8123,
      dataDir: '/tmp/x',
      account: 'dev1',
      key: 'AAAA',
    });
  });

  it('refuses bad flags', () => {
    for (const argv of [['--port', '70000'], ['--port'], ['--key', 'not base64!'], ['--account', 'a b'], ['--verbose'], ['--data', '--port']]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('chooses a per-user data folder', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/xdg' }, '/home/u')).toBe('/xdg/batch-lens-emulator');
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/batch-lens-emulator');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/batch-lens-emulator');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toContain('batch-lens-emulator');
  });
});
