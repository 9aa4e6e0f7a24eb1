import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** Switches the theme the way a returning user has it: stored in the page's own storage, read at start. */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((value) => {
    const storage = (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage;
    storage.setItem('batchLens.theme', value);
  }, theme);
  await page.reload();
  await expect(page.getByTestId('app-root')).toHaveAttribute('data-theme', theme);
}

/** Saves a screenshot of the current view in dark and light themes as test artifacts, ending in light. */
export async function screenshots(page: Page, testInfo: TestInfo, name: string, ready: Locator): Promise<void> {
  // The app scrolls inside its main area, so a tall window is what shows a whole page.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1500 });
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await expect(ready).toBeVisible();
    const path = testInfo.outputPath(`${name}-${theme}.png`);
    // Transitions finished, so a control that just became enabled is not captured half-faded.
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    await testInfo.attach(`${name}-${theme}`, { path, contentType: 'image/png' });
  }
  if (size) await page.setViewportSize(size);
}
