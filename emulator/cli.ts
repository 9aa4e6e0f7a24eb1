import { join, resolve } from 'node:path';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './cliArgs.js';
import { defaultDataDir, startEmulator, type EmulatorOptions } from './index.js';
import { PACKAGES_USAGE, parsePackagesArgs, runPackagesCommand, type PackagesCommand } from './packagesCli.js';
import { startAzurite, type LocalStorage } from './storage/azurite.js';
import { readKeyFile } from './storage/linked.js';

function parse<T>(parser: () => T, usage: string): T {
  try {
    return parser();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`batch emulator: ${error.message}\n${usage}`);
    process.exit(2);
  }
}

async function packages(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(PACKAGES_USAGE);
    return;
  }
  const command: PackagesCommand = parse(() => parsePackagesArgs(argv), PACKAGES_USAGE);
  await runPackagesCommand(command, (line) => console.log(line));
}

// Linked storage from the flags, or an Azurite of our own under <data>/storage unless --no-storage.
async function linkedStorage(options: CliOptions, dataDir: string): Promise<{ storage?: EmulatorOptions['storage']; azurite?: LocalStorage }> {
  if (options.storage) {
    const { url, account, keyFile } = options.storage;
    return { storage: { blobUrl: url, accountName: account, accountKey: await readKeyFile(resolve(keyFile)), keyFile: resolve(keyFile) } };
  }
  if (options.noStorage) return {};
  const storageDir = join(dataDir, 'storage');
  const azurite = await startAzurite({
    dataDir: storageDir,
    log: (line) => console.log(`batch emulator: ${line}`),
    onExit: (code) => console.error(`batch emulator: local storage (Azurite) exited with code ${code}`),
  });
  const storage = { blobUrl: azurite.blobUrl, accountName: azurite.accountName, accountKey: azurite.accountKey, keyFile: join(storageDir, 'account.key') };
  return { storage, azurite };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'packages') {
    await packages(argv.slice(1));
    return;
  }
  const options = parse(() => parseCliArgs(argv), USAGE);
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { storage, azurite } = await linkedStorage(options, dataDir);
  const emulator = await startEmulator({
    storage,
    port: options.port,
    dataDir,
    account: options.account,
    key: options.key,
    nodes: options.nodes,
    faults: options.faults,
    log: (line) => console.log(`batch emulator: ${line}`),
  }).catch(async (error: unknown) => {
    await azurite?.stop();
    throw error;
  });
  // Handlers go on before the ready lines: whoever waits for those may signal at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`batch emulator: ${signal}, stopping`);
    emulator
      .close()
      .then(() => azurite?.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`batch emulator: shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  console.log(`Batch emulator for account '${emulator.account}' listening on ${emulator.url}`);
  if (storage) console.log(`linked storage: account '${storage.accountName}' at ${storage.blobUrl}${azurite ? ' (Azurite, started by the emulator)' : ''}`);
  console.log(`data folder: ${dataDir}`);
  if (options.faults) console.log(`fault injection: ${JSON.stringify(options.faults)}`);
  if (emulator.generatedKeyFile) {
    console.log(`generated account key ${emulator.key} (stored in ${emulator.generatedKeyFile})`);
  } else if (!options.key) {
    console.log(`account key: stored in ${dataDir}`);
  }
  if (options.parentPid !== undefined) watchParent(options.parentPid, () => stop(`parent process ${options.parentPid} exited`));
}

/** Polls the parent process; signal 0 tests for existence without touching it. */
function watchParent(pid: number, onGone: () => void): void {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        clearInterval(timer);
        onGone();
      }
    }
  }, 1000);
  timer.unref();
}

main().catch((error: unknown) => {
  console.error(`batch emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
