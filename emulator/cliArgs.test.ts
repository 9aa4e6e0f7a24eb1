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

  it('parses the node, autoscale and fault injection flags', () => {
    const argv = [
      '--dedicated-quota', '10', '--low-priority-quota=4', '--autoscale-min-interval', '1', '--autoscale-enable-spacing', '0',
      '--sample-period', '0.5', '--preempt-fraction', '0.1', '--preempt-interval', '30', '--preempt-down', '5',
      '--fail-start-tasks', '0.25', '--fault-rate', '0.2', '--fault-status', '429', '--retry-after', '2', '--latency', '50',
      '--latency-jitter', '10',
    ];
    expect(parseCliArgs(argv)).toEqual({
      port: 0,
      nodes: {
        quota: { dedicated: 10, lowPriority: 4 },
        minAutoScaleIntervalMs: 1000,
        enableAutoScaleSpacingMs: 0,
        samplePeriodMs: 500,
        preemption: { fraction: 0.1, intervalMs: 30_000, downMs: 5000 },
        startTaskFailureRate: 0.25,
      },
      faults: { errorRate: 0.2, errorStatus: 429, retryAfterSeconds: 2, latencyMs: 50, latencyJitterMs: 10 },
    });
  });

  it('refuses bad flags', () => {
    const bad = [
      ['--port', '70000'], ['--port'], ['--key', 'not base64!'], ['--account', 'a b'], ['--verbose'], ['--data', '--port'],
      ['--fault-rate', '1.5'], ['--fault-status', '500'], ['--dedicated-quota', '2.5'], ['--latency', '-1'], ['--sample-period', '0'],
      ['--preempt-fraction', 'often'],
    ];
    for (const argv of bad) {
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

describe('--parent-pid', () => {
  it('takes a process id and refuses anything else', () => {
    expect(parseCliArgs(['--parent-pid', '4242']).parentPid).toBe(4242);
    expect(() => parseCliArgs(['--parent-pid', '0'])).toThrow(/process id/);
    expect(() => parseCliArgs(['--parent-pid', 'me'])).toThrow(/process id/);
  });
});

describe('linked storage flags', () => {
  const url = 'http://127.0.0.1:10000/localstore';

  it('takes the three storage flags together, or --no-storage', () => {
    expect(parseCliArgs(['--storage-url', url, '--storage-account=localstore', '--storage-key-file', '/keys/k']).storage).toEqual({
      url,
      account: 'localstore',
      keyFile: '/keys/k',
    });
    expect(parseCliArgs([`--storage-url=${url}/`, '--storage-account', 'abc', '--storage-key-file', 'k']).storage?.url).toBe(url);
    expect(parseCliArgs(['--no-storage'])).toEqual({ port: 0, noStorage: true });
  });

  it('refuses partial, malformed or conflicting storage flags with a clear message', () => {
    expect(() => parseCliArgs(['--storage-url', url])).toThrow(/go together/);
    expect(() => parseCliArgs(['--storage-account', 'abc', '--storage-key-file', 'k'])).toThrow(/go together/);
    expect(() => parseCliArgs(['--storage-url', 'ftp://x/y', '--storage-account', 'abc', '--storage-key-file', 'k'])).toThrow(/http or https/);
    expect(() => parseCliArgs(['--storage-url', `${url}?sig=x`, '--storage-account', 'abc', '--storage-key-file', 'k'])).toThrow(/without a query/);
    expect(() => parseCliArgs(['--storage-url', url, '--storage-account', 'Bad-Name', '--storage-key-file', 'k'])).toThrow(/lowercase letters/);
    expect(() => parseCliArgs(['--storage-url', url, '--storage-account', 'abc', '--storage-key-file', ' '])).toThrow(/file path/);
    expect(() => parseCliArgs(['--no-storage', '--storage-url', url, '--storage-account', 'abc', '--storage-key-file', 'k'])).toThrow(/cannot be combined/);
    expect(() => parseCliArgs(['--no-storage=yes'])).toThrow(/takes no value/);
    expect(() => parseCliArgs(['--storage-key', 'AAAA'])).toThrow(UsageError);
  });
});
