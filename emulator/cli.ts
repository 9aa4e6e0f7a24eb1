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
    nodes: options.nodes,
    faults: options.faults,
    log: (line) => console.log(`batch emulator: ${line}`),
  });
  console.log(`Batch emulator for account '${emulator.account}' listening on ${emulator.url}`);
  console.log(`data folder: ${dataDir}`);
  if (options.faults) console.log(`fault injection: ${JSON.stringify(options.faults)}`);
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
