import { expect, test } from '../fixtures';
import { callApi, poolSpec, waitForJobTasks } from '../support/api';
import { screenshots } from '../support/screenshots';

const ACCOUNT = 'local';

test.describe('failed-task debugging over the web host and the local emulator', () => {
  test('failure groups count a job with mixed exit codes; a failed task shows its stderr tail; a group retries', async ({ app, webHost }, testInfo) => {
    test.setTimeout(180_000);
    const { page, consoleErrors } = app;
    const suffix = Date.now().toString(36);
    const poolId = `fail-pool-${suffix}`;
    const jobId = `fail-job-${suffix}`;
    await callApi(page, webHost.origin, 'pools.add', { accountId: ACCOUNT, pool: poolSpec(poolId, 2) });
    await callApi(page, webHost.origin, 'jobs.add', { accountId: ACCOUNT, job: { id: jobId, poolInfo: { poolId } } });
    const exits = [1, 1, 1, 2, 2, 0, 0];
    await callApi(page, webHost.origin, 'tasks.add', {
      accountId: ACCOUNT,
      jobId,
      operationId: `seed-${suffix}`,
      tasks: exits.map((code, i) => ({ id: `t${i}`, commandLine: `/bin/sh -c "echo why-${i}-exit-${code} >&2; exit ${code}"` })),
    });
    await waitForJobTasks(page, webHost.origin, jobId, exits.length);

    await page.goto(`${webHost.origin}/#/jobs/${jobId}?tab=failures`);
    await expect(page.getByTestId('failed-total')).toHaveText('5 failed tasks');
    const groups = page.getByTestId('failure-groups');
    await expect(groups.getByTestId('group-count')).toHaveText(['3', '2']);
    await expect(groups.getByTestId('pick-group')).toHaveText(['Exit code 1 · FailureExitCode (userError)', 'Exit code 2 · FailureExitCode (userError)']);
    // The first group is shown with its sample task's stderr, without another click.
    const detail = page.getByTestId('failure-group-detail');
    await expect(detail).toContainText(/why-[012]-exit-1/);
    await groups.getByTestId('pick-group').nth(1).click();
    await expect(detail).toContainText(/why-[34]-exit-2/);
    await screenshots(page, testInfo, 'job-failures', detail.getByTestId('tail-lines'));

    await page.getByRole('tab', { name: /By node/ }).click();
    const perNode = await page.getByTestId('failure-nodes').getByTestId('node-count').allTextContents();
    expect(perNode.reduce((sum, text) => sum + Number(/^(\d+)/.exec(text)?.[1] ?? 0), 0)).toBe(5);

    // A failed task's own page shows the tail of its stderr directly.
    await page.goto(`${webHost.origin}/#/jobs/${jobId}/tasks/t3`);
    await expect(page.getByTestId('task-exit-code')).toHaveText('2');
    await expect(page.getByTestId('file-tail').getByTestId('tail-lines')).toHaveText('why-3-exit-2');

    // "Retry all in group" reactivates exactly the group's tasks, with the outcome shown.
    await page.goto(`${webHost.origin}/#/jobs/${jobId}?tab=failures`);
    await page.getByTestId('failure-groups').getByTestId('pick-group').nth(1).click();
    await page.getByTestId('retry-group').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reactivate' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('2 of 2 succeeded');
    expect(consoleErrors).toEqual([]);
  });

  test('a pool lists nodes whose start task failed, with the tail of startup/stderr.txt', async ({ app, webHost }, testInfo) => {
    test.setTimeout(120_000);
    const { page, consoleErrors } = app;
    const poolId = `start-fail-${Date.now().toString(36)}`;
    await callApi(page, webHost.origin, 'pools.add', {
      accountId: ACCOUNT,
      pool: poolSpec(poolId, 2, { commandLine: '/bin/sh -c "echo cannot-mount-share >&2; exit 7"' }),
    });
    await page.goto(`${webHost.origin}/#/pools/${poolId}`);
    const problems = page.getByTestId('problem-nodes');
    await expect(problems.getByTestId('problem-node')).toHaveCount(2, { timeout: 60_000 });
    await expect(problems).toContainText('cannot-mount-share');
    await screenshots(page, testInfo, 'pool-problem-nodes', problems.getByTestId('tail-lines'));
    await expect(page.getByTestId('reboot-selected')).toBeDisabled();
    await problems.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByTestId('reboot-selected').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reboot' }).click();
    await expect(page.getByTestId('problem-action-result')).toHaveText('2 of 2 succeeded');
    expect(consoleErrors).toEqual([]);
  });
});
