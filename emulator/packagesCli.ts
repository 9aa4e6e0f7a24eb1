// `npm run emulator -- packages …`: manage the local account's application packages in its linked storage.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseStorageFlags, UsageError, type StorageFlags, type StorageFlagValues } from './cliArgs.js';
import { defaultDataDir } from './dataDir.js';
import { checkApplicationId, checkVersion, linkedAppPackages, type AppPackageInfo } from './storage/app-packages.js';
import { readKeyFile, readLinkedStorage, type LinkedStorage } from './storage/linked.js';

/** Usage text of the packages subcommands. */
export const PACKAGES_USAGE = [
  'usage: npm run emulator -- packages add --application ID --version V --file ZIP [--activate] [storage]',
  '       npm run emulator -- packages activate --application ID --version V [storage]',
  '       npm run emulator -- packages default --application ID --version V [storage]',
  '       npm run emulator -- packages list [storage]',
  '  storage: --data DIR (the linked storage a running emulator recorded there; default: the default data folder)',
  '       or --storage-url URL --storage-account NAME --storage-key-file PATH',
].join('\n');

/** A parsed packages command. */
export type PackagesCommand =
  | { action: 'add'; application: string; version: string; file: string; activate: boolean; source: StorageSource }
  | { action: 'activate' | 'default'; application: string; version: string; source: StorageSource }
  | { action: 'list'; source: StorageSource };

/** Where the command finds linked storage. */
export type StorageSource = { dataDir: string } | { flags: StorageFlags };

/** Parses the arguments after `packages`. */
export function parsePackagesArgs(argv: readonly string[]): PackagesCommand {
  const [action, ...rest] = argv;
  if (action !== 'add' && action !== 'activate' && action !== 'default' && action !== 'list') {
    throw new UsageError(action === undefined ? 'packages needs a command: add, activate, default or list' : `unknown packages command '${action}'`);
  }
  const values: Record<string, string> = {};
  let activate = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--activate' && action === 'add' && eq < 0) {
      activate = true;
      continue;
    }
    const known = ['--data', '--storage-url', '--storage-account', '--storage-key-file', ...(action === 'list' ? [] : ['--application', '--version']), ...(action === 'add' ? ['--file'] : [])];
    if (!known.includes(flag)) throw new UsageError(`unknown argument '${arg}' for packages ${action}`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    values[flag] = value;
  }
  const flags = parseStorageFlags(values as StorageFlagValues);
  if (flags && values['--data'] !== undefined) throw new UsageError('give either --data or the storage flags, not both');
  const source: StorageSource = flags ? { flags } : { dataDir: values['--data'] ?? defaultDataDir() };
  if (action === 'list') return { action, source };
  const application = values['--application'];
  const version = values['--version'];
  if (application === undefined) throw new UsageError('--application is required');
  if (version === undefined) throw new UsageError('--version is required');
  try {
    checkApplicationId(application);
    checkVersion(version);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (action !== 'add') return { action, application, version, source };
  const file = values['--file'];
  if (file === undefined) throw new UsageError('--file is required');
  return { action, application, version, file, activate, source };
}

async function storageOf(source: StorageSource): Promise<LinkedStorage> {
  if ('dataDir' in source) return readLinkedStorage(resolve(source.dataDir));
  const { url, account, keyFile } = source.flags;
  return { blobUrl: url, accountName: account, accountKey: await readKeyFile(keyFile) };
}

function describe(app: AppPackageInfo): string[] {
  const head = `${app.id}${app.displayName ? ` (${app.displayName})` : ''}${app.defaultVersion ? `, default ${app.defaultVersion}` : ''}`;
  if (app.versions.length === 0) return [`${head}: no versions`];
  return [head, ...app.versions.map((v) => `  ${v.version}  ${v.state}  ${v.size} bytes${v.lastActivation ? `  activated ${v.lastActivation}` : ''}`)];
}

/** Runs a packages command, writing what it did through `print`. */
export async function runPackagesCommand(command: PackagesCommand, print: (line: string) => void): Promise<void> {
  const store = linkedAppPackages(await storageOf(command.source));
  switch (command.action) {
    case 'list': {
      const apps = await store.list();
      if (apps.length === 0) print('no application packages');
      for (const app of apps) for (const line of describe(app)) print(line);
      return;
    }
    case 'add': {
      const size = (await stat(command.file)).size;
      await store.addVersion(command.application, command.version, createReadStream(command.file), size);
      print(`added ${command.application} ${command.version} (${size} bytes, pending)`);
      if (command.activate) {
        await store.activate(command.application, command.version);
        print(`activated ${command.application} ${command.version}`);
      }
      return;
    }
    case 'activate':
      await store.activate(command.application, command.version);
      print(`activated ${command.application} ${command.version}`);
      return;
    case 'default':
      await store.setDefaultVersion(command.application, command.version);
      print(`default version of ${command.application} is now ${command.version}`);
      return;
  }
}
