import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from '@playwright/test';

/** Flags Debian's Chromium needs on closed, GPU-less CI machines (it otherwise floods the network with refused calls). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

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

/** Launches Debian's Chromium (or Playwright's own) with CHROMIUM_ARGS plus any extra flags, for benchmarks. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = systemChromium();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] });
}
