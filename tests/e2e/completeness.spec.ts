// Completeness tells an idle month from a silent one: the demo officer at Bogotá files
// "nothing to report" for last month from its log (keyboard only), exports a bundle, and the
// demo HQ imports it: its Summaries screen shows that month reported by a nil report, while
// the month before, with nothing at all, stays missing. Axe-clean, in English and French.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  approvePendingDevice,
  demoDevice,
  expectKeyboardFocus,
  expectNoAxeViolations,
  exportBundle,
  importFiles,
  lastRunFiles,
  openSync,
  switchLanguage,
  SCREENS_DIR,
  shot,
  JOURNEY_TIMEOUT,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };

/** 'YYYY-MM' of the month `back` months before this one (the test machine's clock). */
function monthBack(back: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

function monthName(month: string, lang: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function snap(page: Page, name: string): Promise<void> {
  await shot(page, name);
}

test('a nil report reaches HQ as "nil report" while a silent month stays missing', async ({
  browser,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const idle = monthBack(1);
  const silent = monthBack(2);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-completeness-'));

  // The officer files "nothing to report" for last month, from the keyboard.
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  const panel = officer.getByTestId('nil-reports');
  const summary = panel.locator('summary');
  await summary.focus();
  await officer.keyboard.press('Enter');
  const month = panel.getByLabel('Month', { exact: true });
  await expect(month).toBeVisible();
  await month.focus();
  await month.selectOption(idle);
  await officer.keyboard.press('Tab');
  const file = panel.getByRole('button', {
    name: `File “nothing to report” for ${monthName(idle, 'en')}`,
  });
  await expectKeyboardFocus(file);
  await officer.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(
    `Nil report filed for ${monthName(idle, 'en')}. It will reach HQ with your next bundle.`,
  );
  await expect(panel.locator(`li[data-month="${idle}"]`)).toContainText('waiting to reach HQ');
  // Not twice for the same month; the log itself lists no entry.
  await file.click();
  await expect(panel.getByRole('alert')).toHaveText(
    `You already filed a nil report for ${monthName(idle, 'en')}.`,
  );
  await expect(officer.getByTestId('activity-count')).toHaveText('0 activities');
  await snap(officer, 'officer-nil-report-en');
  await expectNoAxeViolations(officer, 'log with the nil-report panel');
  await switchLanguage(officer, 'fr');
  await expect(panel.locator('summary')).toHaveText('Rien à signaler pour un mois\u00a0?');
  // The message on screen follows the language too.
  await expect(panel.getByRole('alert')).toHaveText(
    `Vous avez déjà fait une déclaration «\u00a0rien à signaler\u00a0» pour ${monthName(idle, 'fr')}.`,
  );
  await expect(
    panel.getByRole('button', {
      name: `Retirer la déclaration «\u00a0rien à signaler\u00a0» de ${monthName(idle, 'fr')}`,
    }),
  ).toBeVisible();
  await snap(officer, 'officer-nil-report-fr');
  await switchLanguage(officer, 'en');
  const { file: bundle } = await exportBundle(officer, dir);

  // HQ imports it (approving the new device first) and reads who has reported.
  const hq = await demoDevice(browser, { role: 'hq' });
  await openSync(hq);
  await importFiles(hq, [bundle]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'pending-device');
  await approvePendingDevice(hq, OFFICER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  await hq
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Summaries' })
    .click();
  await expect(hq.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  await hq.getByLabel('Kind of period').selectOption('range');
  await hq.getByLabel('To', { exact: true }).fill(lastDay(idle));
  await hq.getByLabel('From', { exact: true }).fill(`${silent}-01`);
  const table = hq.locator('table.completeness-table');
  const bogota = table.locator('tbody tr', { has: hq.getByRole('rowheader', { name: 'Bogotá' }) });
  await expect(bogota).toContainText('1 of 2');
  await expect(bogota).toContainText(`Nil report: ${monthName(idle, 'en')}`);
  await expect(bogota.locator('td').nth(2)).toHaveText(monthName(silent, 'en'));
  await hq.getByRole('button', { name: 'Per officer' }).click();
  const officerRow = table.locator('tbody tr', { hasText: OFFICER.officerId });
  await expect(officerRow).toContainText(`Nil report: ${monthName(idle, 'en')}`);
  await expect(officerRow.locator('td').nth(2)).toHaveText(monthName(silent, 'en'));
  // When its last bundle came, and nothing of it is missing.
  await expect(officerRow.locator('td').nth(4)).toContainText('newest change');
  await hq.getByRole('button', { name: 'Dismiss' }).click();
  await hq
    .locator('section.completeness')
    .screenshot({ path: `${SCREENS_DIR}/hq-completeness-en.png` });
  await expectNoAxeViolations(hq, 'summaries with nil reports');
  await switchLanguage(hq, 'fr');
  await expect(officerRow).toContainText(`Rien à signaler\u00a0: ${monthName(idle, 'fr')}`);
  await expect(officerRow.locator('td').nth(2)).toHaveText(monthName(silent, 'fr'));
  await hq
    .locator('section.completeness')
    .screenshot({ path: `${SCREENS_DIR}/hq-completeness-fr.png` });
  await expectNoAxeViolations(hq, 'summaries with nil reports (fr)');
  await officer.context().close();
  await hq.context().close();
});

test('HQ dates a post in its network editor, told in its language when the dates are backwards', async ({
  browser,
}) => {
  // The demo HQ seeds the whole demo network first: 25-40 s on the loaded CI machine.
  test.setTimeout(JOURNEY_TIMEOUT);
  const hq = await demoDevice(browser, { role: 'hq' });
  await hq
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network', exact: true })
    .click();
  await hq.getByRole('button', { name: /^Edit Bogotá/ }).click();
  await hq.getByLabel('Opened on').fill('2011-05-01');
  await hq.getByLabel('Closed on').fill('2011-04-30');
  await hq.getByRole('button', { name: 'Save the post' }).click();
  const closed = hq.getByLabel('Closed on');
  await expect(closed).toHaveAccessibleDescription(
    /The closing date cannot be before the opening date\./,
  );
  await expectNoAxeViolations(hq, 'post form with a date error');
  await switchLanguage(hq, 'fr');
  await expect(hq.getByLabel('Fermé le')).toHaveAccessibleDescription(
    /La date de fermeture ne peut pas précéder la date d’ouverture\./,
  );
  await hq.locator('form.editor-form').screenshot({ path: `${SCREENS_DIR}/hq-post-dates-fr.png` });
  await switchLanguage(hq, 'en');
  await closed.fill('2012-06-30');
  await hq.getByRole('button', { name: 'Save the post' }).click();
  const row = hq.locator('table.editor-table tbody tr').filter({
    has: hq.locator('code', { hasText: /^BOG$/ }),
  });
  await expect(row).toContainText('opened 2011-05-01, closed 2012-06-30');
  await expect(hq.getByText('You have changes that are not issued yet.')).toBeVisible();
  await hq.context().close();
});
