// Issue 9's whole Batch workflow in the app: the sample workload uploads inputs and a package to the local
// storage, its tasks transform the inputs, and the outputs arrive in storage for the Data view to download.
import { strToU8, zipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { localAccountId } from '../support/batch-api';

const INPUT_1 = 'the quick brown fox jumps over the lazy dog\n';

const row = (page: Page, name: string): Locator => page.getByTestId('blob-list').locator(`[role="row"][data-name="${name}"]`);

test('the sample workload: inputs in storage, a package, a job that completes and outputs to download', async ({ app, webHost }) => {
  test.setTimeout(240_000);
  const { page, consoleErrors } = app;
  const accountId = await localAccountId(page, webHost.origin);

  // Run the sample from the local account's dashboard (offered on an empty emulator, else beside the counts).
  await page.goto(new URL(`#/accounts/${accountId}`, page.url()).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Local emulator' })).toBeVisible();
  await page.getByRole('button', { name: 'Run sample workload' }).click();
  const created = page.getByTestId('sample-created');
  await expect(created).toBeVisible({ timeout: 60_000 });
  await expect(created).toContainText('fgrp-sample-inputs');
  const jobId = (await created.getAttribute('data-job-id')) ?? '';
  expect(jobId).toMatch(/^sample-\d{8}-\d{6}$/);

  // The inputs are in their file group in the Data view.
  await created.getByTestId('sample-inputs-link').click();
  await expect(page).toHaveURL(/#\/data\?container=fgrp-sample-inputs/);
  await expect(row(page, 'input-1.txt')).toBeVisible({ timeout: 30_000 });
  await expect(row(page, 'input-6.txt')).toBeVisible();

  // The package the tasks run is on the packages page, active and the default.
  await page.getByRole('navigation').getByRole('link', { name: 'Packages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application packages' })).toBeVisible();
  const pkg = page.locator('[data-testid="package-row"][data-application="sample-app"][data-version="1.0"]');
  await expect(pkg.getByTestId('package-state')).toHaveText('Active');
  await expect(pkg.getByTestId('package-default')).toBeVisible();

  // The job completes on its own (it terminates when all its tasks complete); the job page shows it.
  await page.goto(new URL(`#/jobs/${encodeURIComponent(jobId)}`, page.url()).href);
  await expect(page.getByRole('heading', { level: 1, name: `Job ${jobId}` })).toBeVisible();
  await expect(page.locator('[data-state="completed"]').first()).toBeVisible({ timeout: 120_000 });

  // Main's sampler notices and the toast links to the outputs.
  await page.getByRole('link', { name: '← Jobs' }).click();
  const toast = page.getByTestId('job-notification').filter({ hasText: `${jobId} completed` });
  await expect(toast).toBeVisible({ timeout: 60_000 });
  await toast.getByRole('button', { name: 'Open outputs' }).click();
  await expect(page).toHaveURL(new RegExp(`#/data\\?container=fgrp-sample-outputs&folder=${jobId}%2F`));

  // One output, downloaded through the browser, is its input upper-cased.
  const output = row(page, `${jobId}/output-1.txt`);
  await expect(output).toBeVisible({ timeout: 30_000 });
  await expect(row(page, `${jobId}/transform-1/`)).toBeVisible();
  await output.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('storage-download-start').click()]);
  expect(download.suggestedFilename()).toBe('output-1.txt');
  expect(await readFile((await download.path())!, 'utf8')).toBe(INPUT_1.toUpperCase());

  expect(consoleErrors).toEqual([]);
});

test('the packages page uploads a version with inline checks, activates it, makes it the default and deletes it', async ({ app }) => {
  test.setTimeout(120_000);
  const { page, consoleErrors } = app;
  const appId = `e2e-app-${Date.now().toString(36)}`;
  const zip = Buffer.from(zipSync({ 'run.sh': strToU8('echo packaged\n') }));
  const version = (v: string) => page.locator(`[data-testid="package-row"][data-application="${appId}"][data-version="${v}"]`);

  await page.getByRole('navigation').getByRole('link', { name: 'Packages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application packages' })).toBeVisible();
  await expect(page.getByTestId('packages-unavailable')).toBeHidden();

  // The contract's rules are said inline, and a file that is not a .zip is refused before anything is sent.
  await page.getByTestId('upload-package').click();
  const dialog = page.getByTestId('upload-package-dialog');
  await dialog.getByTestId('package-application').fill('bad id');
  await expect(dialog).toContainText('Application ids are 1-64 letters, digits, hyphens and underscores');
  await dialog.getByTestId('package-application').fill(appId);
  await expect(dialog).toContainText(`A new application ${appId} is created`);
  await dialog.getByTestId('package-version').fill('.1');
  await expect(dialog).toContainText('not starting with a period');
  await dialog.getByTestId('package-version').fill('1.0');
  await dialog.getByTestId('package-file').setInputFiles({ name: 'tool.txt', mimeType: 'text/plain', buffer: Buffer.from('not a zip') });
  await expect(dialog).toContainText('Application packages are .zip files');
  // Named .zip but not one: main reads its first bytes and refuses it.
  await dialog.getByTestId('package-file').setInputFiles({ name: 'fake.zip', mimeType: 'application/zip', buffer: Buffer.from('MZ not really a zip') });
  await dialog.getByTestId('package-upload').click();
  await expect(dialog.getByTestId('package-upload-error')).toContainText('not a zip file');
  await dialog.getByTestId('package-file').setInputFiles({ name: 'tool.zip', mimeType: 'application/zip', buffer: zip });
  await dialog.getByTestId('package-upload').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(version('1.0').getByTestId('package-state')).toHaveText('Pending');

  // The same version again is refused inline, before any upload.
  await page.getByTestId('upload-package').click();
  await dialog.getByTestId('package-application').fill(appId);
  await dialog.getByTestId('package-version').fill('1.0');
  await expect(dialog).toContainText(`${appId} already has version 1.0`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await version('1.0').getByTestId('package-activate').click();
  await expect(version('1.0').getByTestId('package-state')).toHaveText('Active');
  await version('1.0').getByTestId('package-set-default').click();
  await expect(version('1.0').getByTestId('package-default')).toBeVisible();
  await page.reload();
  await expect(version('1.0').getByTestId('package-default')).toBeVisible();

  await version('1.0').getByTestId('package-delete').click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('no default version afterwards');
  await confirm.getByTestId('confirm').click();
  await expect(confirm).toBeHidden();
  await expect(version('1.0')).toHaveCount(0);

  // The one refused PUT (the fake zip) is the browser's only complaint.
  expect(consoleErrors).toEqual([expect.stringContaining('status of 400')]);
});
