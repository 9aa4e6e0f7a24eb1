import { request as playwrightRequest } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

test.describe('app shell over the web host', () => {
  test('loads, shows the web transport and the version from main', async ({ app }) => {
    const { page } = app;
    await expect(page.getByTestId('status-transport')).toHaveText(/Web host/);
    await expect(page.getByTestId('status-version')).toHaveText(`v${version}`);
    // The URL token was swapped for a cookie and is gone from the address bar.
    expect(page.url()).not.toContain('token=');
  });

  test('navigates between sections, keeps the view on reload, and back/forward work', async ({ app }) => {
    const { page } = app;
    const nav = page.getByRole('navigation');
    for (const section of ['Accounts', 'Jobs', 'Settings', 'Pools']) {
      await nav.getByRole('link', { name: section }).click();
      await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
      expect(page.url()).toContain(`#/${section.toLowerCase()}`);
      await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    }
    await nav.getByRole('link', { name: 'Jobs' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Pools' })).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  });

  test('switches sections from the keyboard', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  });

  test('switches themes and remembers the choice', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const root = page.locator('[data-theme]').first();
    await page.getByRole('radio', { name: /dark/i }).check();
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('radio', { name: /high contrast/i }).check();
    await expect(root).toHaveAttribute('data-theme', 'high-contrast');
    await page.reload();
    await expect(page.locator('[data-theme]').first()).toHaveAttribute('data-theme', 'high-contrast');
    await page.getByRole('radio', { name: /light/i }).check();
    await expect(page.locator('[data-theme]').first()).toHaveAttribute('data-theme', 'light');
  });

  test('runs under the strict CSP without a single console error', async ({ app, webHost }) => {
    const { page, consoleErrors } = app;
    for (const section of ['Accounts', 'Jobs', 'Settings']) {
      await page.getByRole('navigation').getByRole('link', { name: section }).click();
      await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    }
    expect(consoleErrors).toEqual([]);
    const csp = (await page.request.get(`${webHost.origin}/`)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
  });

  test('the host refuses callers without the token or from a foreign origin', async ({ app, webHost }) => {
    const call = (headers: Record<string, string>) =>
      app.page.request.post(`${webHost.origin}/api/app.info`, { data: {}, headers: { origin: webHost.origin, ...headers } });
    expect((await call({})).status()).toBe(200);
    const foreign = await call({ origin: 'https://evil.example' });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).not.toContain(version);

    const stranger = await playwrightRequest.newContext({ baseURL: webHost.origin });
    const anonymous = await stranger.post('/api/app.info', { data: {}, headers: { origin: webHost.origin } });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.text()).not.toContain(version);
    const page = await stranger.get('/');
    expect(page.status()).toBe(401);
    await stranger.dispose();
  });
});
