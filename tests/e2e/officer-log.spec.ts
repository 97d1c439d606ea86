// An officer's whole path on the web build: set up, log every activity type, fix one,
// delete one, find one, work in French, reload, go offline. Screenshots land in
// test-results/screens for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';
import { fr } from '../../renderer/src/i18n/fr.ts';
import { logMessages } from '../../renderer/src/features/log/messages.ts';
import { settingsMessages } from '../../renderer/src/features/settings/messages.ts';
import { CATALOGUE } from '../../shared/domain/catalogue.ts';
import {
  JOURNEY_TIMEOUT,
  activityCount,
  expectNoAxeViolations,
  logActivity,
  reloadAndUnlock,
  SAMPLES,
  setUpOfficer,
  shot,
  startNewActivity,
} from './helpers.ts';

function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node !== 'object' || node === null) return [];
  return Object.values(node).flatMap(leaves);
}

/** The app's own strings and those of the screens this walk visits (the log, Settings). */
const TABLES = [{ en, fr }, logMessages, settingsMessages];

/** Interface and catalogue strings that differ in French: none may show on a French screen. */
function englishOnlyStrings(): string[] {
  const pairs: [string, string][] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string') pairs.push([a, b]);
    else if (a && b && typeof a === 'object' && typeof b === 'object')
      for (const k of Object.keys(a))
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
  };
  for (const table of TABLES) walk(table.en, table.fr);
  for (const type of CATALOGUE) {
    pairs.push(
      [type.label.en, type.label.fr],
      [type.description.en, type.description.fr],
      [type.unit.en, type.unit.fr],
    );
    for (const f of type.fields) {
      pairs.push([f.label.en, f.label.fr]);
      if (f.help) pairs.push([f.help.en, f.help.fr]);
      for (const o of f.options ?? []) pairs.push([o.label.en, o.label.fr]);
    }
  }
  const french = new Set(TABLES.flatMap((table) => leaves(table.fr)));
  return pairs
    .filter(([e, f]) => e !== f && !e.includes('{{') && e.length >= 5)
    .map(([e]) => e)
    .filter((e) => !french.has(e));
}

/** Each English-only string as a whole-word pattern ('Format' is English, 'Formation' French). */
const ENGLISH_ONLY = englishOnlyStrings().map((s) => ({
  text: s,
  pattern: new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u'),
}));

async function expectFrench(page: Page, screen: string) {
  const text = await page.locator('body').innerText();
  const leaked = ENGLISH_ONLY.filter(({ pattern }) => pattern.test(text)).map((e) => e.text);
  expect(leaked, `English text on the French ${screen} screen`).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
}

// Logging every type and then finding, fixing and deleting were one journey of ~50 s on a
// loaded machine, close to the 60 s timeout; they are two tests, each far under it.
test('an officer logs every activity type, and a reload keeps them', async ({ page }) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  await setUpOfficer(page);
  await expect(page.getByText('No activity logged yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'empty log');

  for (const type of Object.keys(SAMPLES)) await logActivity(page, type);
  await expect.poll(() => activityCount(page)).toBe(7);
  await expect(page.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');
  await shot(page, 'log-seven-types');
  await expectNoAxeViolations(page, 'log');

  await reloadAndUnlock(page);
  await expect.poll(() => activityCount(page)).toBe(7);
  for (const type of Object.keys(SAMPLES)) {
    await page.getByLabel('Type').selectOption(type);
    await expect.poll(() => activityCount(page), { message: type }).toBe(1);
  }
});

test('an officer finds an entry, fixes it and deletes another, and a reload keeps it', async ({
  page,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  await setUpOfficer(page);
  // The entries the steps below use: the interdiction (an open and a sensitive field to
  // search), the training (an option shared in name with the interdiction's), the
  // facilitation (edited) and the liaison entry (deleted).
  for (const type of ['interdiction', 'training', 'facilitation', 'liaison']) {
    await logActivity(page, type);
  }
  await expect.poll(() => activityCount(page)).toBe(4);

  // Find by search (a non-sensitive field), then open it.
  await page.getByLabel('Search').fill('avianca');
  await expect.poll(() => activityCount(page)).toBe(1);
  // A chosen option by a word of its label, in either language (RCMP is GRC in French), and
  // one word finding options of two types (training's impostors, interdiction's impostor).
  await page.getByLabel('Search').fill('grc');
  await expect.poll(() => activityCount(page)).toBe(1);
  await page.getByLabel('Search').fill('Imposteur');
  await expect.poll(() => activityCount(page)).toBe(2);
  // A sensitive value is never searchable.
  await page.getByLabel('Search').fill('canary');
  await expect.poll(() => activityCount(page)).toBe(0);
  await expect(page.getByText('No activity matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Type').selectOption('facilitation');
  await expect.poll(() => activityCount(page)).toBe(1);
  await page.getByTestId('activity-row').first().click();
  await expect(page.getByRole('heading', { name: /Facilitation on/ })).toBeVisible();
  await expectNoAxeViolations(page, 'detail');

  // Edit: change the number of persons; the history shows the change.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('#field-persons').fill('4');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  const history = page.getByRole('table');
  await expect(history.getByRole('row').filter({ hasText: 'Persons' })).toHaveCount(2);
  await expect(page.locator('dl.details')).toContainText('4');
  await shot(page, 'detail-after-edit');

  // Delete the liaison entry, with confirmation.
  await page.getByRole('button', { name: 'Back to the log' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Type').selectOption('liaison');
  await page.getByTestId('activity-row').first().click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this activity?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'delete dialog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Activity deleted.' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => activityCount(page)).toBe(3);

  // Reload: the edit is still there, and the deleted entry is still gone.
  await reloadAndUnlock(page);
  await expect.poll(() => activityCount(page)).toBe(3);
  await page.getByLabel('Type').selectOption('liaison');
  await expect.poll(() => activityCount(page)).toBe(0);
  await page.getByLabel('Type').selectOption('facilitation');
  await page.getByTestId('activity-row').first().click();
  await expect(page.locator('dl.details')).toContainText('4');
});

test('every screen reads in French, the type forms and their errors included', async ({ page }) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  await setUpOfficer(page);
  await logActivity(page, 'facilitation');
  await page.getByRole('button', { name: 'Passer au français' }).click();
  await expect(page.getByRole('heading', { name: 'Journal des activités' })).toBeVisible();
  await expectFrench(page, 'log');
  await expectNoAxeViolations(page, 'French log');
  await shot(page, 'log-french');
  await page.getByTestId('activity-row').first().click();
  await expect(page.getByRole('heading', { name: / le / })).toBeVisible();
  await expectFrench(page, 'detail');
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.locator('#form-heading')).toContainText('Modifier');
  await expectFrench(page, 'edit');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expectFrench(page, 'settings');
  await expectNoAxeViolations(page, 'French settings');
  await page.getByRole('link', { name: 'Nouvelle activité' }).click();
  await expect(page.getByRole('heading', { name: 'Qu’avez-vous fait?' })).toBeVisible();
  await expectFrench(page, 'type picker');
  for (const [index, type] of CATALOGUE.entries()) {
    await startNewActivity(page, String(index + 1));
    await expect(page.locator('#form-heading')).toHaveText(`Nouvelle activité : ${type.label.fr}`);
    await expectFrench(page, `${type.id} form`);
  }
  // Errors in French too: submit an empty interdiction.
  await startNewActivity(page, '2');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Veuillez corriger' })).toBeVisible();
  await expect(page.locator('#field-carrier-error')).toHaveText('Ce champ est obligatoire.');
  await expectFrench(page, 'form with errors');
  await expectNoAxeViolations(page, 'French form with errors');
  await shot(page, 'form-errors-french');

  // The language is remembered (the lock screen after the reload is in French too).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: /verrouillé/ })).toBeVisible();
});

test('offline changes nothing: an entry is logged and kept without the network', async ({
  page,
  context,
}) => {
  await setUpOfficer(page);
  await logActivity(page, 'facilitation');
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(page.getByText('Offline: everything is saved on this computer')).toBeVisible();
  await logActivity(page, 'training');
  await expect.poll(() => activityCount(page)).toBe(2);
  await shot(page, 'log-offline');
  // (The web build is served over HTTP, so it reloads once the link is back; Electron
  // serves itself from disk.)
  await context.setOffline(false);
  await reloadAndUnlock(page);
  await expect.poll(() => activityCount(page)).toBe(2);
});

test('dates the wrong way round say so, in the log and in French', async ({ page }) => {
  await setUpOfficer(page);
  await logActivity(page, 'facilitation');
  await page.getByLabel('Period', { exact: true }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill('2026-12-10');
  await page.getByLabel('To', { exact: true }).fill('2026-12-01');
  const said = page.getByRole('status').filter({ hasText: 'The start date is after the end date' });
  await expect(said).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'log-dates-reversed');
  await page.getByRole('button', { name: 'Passer au français' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'La date de début est après la date de fin' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  // Put right, the warning goes and the list comes back.
  await page.getByLabel('From', { exact: true }).fill('2000-01-01');
  await page.getByLabel('To', { exact: true }).fill('2099-12-31');
  await expect(said).toHaveCount(0);
  await expect.poll(() => activityCount(page)).toBe(1);
});
