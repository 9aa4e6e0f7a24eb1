import { isBase64Key } from './dataDir.js';

/** The emulator's command-line options. */
export interface CliOptions {
  port: number;
  dataDir?: string;
  account?: string;
  key?: string;
}

/** Usage text printed with argument errors. */
export const USAGE = 'usage: npm run emulator -- [--port N] [--data DIR] [--account NAME] [--key BASE64]';

/** A command-line mistake; the CLI prints it and exits with status 2. */
export class UsageError extends Error {}

/** Parses argv (without node and script); accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0 };
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
      default:
        throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  return options;
}
