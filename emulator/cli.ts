import { resolve } from 'node:path';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './cliArgs.js';
import { defaultDataDir, startEmulator } from './index.js';

function parse(): CliOptions {
  try {
    return parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`batch emulator: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = parse();
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const emulator = await startEmulator({
    port: options.port,
    dataDir,
    account: options.account,
    key: options.key,
    log: (line) => console.log(`batch emulator: ${line}`),
  });
  console.log(`Batch emulator for account '${emulator.account}' listening on ${emulator.url}`);
  console.log(`data folder: ${dataDir}`);
  if (emulator.generatedKeyFile) {
    console.log(`generated account key ${emulator.key} (stored in ${emulator.generatedKeyFile})`);
  } else if (!options.key) {
    console.log(`account key: stored in ${dataDir}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`batch emulator: ${signal}, stopping`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`batch emulator: shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`batch emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
