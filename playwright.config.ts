import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { CHROMIUM_ARGS, electronBinary, systemChromium } from './e2e/support/browsers';

const chromiumArgs = [...CHROMIUM_ARGS];

const chromiumPath = systemChromium();
const projects: PlaywrightTestConfig['projects'] = [
  {
    name: 'web-chromium',
    testDir: './e2e/web',
    use: {
      browserName: 'chromium',
      launchOptions: chromiumPath ? { executablePath: chromiumPath, args: chromiumArgs } : { args: chromiumArgs },
    },
  },
];
// The Electron project runs wherever Electron's binary was downloaded; offline machines only have its package.
if (electronBinary()) projects.push({ name: 'electron', testDir: './e2e/electron' });

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects,
});
