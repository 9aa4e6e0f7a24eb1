import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { screenshots } from '../support/screenshots';

// Tasks run as real processes on a 2-node emulator pool; a few seconds each plus scheduling.
const TASKS_DONE = { timeout: 60_000 };

const FAILING = ['fail-1', 'fail-2', 'fail-3'];
const SUCCEEDING = ['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6'];

/** A marker in the page's globals: it survives in-app navigation and polling, and disappears on any reload. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { __jobsNoReload?: boolean }).__jobsNoReload = true;
  });
}

async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __jobsNoReload?: boolean }).__jobsNoReload === true);
}

/** The task ids in the loaded rows of the task table. */
async function taskRowIds(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('tasks-table').locator('[role="row"][data-row-id]').evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-row-id') ?? ''),
  );
  return ids.sort();
}

async function filterTasks(page: Page, state: string): Promise<void> {
  await page.getByTestId('task-state-filter').selectOption(state);
  // The filter lives in the URL, so a reload or a bookmark keeps it.
  if (state === 'all') await expect.poll(() => page.url()).not.toContain('taskState');
  else await expect(page).toHaveURL(new RegExp(`taskState=${state}`));
}

function taskFile(): Buffer {
  const tasks = [
    ...FAILING.map((id) => ({ id, commandLine: '/bin/sh -c "exit 1"' })),
    ...SUCCEEDING.map((id) => ({ id, commandLine: '/bin/sh -c "sleep 1"', environmentSettings: [{ name: 'KIND', value: 'ok' }] })),
  ];
  return Buffer.from(JSON.stringify(tasks, null, 2));
}

test.describe('jobs and tasks over the web host and the local emulator', () => {
  test('create a job, bulk-add tasks from a file, watch progress live, filter failures, reactivate, open a task', async ({ app }, testInfo) => {
    test.setTimeout(300_000);
    const { page, consoleErrors } = app;
    const suffix = Date.now().toString(36);
    const poolId = `jobs-pool-${suffix}`;
    const jobId = `e2e-job-${suffix}`;

    // A pool of 2 nodes through the Pools form.
    await page.getByRole('navigation').getByRole('link', { name: 'Pools' }).click();
    await page.getByRole('link', { name: 'Create pool' }).click();
    await page.getByLabel('Pool ID').fill(poolId);
    await page.getByLabel('Dedicated nodes').fill('2');
    await page.getByRole('button', { name: 'Create pool' }).click();
    await expect(page).toHaveURL(new RegExp(`#/pools/${poolId}$`));
    await expect(page.getByTestId('node-heatmap')).toHaveAttribute('data-states', 'idle:2', { timeout: 30_000 });

    // A job through the Create job form; a missing pool id is caught before anything is sent.
    await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await page.getByTestId('create-job').click();
    await expect(page).toHaveURL(/#\/jobs\/new$/);
    await page.getByTestId('job-id').fill(jobId);
    await page.getByTestId('create-job-submit').click();
    await expect(page.getByText('The pool id is required')).toBeVisible();
    await page.getByTestId('job-pool').fill(poolId);
    await page.getByTestId('create-job-submit').click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Job ${jobId}` })).toBeVisible();
    await expect(page.getByTestId('count-total')).toHaveText('0');
    await markPage(page);

    // Bulk add from a JSON file: a bad file is refused naming its first bad entry, then the real one goes in.
    await page.getByTestId('add-tasks').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('tab-file').click();
    await dialog.getByTestId('task-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ id: 'a', commandLine: 'x' }, { id: 'b' }])),
    });
    await expect(dialog.getByTestId('task-file-error')).toContainText('Entry 2 (index 1), id "b", has no "commandLine"');
    await expect(dialog.getByTestId('add-tasks-submit')).toBeDisabled();
    await dialog.getByTestId('task-file').setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: taskFile() });
    await expect(dialog.getByTestId('task-file-ok')).toContainText('9 tasks ready to add');
    await dialog.getByTestId('add-tasks-submit').click();
    await expect(dialog.getByTestId('bulk-summary')).toHaveText('9 of 9 succeeded');
    await expect(dialog.getByTestId('bulk-progress')).toBeVisible();
    await expect(dialog.getByTestId('bulk-results').locator('[role="row"][data-row-id]').first()).toBeVisible();
    await dialog.getByTestId('add-tasks-close').click();
    await expect(dialog).toBeHidden();

    // Counts come from getTaskCounts and move on their own, without a reload.
    await expect(page.getByTestId('count-total')).toHaveText('9', { timeout: 20_000 });
    await page.getByRole('link', { name: '← Jobs' }).click();
    const row = page.getByTestId('jobs-table').locator(`[data-row-id="${jobId}"]`);
    await expect(row).toBeVisible();
    const bar = row.getByTestId('job-progress');
    await expect(bar).toHaveAttribute('data-failed', '3', TASKS_DONE);
    await expect(bar).toHaveAttribute('data-succeeded', '6', TASKS_DONE);
    await expect(bar).toHaveAttribute('data-active', '0');
    await expect(bar.locator('[data-segment="failed"]')).toBeVisible();
    expect(await stillSamePage(page)).toBe(true);

    // The state filter and the id search of the list.
    await page.getByTestId('job-search').fill(`job-${suffix}`);
    await expect(row).toBeVisible();
    await page.getByTestId('job-search').fill('no-such-job');
    await expect(row).toBeHidden();
    await page.getByTestId('job-search').fill('');
    await page.getByTestId('job-state-filter').selectOption('completed');
    await expect(row).toBeHidden();
    await page.getByTestId('job-state-filter').selectOption('active');
    await expect(row).toBeVisible();
    // `/` jumps to the search box, except while typing in a field.
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).click();
    await page.keyboard.press('/');
    await expect(page.getByTestId('job-search')).toBeFocused();
    await page.keyboard.press('/');
    await expect(page.getByTestId('job-search')).toHaveValue('/');
    await page.getByTestId('job-search').fill('');
    await screenshots(page, testInfo, 'jobs-list', row.getByTestId('job-progress'));

    // The job page: counts, and the failed filter shows exactly the failing tasks.
    await row.getByTestId('job-link').click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}$`));
    await expect(page.getByTestId('count-failed')).toHaveText('3');
    await expect(page.getByTestId('count-succeeded')).toHaveText('6');
    await filterTasks(page, 'failed');
    await expect.poll(() => taskRowIds(page)).toEqual(FAILING);
    await filterTasks(page, 'succeeded');
    await expect.poll(() => taskRowIds(page)).toEqual(SUCCEEDING);
    await page.getByTestId('task-search').fill('ok-1');
    await expect.poll(() => taskRowIds(page)).toEqual(['ok-1']);
    await page.getByTestId('task-search').fill('');
    // Exit code and sort run in main's task index over the whole job; both live in the URL.
    await filterTasks(page, 'all');
    await page.getByTestId('task-exit-filter').fill('1');
    await expect.poll(() => taskRowIds(page)).toEqual(FAILING);
    await page.getByTestId('task-exit-filter').fill('');
    await page.getByTestId('sort-id').click();
    await page.getByTestId('sort-id').click();
    await expect(page).toHaveURL(/taskSort=id%3Adesc|taskSort=id:desc/);
    const idHeader = page.getByTestId('tasks-table').getByRole('columnheader').filter({ has: page.getByTestId('sort-id') });
    await expect(idHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('tasks-table').locator('[aria-rowindex="2"]')).toHaveAttribute('data-row-id', 'ok-6');
    await expect(page.getByTestId('task-index-status')).toContainText('9 tasks · synced');
    await filterTasks(page, 'failed');
    await expect.poll(() => taskRowIds(page)).toEqual(FAILING);
    await screenshots(page, testInfo, 'job-page', page.locator('[data-state="active"]').first());

    // Disable the job (wait for running tasks) so a reactivated task stays visibly active instead of failing again at once.
    await page.getByTestId('job-disable').click();
    await page.getByRole('alertdialog').getByRole('radio', { name: /Wait/ }).check();
    await page.getByRole('alertdialog').getByTestId('confirm').click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.locator('[data-state="disabled"]').first()).toBeVisible({ timeout: 20_000 });

    // Reactivate fail-1 through the multi-select bulk action; the others stay selected out.
    await expect.poll(() => taskRowIds(page)).toEqual(FAILING);
    const tasks = page.getByTestId('tasks-table');
    await tasks.locator('[data-row-id="fail-1"]').getByTestId('select-task').click();
    await expect(page.getByTestId('task-count')).toContainText('1 selected');
    await page.getByTestId('bulk-reactivate').click();
    const bulk = page.getByRole('alertdialog');
    await bulk.getByTestId('confirm').click();
    await expect(bulk.getByTestId('bulk-summary')).toHaveText('1 of 1 succeeded');
    await bulk.getByTestId('bulk-close').click();
    await expect(bulk).toBeHidden();
    // The index sees the change on its next delta pass and tells the list.
    await expect.poll(() => taskRowIds(page), { timeout: 20_000 }).toEqual(['fail-2', 'fail-3']);
    await filterTasks(page, 'active');
    await expect.poll(() => taskRowIds(page), { timeout: 20_000 }).toEqual(['fail-1']);
    await expect(tasks.locator('[data-row-id="fail-1"]').getByTestId('state')).toHaveText('active');
    await expect(page.getByTestId('count-active')).toHaveText('1', { timeout: 20_000 });

    // Enabling the job runs it again: it fails again, so the failed count returns to 3.
    await page.getByTestId('job-enable').click();
    await page.getByRole('alertdialog').getByTestId('confirm').click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.getByTestId('count-failed')).toHaveText('3', TASKS_DONE);
    await expect(page.getByTestId('count-active')).toHaveText('0');

    // Shift-click selects a range of the loaded rows.
    await filterTasks(page, 'all');
    await expect.poll(async () => (await taskRowIds(page)).length).toBe(9);
    await tasks.locator('[data-row-id="fail-1"]').getByTestId('select-task').click();
    await tasks.locator('[data-row-id="fail-3"]').getByTestId('select-task').click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('task-count')).toContainText('3 selected');
    await page.getByRole('button', { name: 'Clear selection' }).click();

    // The task page: exit code, failure info and the node it ran on.
    await tasks.locator('[data-row-id="fail-2"]').getByTestId('task-link').click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/tasks/fail-2$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Task fail-2' })).toBeVisible();
    await expect(page.getByTestId('task-exit-code')).toHaveText('1');
    const failure = page.getByTestId('task-failure');
    await expect(failure).toContainText('userError');
    await expect(failure).toContainText('FailureExitCode');
    await expect(page.getByTestId('task-command-line')).toHaveText('/bin/sh -c "exit 1"');
    await expect(page.getByTestId('task-node-link')).toHaveAttribute('href', new RegExp(`^#/pools/${poolId}/nodes/`));
    await expect(page.getByTestId('task-timeline')).toContainText('Ended');
    await screenshots(page, testInfo, 'task-page', failure);

    // Reload keeps the task page (hash route), and back returns to the job.
    await page.reload();
    await expect(page.getByTestId('task-exit-code')).toHaveText('1');
    await page.getByRole('link', { name: `← Job ${jobId}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Job ${jobId}` })).toBeVisible();

    // Terminating completes the job; main's sampler notices and, under the web host, the page shows a toast
    // whose link opens the job from anywhere in the app.
    await page.getByTestId('job-terminate').click();
    await page.getByRole('alertdialog').getByTestId('confirm').click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.locator('[data-state="completed"]').first()).toBeVisible({ timeout: 20_000 });
    await page.getByRole('link', { name: '← Jobs' }).click();
    const toast = page.getByTestId('job-notification').filter({ hasText: `${jobId} completed` });
    await expect(toast).toBeVisible({ timeout: 40_000 });
    await toast.getByRole('button', { name: 'Open job' }).click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}$`));

    // Delete, confirmed, returns to the list.
    await page.getByTestId('job-delete').click();
    await page.getByRole('alertdialog').getByTestId('confirm').click();
    await expect(page).toHaveURL(/#\/jobs$/);

    expect(consoleErrors).toEqual([]);
  });

  test('a job of 1,200 tasks: added in collections with progress, indexed in main, read in windows as the list scrolls', async ({ app }) => {
    test.setTimeout(180_000);
    const { page, consoleErrors } = app;
    const jobId = `e2e-big-${Date.now().toString(36)}`;
    const count = 1_200;

    // Created from JSON mode. Its pool has no nodes, so the tasks stay active and no process runs.
    await page.goto(page.url().replace(/#.*$/, '#/jobs/new'));
    await page.getByTestId('job-id').fill(jobId);
    await page.getByTestId('job-pool').fill('no-nodes-pool');
    await page.getByTestId('job-json-mode').click();
    await expect(page.getByTestId('job-json')).toHaveValue(new RegExp(`"id": "${jobId}"`));
    await page.getByTestId('job-json').fill(JSON.stringify({ id: jobId, poolInfo: { poolId: 'no-nodes-pool' }, priority: 5 }));
    await page.getByTestId('create-job-submit').click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}$`));
    await expect(page.getByText('Priority 5')).toBeVisible();

    const tasks = Array.from({ length: count }, (_, i) => ({ id: `t-${String(i).padStart(5, '0')}`, commandLine: '/bin/sh -c "true"' }));
    await page.getByTestId('add-tasks').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('tab-file').click();
    await dialog.getByTestId('task-file').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) });
    await dialog.getByTestId('add-tasks-submit').click();
    await expect(dialog.getByTestId('bulk-summary')).toHaveText(`${count} of ${count} succeeded`, { timeout: 60_000 });
    await dialog.getByTestId('add-tasks-close').click();

    // The list scrolls over every task of the index at once; rows arrive in windows near the screen.
    await expect(page.getByTestId('count-active')).toHaveText(String(count), { timeout: 20_000 });
    const taskCount = page.getByTestId('task-count');
    await expect(taskCount).toHaveText('1,200 tasks', { timeout: 20_000 });
    await expect(page.getByTestId('tasks-table')).toHaveAttribute('data-row-count', String(count));
    const body = page.getByTestId('tasks-table').locator('[role="rowgroup"]').nth(1);
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByTestId('tasks-table').locator(`[data-row-id="t-${String(count - 1).padStart(5, '0')}"]`)).toBeVisible();
    // Only the rows in view (plus a margin) are in the DOM.
    expect(await page.getByTestId('tasks-table').locator('[role="row"][aria-rowindex]').count()).toBeLessThan(60);

    // Select all takes the loaded rows: at the end of the list, the last window of 200.
    await page.getByTestId('select-all').click();
    await expect(taskCount).toContainText('200 selected');
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect(taskCount).not.toContainText('selected');

    // Sorting is over the whole job: descending ids put the last task first, and the list starts at the top again.
    await page.getByTestId('sort-id').click();
    await page.getByTestId('sort-id').click();
    await expect(page.getByTestId('tasks-table').locator('[aria-rowindex="2"]')).toHaveAttribute('data-row-id', `t-${String(count - 1).padStart(5, '0')}`);
    // "Contains" too: t-00119 and t-01190 … t-01199; it survives a reload.
    await page.getByTestId('task-search').fill('0119');
    await expect(taskCount).toHaveText('11 tasks match');
    await page.reload();
    await expect(page.getByTestId('task-search')).toHaveValue('0119');
    await expect(taskCount).toHaveText('11 tasks match');

    await page.getByTestId('job-delete').click();
    await page.getByRole('alertdialog').getByTestId('confirm').click();
    await expect(page).toHaveURL(/#\/jobs$/);
    expect(consoleErrors).toEqual([]);
  });
});
