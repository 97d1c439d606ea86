// Persistent storage: start-up asks for it, and Settings says what the browser answered, in
// English and French.
import { expect, test } from '@playwright/test';
import { setUpOfficer, shot } from './helpers.ts';

test('Settings shows whether the browser may clear the app’s data, in both languages', async ({
  page,
}) => {
  await setUpOfficer(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const line = page.getByTestId('storage-state');
  await expect(line).not.toHaveAttribute('data-state', 'checking');
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(line).toHaveAttribute('data-state', persisted ? 'persistent' : 'best-effort');
  await expect(line).toContainText(persisted ? 'Persistent.' : 'Not persistent.');
  // Where it runs, in words (the platform says 'browser').
  await expect(page.getByText('A web browser', { exact: true })).toBeVisible();
  await line.scrollIntoViewIfNeeded();
  await shot(page, 'settings-en-storage');
  await page.getByLabel('Language').selectOption('fr');
  await expect(line).toContainText(persisted ? 'Persistant.' : 'Non persistant.');
  await expect(page.getByText('Un navigateur Web', { exact: true })).toBeVisible();
  await shot(page, 'settings-fr-storage');
});
