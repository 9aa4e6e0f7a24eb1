import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { callApi } from '../support/api';
import { createIdlePool, localAccountId, taskState } from '../support/batch-api';

// The local account's linked storage is the Azurite the host starts beside the emulator.
const ONE = Buffer.from('first file\n');
const TWO = Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255]);
const NESTED = 'deep inside\n';

const table = (page: Page): Locator => page.getByTestId('blob-table');
const row = (page: Page, name: string): Locator => page.getByTestId('blob-list').locator(`[role="row"][data-name="${name}"]`);

test.describe('the Data view over the web host and local storage', () => {
  test('creates a file group, uploads files and a folder, downloads, shares by SAS and deletes', async ({ app, webHost }, testInfo) => {
    test.setTimeout(120_000);
    const { page, consoleErrors } = app;
    const group = `e2e-${Date.now().toString(36)}`;
    const container = `fgrp-${group}`;

    await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
    await expect(page.getByTestId('storage-unavailable')).toBeHidden();
    await expect(page.getByTestId('container-pane')).toBeVisible();

    // The name is checked as it is typed; the service's rule is said inline.
    await page.getByTestId('new-file-group').click();
    await page.getByTestId('container-name').fill('Bad_Name');
    await expect(page.getByTestId('create-container-dialog')).toContainText('Use lower-case letters only');
    await page.getByTestId('container-name').fill(group);
    await page.getByTestId('create-container').click();
    await expect(page).toHaveURL(new RegExp(`container=${container}`));
    await expect(page.getByTestId('file-groups').locator(`[data-name="${container}"]`)).toHaveText(group);
    await expect(page.getByTestId('all-containers').locator(`[data-name="${container}"]`)).toBeVisible();

    // Two files, then a folder whose structure is kept.
    await page.getByTestId('upload-files-input').setInputFiles([
      { name: 'one.txt', mimeType: 'text/plain', buffer: ONE },
      { name: 'two.bin', mimeType: 'application/octet-stream', buffer: TWO },
    ]);
    await expect(page.getByTestId('upload-panel')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('upload-status')).toHaveText(/Uploaded 2 files/);
    const dir = testInfo.outputPath('results');
    await mkdir(join(dir, 'nested'), { recursive: true });
    await writeFile(join(dir, 'summary.txt'), 'summary\n');
    await writeFile(join(dir, 'nested', 'deep.txt'), NESTED);
    await page.getByTestId('upload-folder-input').setInputFiles(dir);
    await expect(page.getByTestId('upload-status')).toHaveText(/Uploaded 2 files/, { timeout: 30_000 });
    await expect(table(page)).toHaveAttribute('data-row-count', '3');
    await expect(row(page, 'results/')).toHaveAttribute('data-kind', 'folder');
    await expect(row(page, 'one.txt')).toBeVisible();
    await expect(row(page, 'two.bin')).toBeVisible();

    // Folders open with a double click (and Enter); the folder lives in the URL, so a reload keeps it.
    await row(page, 'results/').dblclick();
    await expect(page).toHaveURL(/folder=results%2F/);
    await page.reload();
    await expect(page.getByTestId('blob-breadcrumb')).toContainText('results');
    await expect(row(page, 'results/nested/')).toBeVisible();
    await row(page, 'results/nested/').click();
    await page.keyboard.press('Enter');
    await expect(row(page, 'results/nested/deep.txt')).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(row(page, 'results/summary.txt')).toBeVisible();
    await page.goBack();
    await expect(row(page, 'results/nested/deep.txt')).toBeVisible();
    await page.getByTestId('blob-breadcrumb').getByRole('button', { name: group }).click();
    await expect(row(page, 'two.bin')).toBeVisible();

    // A download is the browser's own, byte for byte.
    await row(page, 'two.bin').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('storage-download-start').click()]);
    expect(download.suggestedFilename()).toBe('two.bin');
    expect((await readFile((await download.path())!)).equals(TWO)).toBe(true);

    // A read SAS URL for one blob is shown, copied, and fetches the blob from outside the app.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
    await page.getByTestId('copy-sas').click();
    await page.getByTestId('sas-expiry-1440').click();
    await page.getByTestId('sas-issue').click();
    const url = await page.getByTestId('sas-url').inputValue();
    expect(url).toContain(`/${container}/two.bin?`);
    expect(url).toMatch(/sp=r(&|$)/);
    await expect(page.getByTestId('sas-copied')).toHaveText('Copied to the clipboard');
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(url);
    const fetched = await page.request.get(url);
    expect(fetched.status()).toBe(200);
    expect((await fetched.body()).equals(TWO)).toBe(true);
    await page.getByTestId('sas-dialog').getByRole('button', { name: 'Close' }).click();

    // Files dropped onto the table upload into the open folder.
    const dropped = await page.evaluateHandle('(() => { const d = new DataTransfer(); d.items.add(new File(["dropped\\n"], "dropped.txt")); return d; })()');
    await table(page).dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.getByTestId('upload-status')).toHaveText(/Uploaded 1 file/, { timeout: 30_000 });
    await expect(row(page, 'dropped.txt')).toBeVisible();

    // Deleting a folder deletes everything under it, after a confirmation that says so.
    await row(page, 'results/').click();
    const [folder] = await Promise.all([page.waitForEvent('download'), page.getByTestId('storage-download-start').click()]);
    expect(folder.suggestedFilename()).toMatch(/^results/);
    expect((await readFile((await folder.path())!)).includes(NESTED)).toBe(true);
    await page.getByTestId('blob-list').press('Delete');
    await expect(page.getByTestId('delete-question')).toHaveText(`Delete the folder "results", with every blob under the folders, from ${group}? This cannot be undone.`);
    await page.getByTestId('confirm').click();
    await expect(row(page, 'results/')).toBeHidden();
    await expect(table(page)).toHaveAttribute('data-row-count', '3');
    expect(consoleErrors).toEqual([]);
  });

  test('the task Outputs tab lists uploaded outputs, downloads them, and names a condition that did not match', async ({ app, webHost }) => {
    test.setTimeout(120_000);
    const { page, consoleErrors } = app;
    const suffix = Date.now().toString(36);
    const accountId = await localAccountId(page, webHost.origin);
    const poolId = `data-pool-${suffix}`;
    const jobId = `data-job-${suffix}`;
    const container = `outputs-${suffix}`;
    await createIdlePool(page, webHost.origin, accountId, poolId, 1);
    await callApi(page, webHost.origin, 'jobs.add', { accountId, job: { id: jobId, poolInfo: { poolId } } });
    await callApi(page, webHost.origin, 'storage.createContainer', { accountId, name: container });
    const sas = await callApi(page, webHost.origin, 'storage.sas', { accountId, container, permissions: 'racwl', expiresInMinutes: 60 });
    const destination = (path: string) => ({ container: { containerUrl: sas.url, path } });
    const task = {
      id: 'producer',
      commandLine: "/bin/sh -c 'echo produced > result.txt'",
      outputFiles: [
        { filePattern: '*.txt', destination: destination('run1'), uploadOptions: { uploadCondition: 'taskCompletion' } },
        { filePattern: '*.txt', destination: destination('failed'), uploadOptions: { uploadCondition: 'taskFailure' } },
      ],
    };
    const added = await callApi(page, webHost.origin, 'tasks.add', { accountId, jobId, operationId: `e2e-${suffix}-out`, tasks: [task] });
    expect(added.filter((r) => !r.ok)).toEqual([]);
    await expect.poll(() => taskState(page, webHost.origin, accountId, jobId, 'producer'), { timeout: 60_000 }).toBe('completed');

    await page.goto(`${webHost.origin}/#/jobs/${jobId}/tasks/producer`);
    await page.getByTestId('task-outputs-tab').click();
    const [uploaded, skipped] = [0, 1].map((i) => page.locator(`[data-testid="output-destination"][data-index="${i}"]`));
    await expect(uploaded!.getByTestId('output-blobs')).toContainText('result.txt');
    // The container is shown without its SAS query.
    await expect(uploaded!.getByTestId('output-container')).toContainText(container);
    await expect(uploaded!.getByTestId('output-container')).not.toContainText('sig=');
    await expect(skipped!.getByTestId('output-empty')).toHaveText(/condition taskFailure .* did not match, since the task succeeded/);
    const [download] = await Promise.all([page.waitForEvent('download'), uploaded!.getByTestId('storage-download-start').click()]);
    expect(download.suggestedFilename()).toBe('result.txt');
    expect(await readFile((await download.path())!, 'utf8')).toBe('produced\n');
    expect(consoleErrors).toEqual([]);
  });
});
