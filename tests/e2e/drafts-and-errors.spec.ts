// What must never lose a person's work or accept bad input: drafts survive a reload,
// invalid input is explained next to the field and saves nothing.
import { expect, test } from '@playwright/test';
import {
  activityCount,
  expectNoAxeViolations,
  newestDraftAt,
  reloadAndUnlock,
  setUpOfficer,
  shot,
  startNewActivity,
  expectKeyboardFocus,
} from './helpers.ts';

test('the first-run screen is accessible and can be used in French', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Liaison Log' })).toBeVisible();
  await expectNoAxeViolations(page, 'setup');
  await page.getByRole('button', { name: 'Set up HQ' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await page.getByRole('button', { name: 'Passer au français' }).click();
  await expect(page.getByRole('heading', { name: 'Créer votre réseau' })).toBeVisible();
  await expect(page.getByText('Entrez votre nom.')).toBeVisible();
  await expectNoAxeViolations(page, 'setup in French with errors');
  await shot(page, 'setup-french-errors');
});

test('a draft survives a reload and is gone once saved', async ({ page }) => {
  await setUpOfficer(page);
  await startNewActivity(page, '2');
  await page.locator('#field-carrier').fill('KLM');
  await page.locator('#field-airport').fill('ams');
  const typedAt = await page.evaluate(() => Date.now());
  // Autosave runs shortly after typing stops (no click, no navigation here); once it has
  // stored the last keystroke, the window is "closed" (reloaded).
  await expect
    .poll(async () => Date.parse(await newestDraftAt(page)) || 0)
    .toBeGreaterThanOrEqual(typedAt);
  await reloadAndUnlock(page);
  await expect(page.getByText('Your unsaved draft was restored.')).toBeVisible();
  await expect(page.locator('#field-carrier')).toHaveValue('KLM');
  await shot(page, 'draft-restored');

  await page.locator('#field-documentType').selectOption('passport');
  await page.locator('#field-fraudType').selectOption('counterfeit');
  await page.locator('#field-persons').fill('1');
  await page.locator('#field-outcome').selectOption('boarding-denied');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
  await expect.poll(() => activityCount(page)).toBe(1);
  // Codes are normalised on save: the airport typed in lower case is stored upper case.
  await expect(page.getByTestId('activity-row')).toContainText('AMS');

  await startNewActivity(page, '2');
  await expect(page.locator('#field-carrier')).toHaveValue('');
  await expect(page.getByText('Your unsaved draft was restored.')).toHaveCount(0);
});

test('invalid input is explained next to each field and nothing is saved', async ({ page }) => {
  await setUpOfficer(page);
  await startNewActivity(page, '5');
  await page.locator('#field-crisis').fill('Civil unrest');
  await page.locator('#field-screened').fill('10');
  await page.locator('#field-cleared').fill('8');
  await page.locator('#field-referred').fill('5');
  await page.locator('#field-destination').selectOption('canada');
  await page.keyboard.press('Control+Enter');
  const error = page.locator('#field-referred-error');
  await expect(error).toContainText('cannot exceed persons screened (10)');
  await expect(page.locator('#field-referred')).toHaveAttribute('aria-invalid', 'true');
  // Focus goes to the first field in error, so a keyboard user can fix it at once.
  await expectKeyboardFocus(page.locator('#field-referred'));
  await expectNoAxeViolations(page, 'form with errors');
  await shot(page, 'form-cross-field-error');

  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect.poll(() => activityCount(page)).toBe(0);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
});

test('the log reads a record from a newer app version without breaking', async ({ page }) => {
  await setUpOfficer(page);
  // Another device running a newer version wrote a type this build does not know.
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('liaison-log');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['activities', 'meta'], 'readwrite');
        // As an import would: the row and the live-record counter together.
        tx.objectStore('meta').put({ key: 'activityCount', value: 1 });
        tx.objectStore('activities').put({
          id: 'from-the-future',
          type: 'drone-survey',
          schemaVersion: 9,
          officerId: 'LO-0042',
          postCode: 'BOG',
          occurredOn: '2026-01-15',
          data: { flights: 3 },
          review: { status: 'pending' },
          deleted: false,
          createdAt: '2026-01-15T10:00:00.000Z',
          updatedAt: '2026-01-15T10:00:00.000Z',
          clocks: {},
          sortKey: '2026-01-15|2026-01-15T10:00:00.000Z',
          reviewStatus: 'pending',
          words: [],
          pending: 0,
        });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
      open.onerror = () => reject(new Error(String(open.error)));
    });
  });
  await reloadAndUnlock(page);
  await expect.poll(() => activityCount(page)).toBe(1);
  await page.getByTestId('activity-row').click();
  await expect(page.getByText('written by a newer version of Liaison Log')).toBeVisible();
});
