// The review loop with three devices of the demo network, each its own browser profile: the
// officer at Bogotá logs two entries and exports; the team lead of the Americas imports,
// sees the officer by name, returns one with a comment and approves the other, exports; the
// officer imports, finds the returned entry first with the comment, corrects it, exports; the
// lead imports and finds it waiting again with the whole thread; HQ imports both devices'
// bundles and sees the lead's review and the officer's correction. Serial: each step hands
// its bundle to the next, and each test stays short.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approvePendingDevice,
  demoDevice,
  expectNoAxeViolations,
  exportBundle,
  importApplied,
  importFiles,
  lastRunFiles,
  logActivity,
  openSync,
  shot,
  switchLanguage,
  type SavedFile,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };
const LEAD = { leadId: 'lead-americas' };
const COMMENT = 'Which flight was this? Add the flight number.';

test.describe.configure({ mode: 'serial' });

let dir: string;
let officer: Page;
let lead: Page;
let hq: Page;
const bundles: { officer: SavedFile[]; lead: SavedFile[] } = { officer: [], lead: [] };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  dir = await mkdtemp(join(tmpdir(), 'liaison-review-'));
  [officer, lead, hq] = await Promise.all([
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
    demoDevice(browser, { role: 'lead', leadId: LEAD.leadId }),
    demoDevice(browser, { role: 'hq' }),
  ]);
});

test.afterAll(async () => {
  for (const page of [officer, lead, hq]) await page?.context().close();
});

async function openReview(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByRole('heading', { name: 'Review queue', level: 1 })).toBeVisible();
}

function queueRow(page: Page, type: RegExp) {
  return page.getByTestId('queue-row').filter({ hasText: type });
}

test('the officer logs two entries and exports them', async () => {
  await logActivity(officer, 'training');
  await logActivity(officer, 'interdiction');
  const { file, sent } = await exportBundle(officer, dir);
  expect(sent.entries).toBe(2);
  bundles.officer.push(file);
});

test('the lead imports the officer’s bundle and sees the officer by name in the queue', async () => {
  await openReview(lead);
  await expect(lead.getByTestId('queue-empty')).toContainText('Nothing to review yet');
  await openSync(lead);
  await importFiles(lead, bundles.officer);
  await approvePendingDevice(lead, OFFICER.name);
  await expect(lastRunFiles(lead).first()).toHaveAttribute('data-outcome', 'applied');

  await openReview(lead);
  await expect(lead.getByTestId('queue-row')).toHaveCount(2);
  await expect(lead.getByTestId('count-pending')).toHaveText('Not reviewed: 2');
  await expect(queueRow(lead, /training/i)).toContainText(OFFICER.name);
  await expect(queueRow(lead, /training/i)).toContainText(OFFICER.officerId);
  await expectNoAxeViolations(lead, 'review queue');
  await shot(lead, 'review-en-queue');
});

test('the lead returns one entry with a comment, approves the other from the keyboard, and exports', async () => {
  // Return the training entry with a comment, from the pane's form.
  await queueRow(lead, /training/i).click();
  const pane = lead.getByTestId('review-pane');
  await expect(pane).toContainText(/training/i);
  await pane.getByRole('textbox', { name: 'Comment', exact: true }).fill(COMMENT);
  await pane.getByRole('button', { name: 'Return with this comment' }).click();
  await expect(lead.getByTestId('count-returned')).toHaveText('Returned: 1');

  // Approve the other from the keyboard: it is now the current entry.
  await expect(lead.getByTestId('queue-row')).toHaveCount(1);
  await queueRow(lead, /interdiction/i).click();
  await lead.keyboard.press('a');
  await expect(lead.getByTestId('count-approved')).toHaveText('Approved: 1');
  await expect(lead.getByTestId('queue-empty')).toContainText('All reviewed');

  // The returned entry's thread, in the queue filtered by state.
  await lead.getByTestId('count-returned').click();
  await queueRow(lead, /training/i).click();
  await expect(pane.getByTestId('thread-item')).toHaveCount(1);
  await expect(pane.getByTestId('thread-item')).toContainText(COMMENT);
  await expectNoAxeViolations(lead, 'review pane and thread');
  await shot(lead, 'review-en-thread');
  await switchLanguage(lead, 'fr');
  await expect(lead.getByRole('heading', { name: 'File de révision' })).toBeVisible();
  await shot(lead, 'review-fr-thread');
  await switchLanguage(lead, 'en');

  const { file } = await exportBundle(lead, dir);
  bundles.lead.push(file);
});

test('the officer finds the returned entry first with the comment, and correcting it sends it back', async () => {
  await importApplied(officer, bundles.lead);
  await expect(officer.getByTestId('status-returned')).toHaveText('1 returned to you');
  await officer.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
  const panel = officer.getByTestId('returned-panel');
  await expect(panel).toContainText('Returned to you: 1 entry to correct');
  await expect(panel.getByTestId('returned-entry')).toContainText(COMMENT);
  await shot(officer, 'review-en-officer-returned');

  await panel.getByRole('link', { name: /training/i }).click();
  await expect(officer.getByTestId('correcting-notice')).toBeVisible();
  await expect(officer.getByTestId('thread-item')).toContainText(COMMENT);
  await expectNoAxeViolations(officer, 'returned entry with its thread');
  await shot(officer, 'review-en-officer-detail');

  await officer.getByRole('button', { name: 'Edit' }).click();
  await officer.locator('#field-location').fill('El Dorado airport, flight AV 204');
  await officer.locator('#field-location').press('Control+Enter');
  await expect(officer.getByTestId('status-returned')).toHaveCount(0);
  await expect(officer.getByTestId('returned-panel')).toHaveCount(0);

  const { file } = await exportBundle(officer, dir);
  bundles.officer.push(file);
});

test('the lead finds the corrected entry pending again with the whole thread', async () => {
  await importApplied(lead, [bundles.officer[1]!]);
  await openReview(lead);
  await expect(lead.getByTestId('count-pending')).toHaveText('Not reviewed: 1');
  await queueRow(lead, /training/i).click();
  const pane = lead.getByTestId('review-pane');
  await expect(pane).toContainText('Corrected: waits for review again');
  await expect(pane.getByTestId('thread-item')).toContainText(COMMENT);
  await shot(lead, 'review-en-corrected');
});

test('HQ imports both devices’ bundles and sees the lead’s review and the officer’s correction', async () => {
  await openSync(hq);
  await importFiles(hq, [bundles.officer[0]!]);
  await approvePendingDevice(hq, OFFICER.name);
  await importFiles(hq, [bundles.lead[0]!, bundles.officer[1]!]);
  await openReview(hq);
  await expect(hq.getByTestId('count-pending')).toHaveText('Not reviewed: 1');
  await expect(hq.getByTestId('count-approved')).toHaveText('Approved: 1');
  await queueRow(hq, /training/i).click();
  await expect(hq.getByTestId('review-pane')).toContainText('Corrected: waits for review again');
  await expect(hq.getByTestId('thread-item')).toContainText(COMMENT);
  await shot(hq, 'review-en-hq');
});
