import { expect, test } from '../fixtures';
import { screenshots } from '../support/screenshots';

test('screenshots of the accounts, dashboard and settings views in light and dark', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
  await screenshots(page, testInfo, 'accounts', page.getByRole('heading', { level: 1, name: 'Accounts' }));
  await page.goto(`${new URL(page.url()).origin}/#/accounts/local`);
  await screenshots(page, testInfo, 'account-dashboard', page.getByRole('heading', { level: 1 }));
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await screenshots(page, testInfo, 'settings', page.getByRole('heading', { level: 1, name: 'Settings' }));
  expect(testInfo.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(6);
});
