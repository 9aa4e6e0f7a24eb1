import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product folder name Electron uses for userData, so the desktop app and the web host share state. */
export const PRODUCT_DIR = 'Batch Lens';

/** The per-user app data folder, matching Electron's `app.getPath('userData')` on each OS. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_DIR);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_DIR);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_DIR);
}
