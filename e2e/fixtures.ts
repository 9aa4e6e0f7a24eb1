import { test as base, expect, type Page } from '@playwright/test';
import { startWebHostProcess, type RunningWebHost } from './support/web-host';

interface WorkerFixtures {
  webHost: RunningWebHost;
}

interface TestFixtures {
  /** The app opened through the web host, with console errors (CSP violations included) collected. */
  app: { page: Page; consoleErrors: string[] };
}

/** Tests against the real web host process, started once per worker by the fixture. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  webHost: [
    // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startWebHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, webHost }, use) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(webHost.url);
    await expect(page.getByTestId('status-bar')).toBeVisible();
    await use({ page, consoleErrors });
  },
});

export { expect };
