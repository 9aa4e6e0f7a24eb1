import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { createServices } from '../services';
import { defaultDataDir } from '../services/paths';
import { parseServeArgs, type ServeArgs } from './args';
import { startWebHost } from './server';

async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true });
  const rendererDir = join(fileURLToPath(new URL('.', import.meta.url)), '../renderer');

  const here = fileURLToPath(new URL('.', import.meta.url));
  const services = await createServices({
    version: pkg.version,
    transport: 'web',
    dataDir,
    persistSecrets: args.persistSecrets === true,
    emulator: { command: process.execPath, args: [join(here, 'emulator.js')] },
    log: (line) => console.log(line),
  });
  const host = await startWebHost({ port: args.port, rendererDir, services });
  console.log(`Batch Lens web host listening; open ${host.url}`);
  const stop = async () => {
    await host.close();
    await services.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('Batch Lens web host failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
