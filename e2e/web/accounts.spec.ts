import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { closedPort, createPool, localEmulatorKey, randomKey, startTestEmulator, type TestEmulator } from '../support/emulator';
import { SecretsRecorder, findLeaks } from '../support/secrets-recorder';

// One page for the whole spec, so the recorder sees every response and event from first load to last check.
test.describe.configure({ mode: 'serial' });

const POOL_ID = 'e2e-existing-pool';
const DISPLAY_NAME = 'Second emulator';
const EDITED_NAME = 'Second emulator (renamed)';

let page: Page;
let recorder: SecretsRecorder;
let second: TestEmulator;
const wrongKey = randomKey();

function accountsTable(): Locator {
  return page.getByTestId('accounts-table');
}

function row(displayName: string): Locator {
  return page.getByTestId('account-row').filter({ has: page.getByRole('link', { name: displayName, exact: true }) });
}

async function openAccounts(): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(row('Local emulator')).toBeVisible();
}

/** Opens the add dialog and fills it in; returns the dialog. */
async function fillAddDialog(values: { displayName: string; accountName: string; url: string; key: string }): Promise<Locator> {
  await page.getByRole('button', { name: 'Add shared-key account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a shared-key account' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Display name/).fill(values.displayName);
  await dialog.getByLabel(/^Account name/).fill(values.accountName);
  await dialog.getByLabel(/^Account URL/).fill(values.url);
  await dialog.getByLabel(/^Key/).fill(values.key);
  return dialog;
}

/** Presses "Check now" and waits for a new check (a later checkedAt) that found the account connected. */
async function checkNow(displayName: string): Promise<void> {
  const status = row(displayName).getByTestId('account-status');
  const before = (await status.getAttribute('data-checked-at')) ?? '';
  await row(displayName).getByRole('button', { name: 'Check now' }).click();
  await expect(status).not.toHaveAttribute('data-checked-at', before);
  await expect(status).toHaveAttribute('data-status', 'connected');
}

async function expectRefused(dialog: Locator, message: RegExp, displayName: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Test and add' }).click();
  const error = dialog.getByTestId('account-form-error');
  await expect(error).toContainText(message);
  // The dialog stays open with what was typed, and nothing was saved.
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Display name/)).toHaveValue(displayName);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(accountsTable()).not.toContainText(displayName);
}

test.beforeAll(async ({ browser, webHost }) => {
  second = await startTestEmulator();
  await createPool(second, POOL_ID);
  page = await browser.newPage();
  recorder = new SecretsRecorder();
  await recorder.attach(page);
  await page.goto(webHost.url);
  await expect(page.getByTestId('status-bar')).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await second?.stop();
});

test('a wrong key is refused with AuthenticationFailed and nothing is saved, even after a reload', async () => {
  await openAccounts();
  const dialog = await fillAddDialog({ displayName: DISPLAY_NAME, accountName: second.account, url: second.url, key: wrongKey });
  await dialog.getByRole('button', { name: 'Test and add' }).click();
  const error = dialog.getByTestId('account-form-error');
  await expect(error).toContainText('AuthenticationFailed');
  await expect(error).toContainText(/key/i);
  await expect(dialog).toBeVisible();
  for (const [label, value] of [
    [/^Display name/, DISPLAY_NAME],
    [/^Account name/, second.account],
    [/^Account URL/, second.url],
    [/^Key/, wrongKey],
  ] as const) {
    await expect(dialog.getByLabel(label)).toHaveValue(value);
  }
  await expect(dialog.getByLabel(/^Key/)).toHaveAttribute('type', 'password');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(accountsTable()).not.toContainText(DISPLAY_NAME);

  await page.reload();
  await expect(row('Local emulator')).toBeVisible();
  await expect(accountsTable()).not.toContainText(DISPLAY_NAME);
  await expect(accountsTable()).not.toContainText(second.url);
});

test('a malformed URL and a refused connection are refused with their messages', async () => {
  await openAccounts();
  const malformed = await fillAddDialog({ displayName: 'Malformed', accountName: 'malformed', url: 'batch account please', key: randomKey() });
  await expectRefused(malformed, /MalformedUrl|Malformed account URL/, 'Malformed');

  const port = await closedPort();
  const refused = await fillAddDialog({ displayName: 'Nobody home', accountName: 'nobody', url: `http://127.0.0.1:${port}`, key: randomKey() });
  await expectRefused(refused, /ConnectionRefused|Connection refused/, 'Nobody home');
});

test('the right key is saved, shows connected, and its dashboard shows the pool made beforehand', async () => {
  await openAccounts();
  const dialog = await fillAddDialog({ displayName: DISPLAY_NAME, accountName: second.account, url: second.url, key: second.key });
  await dialog.getByRole('button', { name: 'Test and add' }).click();
  await expect(dialog).toBeHidden();
  const added = row(DISPLAY_NAME);
  await expect(added.getByTestId('account-status')).toHaveAttribute('data-status', 'connected');
  await expect(added.getByTestId('account-status')).toContainText('Connected');

  await page.reload();
  await expect(row(DISPLAY_NAME)).toBeVisible();

  await row(DISPLAY_NAME).getByRole('link', { name: DISPLAY_NAME, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: DISPLAY_NAME })).toBeVisible();
  await expect(page.getByTestId('dashboard-pool').filter({ hasText: POOL_ID })).toBeVisible();
  await expect(page.getByTestId('dashboard-pools')).not.toContainText('sample-pool');

  // The switcher offers the new account too.
  await page.getByTestId('account-switcher').click();
  await expect(page.getByRole('option', { name: DISPLAY_NAME })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('favourites come first, "Check now" re-tests, and an edit keeps the stored key when it is left empty', async () => {
  await openAccounts();
  const rows = page.getByTestId('account-row');
  const star = (name: string) => row(name).getByRole('button', { name: `Favourite: ${name}` });
  await expect(rows.first()).toContainText('Local emulator');
  await star(DISPLAY_NAME).click();
  await expect(star(DISPLAY_NAME)).toHaveAttribute('aria-pressed', 'true');
  await star('Local emulator').click();
  await expect(star('Local emulator')).toHaveAttribute('aria-pressed', 'false');
  await expect(rows.first()).toContainText(DISPLAY_NAME);
  await star('Local emulator').click();
  await expect(star('Local emulator')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.first()).toContainText('Local emulator');

  await checkNow(DISPLAY_NAME);

  await row(DISPLAY_NAME).getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${DISPLAY_NAME}` });
  await expect(dialog.getByLabel(/^Account URL/)).toHaveValue(second.url);
  await expect(dialog.getByLabel(/^Key/)).toHaveValue('');
  await dialog.getByLabel(/^Display name/).fill(EDITED_NAME);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(EDITED_NAME)).toBeVisible();
  // The key kept in main still works after the edit.
  await checkNow(EDITED_NAME);
});

test('removing asks first, and the local emulator can be neither edited nor removed', async () => {
  await openAccounts();
  await expect(row('Local emulator').getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(row('Local emulator').getByRole('button', { name: 'Remove' })).toHaveCount(0);

  await row(EDITED_NAME).getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${EDITED_NAME}?` });
  await expect(confirm).toContainText('key is deleted from this machine');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(EDITED_NAME)).toBeVisible();

  await row(EDITED_NAME).getByRole('button', { name: 'Remove' }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(row(EDITED_NAME)).toHaveCount(0);
  await page.reload();
  await expect(row('Local emulator')).toBeVisible();
  await expect(accountsTable()).not.toContainText(second.url);
});

test('"Run sample workload" fills the empty local emulator and the dashboard counts move without a reload', async () => {
  test.setTimeout(120_000);
  await page.goto(new URL('#/accounts/local', page.url()).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Local emulator' })).toBeVisible();
  const run = page.getByRole('button', { name: 'Run sample workload' });
  await expect(run).toBeVisible();
  await page.evaluate(() => Object.assign(globalThis, { __samePage: true }));
  await run.click();

  await expect(page.getByTestId('sample-created')).toContainText('sample-pool');
  const pool = page.getByTestId('dashboard-pool').filter({ hasText: 'sample-pool' });
  await expect(pool).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByTestId('jobs-total').textContent()), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect.poll(async () => Number(await pool.getByTestId('pool-dedicated-total').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  // Nodes pick up the sample's tasks: the state badges show running nodes at some point.
  await expect(pool.getByTestId('pool-dedicated-states')).toContainText('Running', { timeout: 60_000 });
  expect(await page.evaluate(() => (globalThis as { __samePage?: boolean }).__samePage)).toBe(true);
});

test('no key, access token or refresh token ever reached the page', async ({ webHost }) => {
  // One more load, so the recording ends with fresh list and identity answers.
  await page.goto(new URL('#/accounts', page.url()).href);
  await expect(row('Local emulator')).toBeVisible();

  const sessionToken = new URL(webHost.url).searchParams.get('token') ?? '';
  const secrets = [
    { label: 'the second emulator key', value: second.key },
    { label: 'the wrong key typed in the form', value: wrongKey },
    { label: 'the local emulator key', value: localEmulatorKey(webHost.dataDir) },
    { label: 'the web host session token', value: sessionToken },
  ];
  expect(secrets.every((s) => s.value.length >= 32)).toBe(true);

  // The recorder really saw the traffic: list answers, the refused add, and the pushed events.
  const responses = recorder.recorded.filter((r) => r.kind === 'response');
  const events = recorder.recorded.filter((r) => r.kind === 'event');
  expect(responses.some((r) => r.where === '/api/accounts.list')).toBe(true);
  expect(responses.some((r) => r.where === '/api/accounts.addSharedKey' && r.text.includes('AuthenticationFailed'))).toBe(true);
  expect(responses.some((r) => r.where === '/api/accounts.dashboard')).toBe(true);
  expect(events.some((e) => e.where === 'accounts.changed')).toBe(true);

  // The detector itself can fail: it flags a planted key and a planted token.
  const planted = findLeaks(
    [
      { kind: 'response', where: '/api/planted', text: JSON.stringify({ note: `key ${second.key}` }) },
      { kind: 'event', where: 'planted', text: '{"token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln"}' },
    ],
    secrets,
  );
  expect(planted).toEqual(expect.arrayContaining(['the second emulator key in response /api/planted', 'a JWT (access or id token) in event planted']));

  expect(recorder.leaks(secrets)).toEqual([]);
});
