import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user default data folder: XDG_DATA_HOME or ~/.local/share, %APPDATA%, or ~/Library/Application Support. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const app = 'batch-lens-emulator';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), app);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', app);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), app);
}

/** The file a generated account key is kept in. */
export function keyFile(dataDir: string): string {
  return join(dataDir, 'account.key');
}

/** True for base64 text that decodes to at least one byte and round-trips (so typos are caught). */
export function isBase64Key(text: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return false;
  return Buffer.from(text, 'base64').length > 0;
}

/** The stored key, generating 32 random bytes on first use; `generated` says whether it was just made. */
export async function loadOrCreateKey(dataDir: string): Promise<{ key: string; generated: boolean; file: string }> {
  const file = keyFile(dataDir);
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (!isBase64Key(key)) throw new Error(`The key stored in ${file} is not valid base64; delete the file to generate a new one.`);
    return { key, generated: false, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, generated: true, file };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data folder for this process with a lock file holding its pid; a lock left by a process
 * that no longer runs (say after kill -9) is taken over. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'emulator.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(`The data folder ${dataDir} is in use by another emulator (process ${pid}).`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}
