import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's Chromium (or CHROMIUM_PATH) when present; undefined means Playwright's own browser. */
export function systemChromium(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/** The Electron executable when its binary is installed, else undefined. */
export function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
