/** Parsed `npm run serve` flags. */
export interface ServeArgs {
  port: number;
  dataDir?: string;
  /** Opt-in to keep secrets in a 0600 file, unencrypted: the web host has no OS keystore. */
  persistSecrets?: boolean;
}

/** Parses `--port N` and `--data DIR`; throws an Error whose message names the bad flag. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const out: ServeArgs = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port') {
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
        throw new Error(`--port needs a number from 0 to 65535, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      }
      out.port = Number(value);
      i++;
    } else if (flag === '--data') {
      if (value === undefined || value.startsWith('--') || value.trim() === '') {
        throw new Error('--data needs a folder path');
      }
      out.dataDir = value;
      i++;
    } else if (flag === '--persist-secrets') {
      out.persistSecrets = true;
    } else {
      throw new Error(`Unknown option "${flag}". Usage: npm run serve -- [--port N] [--data DIR] [--persist-secrets]`);
    }
  }
  return out;
}
