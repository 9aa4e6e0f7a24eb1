import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { callApi } from '../support/api';
import { addTasks, createIdlePool, localAccountId, taskState } from '../support/batch-api';
import { screenshots } from '../support/screenshots';

// Tasks run in their `wd` folder on the emulator's nodes, as real processes.
const NEEDLE = 'NEEDLE-far-in-the-file';
const BIG_LINES = 100_000;
const MANY_FILES = 5_000;
const BINARY = Buffer.from([0, 1, 2, 255, 104, 105, 10]);
const ODD_FOLDER = 'odd dir';
const ODD_FILE = 'x y+%#.txt';
const GENERATE = [
  `mkdir -p many thousands "${ODD_FOLDER}"`,
  `(cd thousands && seq -f "f-%05g.txt" 1 ${MANY_FILES} | xargs touch)`,
  'i=1 && while [ $i -le 30 ]; do echo "report $i" > many/report-$i.txt; i=$((i+1)); done',
  'echo summary > many/summary.log',
  `echo "hello from an odd name" > "${ODD_FOLDER}/${ODD_FILE}"`,
  'printf "\\000\\001\\002\\377hi\\n" > data.bin',
  `seq -f "line %07g of the big file with some filler text" 1 ${BIG_LINES} > big.txt`,
  `sed -i "90000a ${NEEDLE}" big.txt`,
  // An SVG with a script: previewed as an image, its markup never enters the page.
  'printf "<svg xmlns=\\047http://www.w3.org/2000/svg\\047 width=\\04720\\047 height=\\04710\\047><script>window.svgRan=1</script><rect width=\\04720\\047 height=\\04710\\047 fill=\\047red\\047/></svg>" > pic.svg',
].join(' && ');

const enc = encodeURIComponent;
const filesUrl = (origin: string, jobId: string, taskId: string, folder: string, file?: string) =>
  `${origin}/#/jobs/${enc(jobId)}/tasks/${enc(taskId)}/files/${folder.split('/').map(enc).join('/')}${file ? `?file=${enc(file)}` : ''}`;

const rows = (page: Page): Locator => page.getByTestId('file-list').locator('[role="row"][data-name]');
// The table is virtualized: it renders only the rows in view, but says how many it holds.
const rowCount = (page: Page): Locator => page.getByTestId('file-table');
const viewer = (page: Page, path: string): Locator => page.locator(`[data-testid="file-viewer"][data-path="${path}"]`);

interface Fixture {
  accountId: string;
  poolId: string;
  jobId: string;
}
let shared: Fixture | undefined;

test.describe.configure({ mode: 'serial' });

test.describe('task and node files over the web host and the local emulator', () => {
  test.beforeAll(async ({ browser, webHost }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    await page.goto(webHost.url);
    const suffix = Date.now().toString(36);
    const accountId = await localAccountId(page, webHost.origin);
    const poolId = `files-pool-${suffix}`;
    const jobId = `files-job-${suffix}`;
    await createIdlePool(page, webHost.origin, accountId, poolId, 2);
    await callApi(page, webHost.origin, 'jobs.add', { accountId, job: { id: jobId, poolInfo: { poolId } } });
    await addTasks(page, webHost.origin, accountId, jobId, [{ id: 'gen', commandLine: `/bin/sh -c '${GENERATE}'` }]);
    await expect.poll(() => taskState(page, webHost.origin, accountId, jobId, 'gen'), { timeout: 60_000 }).toBe('completed');
    await page.close();
    shared = { accountId, poolId, jobId };
  });

  test('follow mode shows lines a running task writes while it runs', async ({ app, webHost }, testInfo) => {
    test.setTimeout(90_000);
    const { page, consoleErrors } = app;
    const { accountId, jobId } = shared!;
    // Each second a "tick-N" line and 40 more, so the output outgrows the screen and the viewer must scroll to follow.
    const ticker = `for i in $(seq 1 20); do echo tick-$i; seq -f "tick-$i row %g" 1 40; sleep 1; done`;
    await addTasks(page, webHost.origin, accountId, jobId, [{ id: 'ticker', commandLine: `/bin/sh -c '${ticker}'` }]);
    await page.goto(`${webHost.origin}/#/jobs/${jobId}/tasks/ticker/logs`);
    const stdout = viewer(page, 'stdout.txt');
    const lines = stdout.getByTestId('viewer-lines');
    await expect(lines).toContainText('tick-', { timeout: 30_000 });
    await expect(stdout.getByTestId('viewer-following')).toBeVisible();
    const ticks = async () => [...((await lines.textContent()) ?? '').matchAll(/tick-(\d+)\b/g)].map((m) => Number(m[1]));
    const first = Math.max(...(await ticks()));
    expect(first, 'the viewer opened while the task still had lines to write').toBeLessThan(14);
    // A line written after the viewer opened shows up while the task is still running: the view keeps to the end.
    await expect(lines).toContainText(`tick-${first + 1} row 40`, { timeout: 5_000 });
    expect(await taskState(page, webHost.origin, accountId, jobId, 'ticker')).not.toBe('completed');

    // Scrolled up, the reader keeps their place while output keeps arriving, and can jump back to the live end.
    await lines.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(stdout.getByTestId('viewer-live-end')).toBeVisible();
    const end = Number(await lines.getAttribute('data-end'));
    await expect.poll(async () => Number(await lines.getAttribute('data-end')), { timeout: 5_000 }).toBeGreaterThan(end);
    expect(await lines.evaluate((el) => el.scrollTop)).toBe(0);
    await stdout.getByTestId('viewer-live-end').click();
    await expect(stdout.getByTestId('viewer-live-end')).toBeHidden();
    await expect.poll(() => lines.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(40);

    // Once the task completes, following stops and the last line is there.
    await expect(stdout.getByTestId('viewer-following')).toBeHidden({ timeout: 30_000 });
    await expect(lines).toContainText('tick-20 row 40');
    expect(consoleErrors).toEqual([]);
    await screenshots(page, testInfo, 'task-logs', lines);
  });

  test('lists a folder, filters by prefix, and opens a file from a deep link after a reload', async ({ app, webHost }) => {
    const { page, consoleErrors } = app;
    const { accountId, poolId, jobId } = shared!;
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd/many'));
    await expect(page.getByRole('heading', { level: 1, name: 'Files of task gen' })).toBeVisible();
    await expect(rowCount(page)).toHaveAttribute('data-row-count', '31');
    await expect(page.getByTestId('file-breadcrumb')).toContainText('many');
    await page.getByTestId('file-filter').fill('report-1');
    await expect(rowCount(page)).toHaveAttribute('data-row-count', '11');
    await page.getByTestId('file-filter').fill('summary');
    await expect(rowCount(page)).toHaveAttribute('data-row-count', '1');
    await rows(page).first().click();
    await expect(page).toHaveURL(/\?file=wd%2Fmany%2Fsummary\.log$/);
    await expect(viewer(page, 'wd/many/summary.log').getByTestId('viewer-lines')).toContainText('summary');

    // A folder and file whose names need encoding survive a reload of their deep link.
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', `wd/${ODD_FOLDER}`, `wd/${ODD_FOLDER}/${ODD_FILE}`));
    await page.reload();
    await expect(page.getByTestId('file-breadcrumb')).toContainText(ODD_FOLDER);
    await expect(rowCount(page)).toHaveAttribute('data-row-count', '1');
    await expect(viewer(page, `wd/${ODD_FOLDER}/${ODD_FILE}`).getByTestId('viewer-lines')).toContainText('hello from an odd name');

    // The tree view lists a folder's entries only when it is expanded.
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd'));
    await page.getByTestId('mode-tree').click();
    const tree = page.getByTestId('file-tree');
    await expect(tree).toHaveAttribute('data-row-count', '6');
    await tree.locator('[role="treeitem"][data-name="wd/many"]').click();
    await expect(tree.locator('[role="treeitem"][data-name="wd/many"]')).toHaveAttribute('aria-expanded', 'true');
    await expect(tree).toHaveAttribute('data-row-count', String(6 + 31));
    await page.getByTestId('mode-table').click();
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', `wd/${ODD_FOLDER}`));

    // The keyboard: Backspace goes up a folder, arrows and Enter open an entry.
    await page.getByTestId('file-list').focus();
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('file-breadcrumb')).not.toContainText(ODD_FOLDER);
    await expect(rows(page).filter({ hasText: 'many' })).toBeVisible();
    const list = page.getByTestId('file-list');
    const selectedName = () => list.evaluate((el) => el.querySelector('[aria-selected="true"]')?.getAttribute('data-name') ?? null);
    for (let i = 0; i < 5 && (await selectedName()) !== 'wd/many'; i++) await page.keyboard.press('ArrowDown');
    await expect(list.locator('[aria-selected="true"]')).toHaveAttribute('data-name', 'wd/many');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('file-breadcrumb')).toContainText('many');
    await expect(rowCount(page)).toHaveAttribute('data-row-count', '31');

    // A node's whole tree browses the same way, from its own route.
    const [node] = await callApi(page, webHost.origin, 'nodes.list', { accountId, poolId });
    await page.goto(`${webHost.origin}/#/pools/${poolId}/nodes/${enc(node!.id)}/files`);
    await expect(page.getByRole('heading', { level: 1, name: `Files of node ${node!.id}` })).toBeVisible();
    await expect(rowCount(page)).not.toHaveAttribute('data-row-count', '0');
    await expect(rows(page).filter({ hasText: 'workitems/' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a folder of 5,000 files pages through the continuation as the list scrolls', async ({ app, webHost }) => {
    const { page, consoleErrors } = app;
    const { jobId } = shared!;
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd/thousands'));
    const table = rowCount(page);
    await expect(table).toHaveAttribute('data-row-count', '1000');
    const list = page.getByTestId('file-list');
    await expect
      .poll(
        async () => {
          await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          return table.getAttribute('data-row-count');
        },
        { timeout: 30_000 },
      )
      .toBe(String(MANY_FILES));
    await expect(page.getByTestId('file-count')).toHaveText(`${MANY_FILES} entries`);
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(rows(page).filter({ hasText: `f-0${MANY_FILES}.txt` })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a downloaded file matches the node file byte for byte', async ({ app, webHost }) => {
    const { page, consoleErrors } = app;
    const { accountId, jobId } = shared!;
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd', 'wd/data.bin'));
    const file = viewer(page, 'wd/data.bin');
    await expect(file.getByTestId('hex-view')).toContainText('00 01 02 ff 68 69 0a');
    const [download] = await Promise.all([page.waitForEvent('download'), file.getByTestId('download-start').click()]);
    expect(download.suggestedFilename()).toBe('data.bin');
    const saved = await readFile((await download.path())!);
    expect(saved.equals(BINARY)).toBe(true);
    const chunk = await callApi(page, webHost.origin, 'files.read', {
      accountId,
      source: { kind: 'task', jobId, taskId: 'gen' },
      path: 'wd/data.bin',
      offset: 0,
      length: 1024,
    });
    expect(saved.equals(Buffer.from(chunk.base64 ?? '', 'base64'))).toBe(true);

    // An SVG shows as an <img> of a Blob: decoded as an image, never inserted as markup, its script never run.
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd', 'wd/pic.svg'));
    const image = viewer(page, 'wd/pic.svg').getByTestId('image-preview');
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(20);
    await expect(page.locator('rect[fill="red"]')).toHaveCount(0);
    expect(await page.evaluate(() => (globalThis as { svgRan?: number }).svgRan)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });

  test('a large file opens at its first screen, End shows its last line, and search finds text far in', async ({ app, webHost }, testInfo) => {
    const { page, consoleErrors } = app;
    const { jobId } = shared!;
    const requested: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/files.read')) requested.push((request.postDataJSON() as { length: number }).length);
    });
    await page.goto(filesUrl(webHost.origin, jobId, 'gen', 'wd'));
    await rows(page).filter({ hasText: 'big.txt' }).click();
    const big = viewer(page, 'wd/big.txt');
    const lines = big.getByTestId('viewer-lines');
    await expect(lines).toContainText('line 0000001 of the big file');
    await expect(big.getByTestId('line-number').first()).toHaveText('1');

    // Scrolling near the end of the loaded rows loads the next ones, numbered on.
    const loaded = Number(await lines.getAttribute('data-row-count'));
    await lines.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(async () => Number(await lines.getAttribute('data-row-count'))).toBeGreaterThan(loaded);
    await expect(big.getByTestId('line-number').last()).not.toHaveText('');

    await big.getByTestId('viewer-end').click();
    await expect(lines).toContainText(`line ${String(BIG_LINES).padStart(7, '0')} of the big file`);
    // Scrolling to the top of a span that starts mid-file loads earlier rows above without moving what is on screen.
    const start = Number(await lines.getAttribute('data-start'));
    expect(start).toBeGreaterThan(0);
    await lines.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(async () => Number(await lines.getAttribute('data-start'))).toBeLessThan(start);
    const topOffset = () =>
      lines.evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        const row = [...el.querySelectorAll('[data-offset]')].find((r) => r.getBoundingClientRect().bottom > top + 1);
        return Number(row?.getAttribute('data-offset'));
      });
    await expect.poll(topOffset).toBe(start);

    // "Go to" a percentage jumps there.
    await big.getByTestId('viewer-goto').fill('50%');
    await big.getByTestId('viewer-goto').press('Enter');
    await expect(lines).toContainText(/line 00(49|50)\d{3} of the big file/);
    const middle = Number(await lines.getAttribute('data-start'));
    expect(middle).toBeGreaterThan(2_000_000);
    expect(middle).toBeLessThan(2_600_000);

    await big.getByTestId('viewer-end').click();
    await expect(lines).toContainText(`line ${String(BIG_LINES).padStart(7, '0')} of the big file`);
    // Loaded from the middle, the span cannot know its line numbers, and shows none.
    await expect(big.getByText('Line numbers (unknown here)')).toBeVisible();
    await expect(big.getByTestId('line-number')).toHaveCount(0);

    await big.getByTestId('viewer-start').click();
    await expect(lines).toContainText('line 0000001 of the big file');
    await big.getByTestId('viewer-search').fill(NEEDLE);
    await big.getByTestId('viewer-search').press('Enter');
    await expect(big.getByTestId('current-match')).toHaveText(NEEDLE, { timeout: 20_000 });
    // Shift+Enter searches backward, past the start of the loaded rows.
    await big.getByTestId('viewer-search').fill('LINE 0000003 ');
    await big.getByTestId('viewer-search').press('Shift+Enter');
    await expect(big.getByTestId('current-match')).toHaveText('line 0000003 ', { timeout: 20_000 });
    await expect(big.getByTestId('line-number').first()).toHaveText('1');
    // The ~4.9 MB file was never read whole: nine jumps and scrolls asked for about a screen (256 KiB) each.
    expect(requested.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(9 * 256 * 1024);
    expect(consoleErrors).toEqual([]);
    await screenshots(page, testInfo, 'file-browser', lines);
  });
});
