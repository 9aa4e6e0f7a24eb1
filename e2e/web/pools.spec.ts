import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';
import { screenshots } from '../support/screenshots';

// The sampler writes a point every 10 s; a chart change needs up to two samples plus a 10 s history poll.
const SAMPLED = { timeout: 45_000 };

/** The values of a chart's newest point, from its `data-latest` ("key:value,…"). */
async function latestPoint(chart: Locator): Promise<Record<string, number>> {
  const text = (await chart.getAttribute('data-latest')) ?? '';
  return Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [key, value] = pair.split(':');
        return [key ?? '', Number(value)];
      }),
  );
}

test.describe('pools and nodes over the web host and the local emulator', () => {
  test('create a pool, watch its nodes, open a node, resize to 0, and evaluate a bad formula', async ({ app }, testInfo) => {
    test.setTimeout(240_000);
    const { page, consoleErrors } = app;
    const poolId = `e2e-${Date.now().toString(36)}`;

    await page.getByRole('navigation').getByRole('link', { name: 'Pools' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pools' })).toBeVisible();
    await page.getByRole('link', { name: 'Create pool' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create pool' })).toBeVisible();

    // A client-side check names the bad field before anything is sent.
    await page.getByRole('button', { name: 'Create pool' }).click();
    await expect(page.getByText('Pool ID is required')).toBeVisible();

    await page.getByLabel('Pool ID').fill(poolId);
    await page.getByLabel('Dedicated nodes').fill('3');
    await page.getByRole('button', { name: 'Create pool' }).click();
    await expect(page).toHaveURL(new RegExp(`#/pools/${poolId}$`));

    // The heatmap's model is exposed on the canvas: three nodes, all idle once they have started.
    const heatmap = page.getByTestId('node-heatmap');
    await expect(heatmap).toHaveAttribute('data-node-count', '3', { timeout: 30_000 });
    await expect(heatmap).toHaveAttribute('data-states', 'idle:3', { timeout: 30_000 });

    // The node-count chart picks the idle nodes up from the sampler.
    const nodeChart = page.getByRole('group', { name: 'Nodes by state over time' });
    await expect.poll(async () => (await latestPoint(nodeChart)).idle, SAMPLED).toBe(3);

    // The list shows the pool with its node counts.
    await page.goto(page.url().replace(/#.*$/, '#/pools'));
    const row = page.locator(`[data-row-id="${poolId}"]`);
    await expect(row).toBeVisible();
    await expect(row.locator('[data-counts]')).toHaveAttribute('data-counts', 'idle:3');
    await screenshots(page, testInfo, 'pools-list', row);

    await row.getByRole('link', { name: poolId }).click();
    await expect(heatmap).toHaveAttribute('data-states', 'idle:3');
    await screenshots(page, testInfo, 'pool-page', heatmap);

    // Open the first node from the heatmap, by mouse, then come back and open one by keyboard.
    await heatmap.click({ position: { x: 4, y: 4 } });
    await expect(page).toHaveURL(new RegExp(`#/pools/${poolId}/nodes/`));
    await expect(page.getByTestId('node-state')).toHaveText('Idle');
    await screenshots(page, testInfo, 'node-page', page.getByTestId('node-state'));
    await page.goBack();
    await heatmap.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const highlighted = await heatmap.getAttribute('data-highlight');
    expect(highlighted).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/pools/${poolId}/nodes/${highlighted}$`));
    await expect(page.getByTestId('node-id')).toHaveText(highlighted ?? '');
    await expect(page.getByTestId('node-state')).toHaveText('Idle');
    await page.goBack();

    // The node list filters by state; the JSON view shows the pool as the service returned it.
    await page.getByRole('tab', { name: 'Nodes' }).click();
    const nodesTable = page.getByTestId('nodes-table');
    await expect(nodesTable).toHaveAttribute('data-row-count', '3');
    const stateFilter = page.getByRole('combobox', { name: 'Filter nodes by state' });
    await stateFilter.click();
    await page.getByRole('option', { name: 'Offline' }).click();
    await expect(nodesTable).toHaveAttribute('data-row-count', '0');
    await stateFilter.click();
    await page.getByRole('option', { name: 'Idle' }).click();
    await expect(nodesTable).toHaveAttribute('data-row-count', '3');
    await page.getByRole('tab', { name: 'JSON' }).click();
    await expect(page.getByTestId('json-view')).toContainText(`"id": "${poolId}"`);
    await page.getByRole('tab', { name: 'Overview' }).click();

    // Resize to 0 through the dialog; the heatmap empties and the chart shows the drop.
    await page.getByRole('button', { name: 'Resize…' }).click();
    await page.getByLabel('Target dedicated nodes').fill('0');
    await page.getByRole('dialog').getByRole('button', { name: 'Resize' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(heatmap).toHaveAttribute('data-node-count', '0', { timeout: 30_000 });
    await expect
      .poll(async () => {
        const latest = await latestPoint(nodeChart);
        return Object.keys(latest).length > 0 && Object.values(latest).every((v) => v === 0);
      }, SAMPLED)
      .toBe(true);
    expect(Number(await nodeChart.getAttribute('data-point-count'))).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('allocation-state')).toHaveText('steady', { timeout: 30_000 });

    // Autoscale: enable with a valid formula, then Evaluate a broken one and see the service's error.
    await page.getByRole('tab', { name: 'Autoscale' }).click();
    const formula = page.getByRole('textbox', { name: 'Autoscale formula' });
    await formula.fill('$TargetDedicatedNodes = 0;');
    await page.getByRole('button', { name: 'Enable autoscale' }).click();
    await expect(page.getByRole('heading', { name: 'Autoscale is on' })).toBeVisible({ timeout: 15_000 });
    await formula.fill('$TargetDedicatedNodes = ;');
    await page.getByTestId('autoscale-evaluate').click();
    const evaluation = page.getByTestId('autoscale-evaluation');
    await expect(evaluation).toBeVisible();
    await expect(evaluation).toContainText(/AutoScalingFormula\w*Error/);

    // A valid formula evaluates to the service's results.
    await formula.fill('$TargetDedicatedNodes = 2;');
    await page.getByTestId('autoscale-evaluate').click();
    await expect(evaluation).toContainText('$TargetDedicatedNodes');
    await evaluation.scrollIntoViewIfNeeded();
    const path = testInfo.outputPath('pool-autoscale-light.png');
    await page.screenshot({ path });
    await testInfo.attach('pool-autoscale-light', { path, contentType: 'image/png' });

    expect(consoleErrors).toEqual([]);
  });
});
