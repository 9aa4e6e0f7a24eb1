import { isBase64Key } from './dataDir.js';
import type { NodeBehaviourOptions } from './engine/behaviour.js';
import type { RequestFaultSettings } from './http/faults.js';
import { isStorageUrl, STORAGE_ACCOUNT_NAME } from './storage/linked.js';

/** The emulator's command-line options. */
export interface CliOptions {
  port: number;
  dataDir?: string;
  account?: string;
  key?: string;
  /** Quotas, autoscale limits, preemption and start-task failures, when any flag sets them. */
  nodes?: NodeBehaviourOptions;
  /** Request fault injection, when any flag sets it. */
  faults?: Partial<RequestFaultSettings>;
  /** Stop when this process is gone: an app that starts the emulator and then dies must not leave it running. */
  parentPid?: number;
  /** Linked storage given by flags (the key is read from its file, never taken from argv). */
  storage?: StorageFlags;
  /** `--no-storage`: run without linked storage instead of starting Azurite. */
  noStorage?: boolean;
}

/** The linked storage flags: all three together. */
export interface StorageFlags {
  url: string;
  account: string;
  keyFile: string;
}

/** Usage text printed with argument errors. */
export const USAGE = [
  'usage: npm run emulator -- [--port N] [--data DIR] [--account NAME] [--key BASE64] [--parent-pid PID]',
  '  [--dedicated-quota N] [--low-priority-quota N]',
  '  [--autoscale-min-interval SECONDS] [--autoscale-enable-spacing SECONDS] [--sample-period SECONDS]',
  '  [--preempt-fraction F] [--preempt-interval SECONDS] [--preempt-down SECONDS] [--fail-start-tasks F]',
  '  [--fault-rate F] [--fault-status 429|503] [--retry-after SECONDS] [--latency MS] [--latency-jitter MS]',
  '  [--storage-url URL --storage-account NAME --storage-key-file PATH | --no-storage]',
  '       npm run emulator -- packages add|activate|list --data DIR ... (see: npm run emulator -- packages --help)',
].join('\n');

/** A command-line mistake; the CLI prints it and exits with status 2. */
export class UsageError extends Error {}

interface NumberFlag {
  min: number;
  max?: number;
  integer?: boolean;
  apply: (options: CliOptions, value: number) => void;
}

const nodes = (o: CliOptions): NodeBehaviourOptions => (o.nodes ??= {});
const faults = (o: CliOptions): Partial<RequestFaultSettings> => (o.faults ??= {});
const SECOND = 1000;

const NUMBER_FLAGS: Record<string, NumberFlag> = {
  '--dedicated-quota': { min: 0, integer: true, apply: (o, v) => (nodes(o).quota = { ...nodes(o).quota, dedicated: v }) },
  '--low-priority-quota': { min: 0, integer: true, apply: (o, v) => (nodes(o).quota = { ...nodes(o).quota, lowPriority: v }) },
  '--autoscale-min-interval': { min: 0.001, apply: (o, v) => (nodes(o).minAutoScaleIntervalMs = v * SECOND) },
  '--autoscale-enable-spacing': { min: 0, apply: (o, v) => (nodes(o).enableAutoScaleSpacingMs = v * SECOND) },
  '--sample-period': { min: 0.001, apply: (o, v) => (nodes(o).samplePeriodMs = v * SECOND) },
  '--preempt-fraction': { min: 0, max: 1, apply: (o, v) => (nodes(o).preemption = { ...nodes(o).preemption, fraction: v }) },
  '--preempt-interval': { min: 0.001, apply: (o, v) => (nodes(o).preemption = { ...nodes(o).preemption, intervalMs: v * SECOND }) },
  '--preempt-down': { min: 0, apply: (o, v) => (nodes(o).preemption = { ...nodes(o).preemption, downMs: v * SECOND }) },
  '--fail-start-tasks': { min: 0, max: 1, apply: (o, v) => (nodes(o).startTaskFailureRate = v) },
  '--fault-rate': { min: 0, max: 1, apply: (o, v) => (faults(o).errorRate = v) },
  '--retry-after': { min: 0, apply: (o, v) => (faults(o).retryAfterSeconds = v) },
  '--latency': { min: 0, apply: (o, v) => (faults(o).latencyMs = v) },
  '--latency-jitter': { min: 0, apply: (o, v) => (faults(o).latencyJitterMs = v) },
};

function parseNumber(flag: string, text: string, spec: NumberFlag): number {
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && value >= spec.min && value <= (spec.max ?? Infinity) && (!spec.integer || Number.isInteger(value));
  if (!ok) {
    const range = spec.max === undefined ? `at least ${spec.min}` : `from ${spec.min} to ${spec.max}`;
    throw new UsageError(`${flag} must be ${spec.integer ? 'a whole number' : 'a number'} ${range}, not '${text}'`);
  }
  return value;
}

/** Parses argv (without node and script); accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0 };
  const partial: StorageFlagValues = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const numeric = NUMBER_FLAGS[flag];
    if (numeric) {
      numeric.apply(options, parseNumber(flag, value(), numeric));
      continue;
    }
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${text}'`);
        options.port = port;
        break;
      }
      case '--data':
        options.dataDir = value();
        if (options.dataDir === '') throw new UsageError('--data needs a folder');
        break;
      case '--account':
        options.account = value();
        if (!/^[A-Za-z0-9]{1,64}$/.test(options.account)) throw new UsageError('--account must be 1-64 letters and digits');
        break;
      case '--key':
        options.key = value();
        if (!isBase64Key(options.key)) throw new UsageError('--key must be base64 text');
        break;
      case '--parent-pid': {
        const text = value();
        if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--parent-pid must be a process id, not '${text}'`);
        options.parentPid = Number(text);
        break;
      }
      case '--fault-status': {
        const text = value();
        if (text !== '429' && text !== '503') throw new UsageError(`--fault-status must be 429 or 503, not '${text}'`);
        faults(options).errorStatus = text === '429' ? 429 : 503;
        break;
      }
      case '--storage-url':
      case '--storage-account':
      case '--storage-key-file':
        partial[flag] = value();
        break;
      case '--no-storage':
        if (inline !== undefined) throw new UsageError('--no-storage takes no value');
        options.noStorage = true;
        break;
      default:
        throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  const storage = parseStorageFlags(partial);
  if (storage && options.noStorage) throw new UsageError('--no-storage cannot be combined with --storage-url, --storage-account or --storage-key-file');
  if (storage) options.storage = storage;
  return options;
}

/** The storage flags seen so far, by name. */
export type StorageFlagValues = Partial<Record<'--storage-url' | '--storage-account' | '--storage-key-file', string>>;

/** Checks the three storage flags: none, or all three with a valid URL, account name and key file path. */
export function parseStorageFlags(values: StorageFlagValues): StorageFlags | undefined {
  const url = values['--storage-url'];
  const account = values['--storage-account'];
  const keyFile = values['--storage-key-file'];
  if (url === undefined && account === undefined && keyFile === undefined) return undefined;
  if (url === undefined || account === undefined || keyFile === undefined) {
    throw new UsageError('--storage-url, --storage-account and --storage-key-file go together: give all three or none');
  }
  if (!isStorageUrl(url)) throw new UsageError(`--storage-url must be an http or https URL without a query (no SAS), not '${url}'`);
  if (!STORAGE_ACCOUNT_NAME.test(account)) throw new UsageError(`--storage-account must be 3-24 lowercase letters and digits, not '${account}'`);
  if (keyFile.trim() === '') throw new UsageError('--storage-key-file needs a file path');
  return { url: url.replace(/\/+$/, ''), account, keyFile };
}
