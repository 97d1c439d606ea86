// The details that decide whether an officer trusts the app: focus goes where the next
// keystroke belongs, nothing destructive happens on a stray Enter, and no edit or draft
// silently undoes another.
import { expect, test } from '@playwright/test';
import {
  activityCount,
  expectNoAxeViolations,
  logActivity,
  reloadAndUnlock,
  setUpOfficer,
  unlock,
  startNewActivity,
  expectKeyboardFocus,
  JOURNEY_TIMEOUT,
} from './helpers.ts';

test('every screen passes axe: picker, empty form, edit form, settings', async ({ page }) => {
  // Set-up, a logged entry and five axe runs: 22-30 s on the loaded CI machine.
  test.setTimeout(JOURNEY_TIMEOUT);
  await setUpOfficer(page);
  await page.getByRole('link', { name: 'New activity' }).click();
  await expect(page.getByRole('heading', { name: 'What did you do?' })).toBeVisible();
  await expectNoAxeViolations(page, 'type picker');
  await startNewActivity(page, '6');
  await expectNoAxeViolations(page, 'empty liaison form');
  await page.getByRole('link', { name: 'Activity log' }).click();
  await logActivity(page, 'liaison');
  await page.getByTestId('activity-row').first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expectNoAxeViolations(page, 'edit form');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expectNoAxeViolations(page, 'settings');
});

test('a screen of another role, typed as an address, says so and leads back to the log', async ({
  page,
}) => {
  await setUpOfficer(page);
  // HQ's network screen, by its address: an officer's device does not open it.
  await page.evaluate(() => (window.location.hash = '#/network'));
  await expect(page.getByRole('heading', { name: 'Not available here', level: 1 })).toBeVisible();
  await expect(
    page.getByText('This screen is not part of your role on this device.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Back to the log' }).click();
  await expect(page.getByRole('heading', { name: 'Activity log', level: 1 })).toBeVisible();
});

test('a routine entry is typed from the first key, and errors do not steal the cursor', async ({
  page,
}) => {
  await setUpOfficer(page);
  await startNewActivity(page, '2');
  // The cursor is already in the first field of the form.
  await expectKeyboardFocus(page.locator('#field-airport'));
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#field-airport-error')).toBeVisible();
  // Fixing a later field first: every keystroke lands where the person clicked.
  await page.locator('#field-carrier').click();
  await page.keyboard.type('Avianca');
  await expect(page.locator('#field-carrier')).toHaveValue('Avianca');
  await expect(page.locator('#field-airport')).toHaveValue('');
});

test('Enter in the delete dialog keeps the entry; the skip link stays on the screen', async ({
  page,
}) => {
  await setUpOfficer(page);
  await logActivity(page, 'facilitation');
  await page.getByTestId('activity-row').first().click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Back to the log' }).click();
  await expect.poll(() => activityCount(page)).toBe(1);

  await startNewActivity(page, '3');
  await page.locator('#field-destination').fill('Montréal');
  await page.keyboard.press('Shift+Tab');
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#form-heading')).toBeVisible();
  await expect(page.locator('#field-destination')).toHaveValue('Montréal');
});

test('an edit writes only what it changed, never undoing a change made meanwhile', async ({
  page,
  context,
}) => {
  await setUpOfficer(page);
  await logActivity(page, 'interdiction');
  await page.getByTestId('activity-row').first().click();
  const detailUrl = page.url();
  await page.getByRole('button', { name: 'Edit' }).click();

  // Meanwhile, a second window changes the carrier of the same entry.
  const other = await context.newPage();
  await other.goto(detailUrl);
  // A new window starts locked: the data key is held per window, in memory only.
  await unlock(other);
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.locator('#field-carrier').fill('Air Canada');
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await other.close();

  // The first window, opened earlier, changes only the number of persons.
  await page.locator('#field-persons').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('dl.details')).toContainText('Air Canada');
  await expect(page.locator('dl.details')).toContainText('5');

  // Saving with no change writes nothing and says so.
  await page.getByRole('button', { name: 'Edit' }).click();
  const before = await page.getByTestId('pending-count').getAttribute('data-count');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed.' })).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', before ?? '');
});

test('leaving a form keeps the last keystrokes as a draft the log points back to', async ({
  page,
}) => {
  await setUpOfficer(page);
  await startNewActivity(page, '2');
  await page.locator('#field-carrier').fill('Copa');
  // Straight to the log, before the autosave delay has passed: leaving the form writes the
  // draft at once, and the log points back to it as soon as it is stored.
  await page.getByRole('link', { name: 'Activity log' }).click();
  const resume = page.getByRole('button', { name: /Resume new Interdiction/ });
  await expect(resume).toBeVisible();
  // It is stored, not held in memory: it is still there after a restart.
  await reloadAndUnlock(page);
  await expect(resume).toBeVisible();
  await resume.click();
  await expect(page.locator('#field-carrier')).toHaveValue('Copa');
  // Cancel means "drop it": the draft and its reminder are gone.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /Resume new/ })).toHaveCount(0);
});
