// A damaged database on Chromium's real IndexedDB: the app stores real entries, then the test
// damages rows straight in IndexedDB (tests/e2e/damage.ts) — a sealed value's ciphertext, a
// required field, a newer build's row shape. No damaged row blocks the list, the detail, an
// export or an import (docs/database.md, "Damaged rows"; unit level: db-damaged.test.ts).
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approvePendingDevice,
  demoDevice,
  exportBundle,
  importFiles,
  lastRunFiles,
  logActivity,
  logCount,
  openSync,
  reloadAndUnlock,
  shot,
  switchLanguage,
} from './helpers.ts';
import { damageRow } from './damage.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };

function row(page: Page, id: string) {
  return page.locator(`[data-testid="activity-row"][href="#/activity/${id}"]`);
}

test('the log lists a damaged row as unreadable beside the others, and its page says why', async ({
  browser,
}) => {
  const page = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  await logActivity(page, 'training');
  await logActivity(page, 'liaison');
  await logActivity(page, 'interdiction');
  const missing = await damageRow(page, 'training', 'no-review');
  const newer = await damageRow(page, 'liaison', 'newer-shape');
  const sealed = await damageRow(page, 'interdiction', 'sealed');
  await reloadAndUnlock(page);

  // Every row is listed; only the one missing its review is unreadable, with id and reason.
  await expect(page.getByTestId('activity-count')).toHaveText('3 activities');
  await expect(page.locator('[data-unreadable="true"]')).toHaveCount(1);
  await expect(row(page, missing)).toContainText('Unreadable entry');
  await expect(row(page, missing)).toContainText(missing);
  await expect(row(page, missing)).toContainText('the stored entry lacks “review”');
  await expect(row(page, newer)).toContainText('Liaison');
  await expect(row(page, sealed)).toContainText('Interdiction');
  await shot(page, 'damaged-en-list');

  // Its page says what is wrong, not a blank screen or a crash.
  await row(page, missing).click();
  await expect(page.getByRole('heading', { name: 'Unreadable entry', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('the stored entry lacks “review”');
  await expect(page.getByText(`Entry id: ${missing}`)).toBeVisible();
  await shot(page, 'damaged-en-detail');
  await page.getByRole('button', { name: 'Back to the log' }).click();

  // The damaged sealed value alone is unreadable; the rest of the entry shows.
  await row(page, sealed).click();
  // In the fields and in the history: both say so.
  await expect(page.getByText('Cannot be shown: this protected value is damaged')).toHaveCount(2);
  await expect(page.locator('dl.details').getByText('Avianca')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the log' }).click();

  // A newer build's row shape reads, read-only.
  await row(page, newer).click();
  await expect(
    page.locator('dl.details').getByText('Joint briefing on smuggling routes'),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'newer version' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeDisabled();
  await page.getByRole('button', { name: 'Back to the log' }).click();

  await switchLanguage(page, 'fr');
  await expect(row(page, missing)).toContainText('Entrée illisible');
  await expect(row(page, missing)).toContainText('il manque «\u00a0review\u00a0» à l’entrée');
  await shot(page, 'damaged-fr-list');
});

test('an export leaves out an entry it cannot read, says so, and HQ applies the rest', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-damaged-'));
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  await logActivity(officer, 'liaison');
  await logActivity(officer, 'interdiction');
  await damageRow(officer, 'interdiction', 'sealed');
  await reloadAndUnlock(officer);

  const { file, sent } = await exportBundle(officer, dir);
  // The damaged entry's numbers are still sent as covered: HQ waits for nothing.
  expect(sent.entries).toBe(1);
  expect(sent.from).toBe(1);
  const status = officer.getByTestId('sync-export-status');
  await expect(status).toContainText('1 entry could not be read and was not sent');
  await shot(officer, 'damaged-en-export');
  await switchLanguage(officer, 'fr');
  await expect(status).toContainText('1 entrée n’a pas pu être lue et n’a pas été envoyée');
  await shot(officer, 'damaged-fr-export');

  const hq = await demoDevice(browser, { role: 'hq' });
  await openSync(hq);
  await importFiles(hq, [file]);
  await approvePendingDevice(hq, OFFICER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  expect(await logCount(hq)).toBe(1);
  // No gap: every number the bundle declared is held.
  await openSync(hq);
  await expect(hq.getByTestId('sync-gap')).toHaveCount(0);
  expect(sent.to).toBeGreaterThan(sent.changes);
});

test('an export over a damaged change-log row writes that entry again whole, and HQ gets both without a gap', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-damaged-'));
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  await logActivity(officer, 'liaison');
  await logActivity(officer, 'interdiction');
  const id = await damageRow(officer, 'interdiction', 'change-no-field');
  await reloadAndUnlock(officer);

  const { file, sent } = await exportBundle(officer, dir);
  expect(sent.entries).toBe(2);
  expect(sent.from).toBe(1);
  await expect(officer.getByTestId('sync-export-status')).not.toContainText('could not be read');

  const hq = await demoDevice(browser, { role: 'hq' });
  await openSync(hq);
  await importFiles(hq, [file]);
  await approvePendingDevice(hq, OFFICER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  expect(await logCount(hq)).toBe(2);
  await expect(row(hq, id)).toBeVisible();
  await expect(hq.locator('[data-unreadable="true"]')).toHaveCount(0);
  await openSync(hq);
  await expect(hq.getByTestId('sync-gap')).toHaveCount(0);
});

test('an import applies into a database holding damaged rows and repairs the one it carries', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-damaged-'));
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  await logActivity(officer, 'liaison');
  const { file: first } = await exportBundle(officer, dir);
  const hq = await demoDevice(browser, { role: 'hq' });
  await openSync(hq);
  await importFiles(hq, [first]);
  await approvePendingDevice(hq, OFFICER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');

  // HQ's copy loses its data: unreadable there.
  const id = await damageRow(hq, 'liaison', 'no-data');
  await reloadAndUnlock(hq);
  expect(await logCount(hq)).toBe(1);
  await expect(row(hq, id)).toContainText('the stored entry lacks “data”');

  // The officer's next bundle (no receipt yet: it carries the entry again) repairs it.
  await logActivity(officer, 'training');
  const { file: second } = await exportBundle(officer, dir);
  await openSync(hq);
  await importFiles(hq, [second]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  expect(await logCount(hq)).toBe(2);
  await expect(hq.locator('[data-unreadable="true"]')).toHaveCount(0);
  await expect(row(hq, id)).toContainText('Joint briefing on smuggling routes');
});
