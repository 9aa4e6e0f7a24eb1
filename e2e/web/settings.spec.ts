import { expect, test } from '../fixtures';

test.describe('settings: secrets and Microsoft Entra ID', () => {
  test('says secrets stay in memory on the web host, and storing them unencrypted needs a warned confirmation', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const mode = page.getByTestId('secret-storage-mode');
    await expect(mode).toHaveAttribute('data-mode', 'memory');
    await expect(page.getByTestId('secret-storage-message')).toContainText(/memory/i);

    const optIn = page.getByRole('switch', { name: 'Store secrets without OS encryption' });
    await expect(optIn).not.toBeChecked();
    await optIn.click();
    const confirm = page.getByRole('alertdialog', { name: 'Store secrets without encryption?' });
    await expect(confirm).toContainText('in plain text');
    await confirm.getByRole('button', { name: 'Keep them in memory' }).click();
    await expect(confirm).toBeHidden();
    await expect(optIn).not.toBeChecked();
    await expect(mode).toHaveAttribute('data-mode', 'memory');

    await optIn.click();
    await confirm.getByRole('button', { name: 'Store without encryption' }).click();
    await expect(optIn).toBeChecked();
    await expect(mode).toHaveAttribute('data-mode', 'weak');

    // Turning it off needs no confirmation and goes back to memory only.
    await optIn.click();
    await expect(optIn).not.toBeChecked();
    await expect(mode).toHaveAttribute('data-mode', 'memory');
    await page.reload();
    await expect(page.getByTestId('secret-storage-mode')).toHaveAttribute('data-mode', 'memory');
  });

  test('changes the Entra cloud and client id, refusing a client id that is not a GUID', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Microsoft Entra ID settings' });
    const clientId = form.getByLabel('Application (client) id');
    const save = form.getByRole('button', { name: 'Save' });
    await expect(save).toBeDisabled();

    await clientId.fill('not-a-guid');
    await expect(form).toContainText('must be a GUID');
    await expect(save).toBeDisabled();

    await clientId.fill('11111111-2222-3333-4444-555555555555');
    await form.getByRole('radio', { name: 'Azure US Government' }).check();
    await save.click();
    await expect(form).toContainText('Saved');
    await page.reload();
    await expect(page.getByRole('form', { name: 'Microsoft Entra ID settings' }).getByLabel('Application (client) id')).toHaveValue(
      '11111111-2222-3333-4444-555555555555',
    );
    await expect(page.getByRole('radio', { name: 'Azure US Government' })).toBeChecked();

    // Back to the defaults: public cloud, empty client id.
    const again = page.getByRole('form', { name: 'Microsoft Entra ID settings' });
    await again.getByLabel('Application (client) id').fill('');
    await again.getByRole('radio', { name: 'Azure (public cloud)' }).check();
    await again.getByRole('button', { name: 'Save' }).click();
    await expect(again).toContainText('Saved');
    expect(app.consoleErrors).toEqual([]);
  });
});
