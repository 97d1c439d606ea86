// The review loop with three devices of the demo network, each its own browser profile: the
// officer at Bogotá logs four entries and exports; the team lead of the Americas (on a
// 1366×768 screen, its clock in Mexico City) imports, approves the officer's device from the
// import report, sees the officer by name, returns one entry with a comment, approves two in
// bulk and one from the keyboard, exports; the officer imports, finds the returned entry first
// with the comment, corrects it, exports; the lead imports and finds it waiting again with the
// whole thread and history; HQ imports both devices' bundles and sees the lead's review and
// the officer's correction in the history; a review from a lead of another region arrives at
// HQ and is refused, the rest of its bundle applies. Serial: each step hands its bundle to
// the next, and each test stays short.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_LEADS,
  demoDeviceKeys,
  demoLeadDeviceId,
  fingerprintCode,
} from '../../shared/identity/index.ts';
import { forgeBundle, nextChanges, ownLiaisonEntry, type ForgedDevice } from './exchange-forge.ts';
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
const LEAD = { leadId: 'lead-americas', name: 'Camille Tremblay' };
const COMMENT = 'Which flight was this? Add the flight number.';
const CORRECTED = 'El Dorado airport, flight AV 204';

test.describe.configure({ mode: 'serial' });

let dir: string;
let officer: Page;
let lead: Page;
let hq: Page;
const bundles: { officer: SavedFile[]; lead: SavedFile[] } = { officer: [], lead: [] };
/** The training entry's id, as HQ's detail page shows it. */
let trainingId = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  dir = await mkdtemp(join(tmpdir(), 'liaison-review-'));
  [officer, lead, hq] = await Promise.all([
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
    // The lead's clock is not the post's: times show both zones.
    demoDevice(
      browser,
      { role: 'lead', leadId: LEAD.leadId },
      { timezoneId: 'America/Mexico_City', viewport: { width: 1366, height: 768 } },
    ),
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

/** From the review pane: the entry's own page, with its thread and history. */
async function openFullEntry(page: Page): Promise<void> {
  await page
    .getByTestId('review-pane')
    .getByRole('button', { name: 'Open the full entry' })
    .click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
}

test('the officer logs four entries and exports them', async () => {
  await logActivity(officer, 'training');
  await logActivity(officer, 'interdiction');
  await logActivity(officer, 'facilitation');
  await logActivity(officer, 'liaison');
  const { file, sent } = await exportBundle(officer, dir);
  expect(sent.entries).toBe(4);
  await expect(officer.getByTestId('sync-export-status')).toContainText('4 entries.');
  bundles.officer.push(file);
});

test('the lead approves the officer’s device from the import report and sees the officer by name', async () => {
  await openReview(lead);
  await expect(lead.getByTestId('queue-empty')).toContainText('Nothing to review yet');
  await openSync(lead);
  // A lead's Sync screen speaks of its posts' officers, not of "your team lead".
  await expect(lead.getByText('the officers of your posts and HQ')).toBeVisible();
  await expect(lead.getByText(/your team lead/)).toHaveCount(0);
  await importFiles(lead, bundles.officer);
  const waitingReport = lastRunFiles(lead).first();
  await expect(waitingReport).toHaveAttribute('data-outcome', 'pending-device');
  // The devices waiting are first on the screen: seen without scrolling at 1366×768.
  await expect(lead.getByTestId('sync-pending')).toBeInViewport();
  await shot(lead, 'review-en-lead-waiting');

  // The officer reads the code by phone from Settings, where it has the dialog's name.
  await officer.getByRole('link', { name: 'Settings' }).first().click();
  const card = officer.getByTestId('device-card');
  await expect(card.getByText('Device code', { exact: true })).toBeVisible();
  await expect(card.getByTestId('own-signing-code')).toHaveText(/\S/);
  const officerCode = (await card.getByTestId('own-signing-code').textContent()) ?? '';
  await shot(officer, 'review-en-officer-device-code');

  await waitingReport.getByRole('button', { name: 'Approve this device…' }).click();
  const dialog = lead.getByRole('dialog', { name: `Approve the device of ${OFFICER.name}?` });
  await expect(dialog).toContainText(
    'device code (in their Liaison Log, under Settings › This device)',
  );
  await expect(dialog.locator('code')).toHaveText(officerCode);
  await dialog.getByRole('button', { name: 'The codes match: approve' }).click();
  const last = lead.getByTestId('sync-last-run');
  await expect(last).toContainText(`Device of ${OFFICER.name} approved`);
  await expect(lastRunFiles(lead).first()).toHaveAttribute('data-outcome', 'applied');
  await expect(last.getByTestId('sync-entries')).toHaveText('Entries: 4 new, 0 changed.');
  // The run the file waited in stays listed once, and reads differently from its approval.
  const past = lead.getByTestId('sync-past-runs').locator('li.sync-past-run');
  await expect(past).toHaveCount(1);
  await expect(past.first()).not.toContainText('approved');
  await shot(lead, 'review-en-lead-approved');

  await openReview(lead);
  await expect(lead.getByTestId('queue-row')).toHaveCount(4);
  await expect(lead.getByTestId('count-pending')).toHaveText('Not reviewed: 4');
  await expect(queueRow(lead, /training/i)).toContainText(OFFICER.name);
  await expect(queueRow(lead, /training/i)).toContainText(OFFICER.officerId);
  await expectNoAxeViolations(lead, 'review queue');
  await shot(lead, 'review-en-queue');
});

test('the lead returns one entry with a comment, approves two in bulk and one by key, and exports', async () => {
  // Return the training entry with a comment, from the pane's form.
  await queueRow(lead, /training/i).click();
  const pane = lead.getByTestId('review-pane');
  await expect(pane).toContainText(/training/i);
  await pane.getByRole('textbox', { name: 'Comment', exact: true }).fill(COMMENT);
  await pane.getByRole('button', { name: 'Return with this comment' }).click();
  await expect(lead.getByTestId('count-returned')).toHaveText('Returned: 1');
  await expect(lead.getByTestId('queue-row')).toHaveCount(3);

  // One by its key (a): it leaves the queue, and the entry that takes its place is current
  // and has the focus, so the keys go on working without a click (x selects it).
  const rows = lead.getByTestId('queue-row');
  const middle = rows.nth(1);
  const middleId = await middle.getAttribute('data-entry');
  await middle.click();
  await lead.keyboard.press('a');
  await expect(lead.getByTestId('count-approved')).toHaveText('Approved: 1');
  await expect(rows).toHaveCount(2);
  const next = lead.locator('[data-testid="queue-row"][aria-selected="true"]');
  await expect(next).toBeFocused();
  expect(await next.getAttribute('data-entry')).not.toBe(middleId);
  expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
  await lead.keyboard.press('x');
  await expect(lead.getByRole('button', { name: 'Approve the 1 selected entry' })).toBeVisible();
  // Tab reaches the current row's checkbox, named by its entry; from there the keys work.
  const current = lead.locator('[data-testid="queue-row"][aria-selected="true"]');
  const box = current.getByRole('checkbox', { name: /^Select: .+, .+, .+$/ });
  await expect(box).toBeChecked();
  await box.focus();
  await lead.keyboard.press('x');
  await expect(box).not.toBeChecked();
  await lead.keyboard.press('x');
  await expect(box).toBeChecked();
  // A key on another row's box makes that row current first: nothing is decided unseen.
  const other = rows.nth(0);
  await other.getByRole('checkbox').focus();
  await lead.keyboard.press('a');
  await expect(other).toHaveAttribute('aria-selected', 'true');
  await expect(lead.getByTestId('count-approved')).toHaveText('Approved: 1');
  // A filter that hides the selection drops it: nothing is approved unseen.
  await lead.getByRole('combobox', { name: /^Type/ }).selectOption('removal');
  await expect(lead.getByTestId('queue-empty')).toBeVisible();
  await lead.getByRole('combobox', { name: /^Type/ }).selectOption('');
  await expect(rows).toHaveCount(2);
  await expect(lead.getByRole('button', { name: /^Approve the \d+ selected/ })).toHaveCount(0);

  // The other two selected from the keyboard (x), then approved at once.
  await rows.nth(0).click();
  await lead.keyboard.press('x');
  await rows.nth(1).click();
  await lead.keyboard.press('x');
  await lead.getByRole('button', { name: 'Approve the 2 selected entries' }).click();
  await expect(lead.getByTestId('count-approved')).toHaveText('Approved: 3');
  await expect(lead.getByTestId('queue-empty')).toContainText('All reviewed');
  // The pressed button went with the selection: the focus is on what the queue says now.
  await expect(lead.getByTestId('queue-empty')).toBeFocused();

  // The returned entry's thread, in the queue filtered by state.
  await lead.getByTestId('count-returned').click();
  await queueRow(lead, /training/i).click();
  await expect(pane.getByTestId('thread-item')).toHaveCount(1);
  await expect(pane.getByTestId('thread-item')).toContainText(COMMENT);
  // The comment's time at the post (Bogotá), and at the lead's own clock (Mexico City).
  await expect(pane.getByTestId('thread-item')).toContainText('(your time:');
  await expectNoAxeViolations(lead, 'review pane and thread');
  await pane.getByTestId('thread-item').scrollIntoViewIfNeeded();
  await shot(lead, 'review-en-thread');
  await switchLanguage(lead, 'fr');
  await expect(lead.getByRole('heading', { name: 'File de révision' })).toBeVisible();
  // French counts: a non-breaking space before the colon.
  await expect(lead.getByTestId('count-approved')).toHaveText('Approuvée\u00a0: 3');
  await expect(pane.getByTestId('thread-item')).toContainText('(chez vous');
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
  // Its history: the officer's own save, then the lead's review that came in the bundle.
  const saves = officer.getByTestId('history-save');
  await expect(saves).toHaveCount(2);
  await expect(saves.nth(1)).toContainText(LEAD.name);
  await expect(saves.nth(1)).toContainText('arrived in a bundle');
  await expect(saves.nth(1)).toContainText('Returned');
  await expectNoAxeViolations(officer, 'returned entry with its thread');
  await saves.nth(1).scrollIntoViewIfNeeded();
  await shot(officer, 'review-en-officer-detail');

  await officer.getByRole('button', { name: 'Edit' }).click();
  await officer.locator('#field-location').fill(CORRECTED);
  await officer.locator('#field-location').press('Control+Enter');
  await expect(officer.getByTestId('status-returned')).toHaveCount(0);
  await expect(officer.getByTestId('returned-panel')).toHaveCount(0);

  const { file } = await exportBundle(officer, dir);
  bundles.officer.push(file);
});

test('the lead finds the corrected entry pending again with the whole thread and history', async () => {
  await importApplied(lead, [bundles.officer[1]!]);
  await expect(lastRunFiles(lead).first().getByTestId('sync-entries')).toHaveText(
    'Entries: 0 new, 1 changed.',
  );
  await openReview(lead);
  await expect(lead.getByTestId('count-pending')).toHaveText('Not reviewed: 1');
  await queueRow(lead, /training/i).click();
  const pane = lead.getByTestId('review-pane');
  await expect(pane).toContainText('Corrected: waits for review again');
  await expect(pane.getByTestId('thread-item')).toContainText(COMMENT);
  await shot(lead, 'review-en-corrected');

  await lead.getByRole('combobox', { name: /^Type/ }).selectOption('training');
  await openFullEntry(lead);
  const saves = lead.getByTestId('history-save');
  await expect(saves).toHaveCount(3);
  await expect(saves.nth(0)).toContainText(OFFICER.name);
  await expect(saves.nth(0)).toContainText('arrived in a bundle');
  await expect(saves.nth(1)).toContainText(LEAD.name);
  await expect(saves.nth(1)).toContainText('Returned');
  await expect(saves.nth(1)).toContainText(COMMENT);
  await expect(saves.nth(2)).toContainText(OFFICER.name);
  await expect(saves.nth(2)).toContainText(CORRECTED);
  await expect(saves.nth(2)).toContainText('(your time:');
  await expectNoAxeViolations(lead, 'entry detail with thread and history');
  await saves.nth(2).scrollIntoViewIfNeeded();
  await shot(lead, 'review-en-lead-history');
  await switchLanguage(lead, 'fr');
  await expect(saves.nth(2)).toContainText('arrivée dans un lot');
  await shot(lead, 'review-fr-lead-history');
  await switchLanguage(lead, 'en');

  // Opened from the queue, the entry is in Review's section of the menu.
  const menu = lead.getByRole('navigation', { name: 'Main' });
  await expect(menu.getByRole('link', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'Activity log' })).not.toHaveAttribute(
    'aria-current',
    'page',
  );
  // Back to the queue as it was left: its filter and the entry that was open.
  await lead.getByRole('button', { name: 'Back to the review queue' }).click();
  await expect(lead.getByRole('heading', { name: 'Review queue', level: 1 })).toBeVisible();
  await expect(lead.getByRole('combobox', { name: /^Type/ })).toHaveValue('training');
  await expect(queueRow(lead, /training/i)).toHaveAttribute('aria-selected', 'true');
  await expect(lead.getByTestId('review-pane')).toContainText('Corrected: waits for review again');
  // From the menu the queue starts afresh.
  await openSync(lead);
  await openReview(lead);
  await expect(lead.getByRole('combobox', { name: /^Type/ })).toHaveValue('');
});

test('HQ imports both devices’ bundles and sees the lead’s review and the officer’s correction', async () => {
  await openSync(hq);
  await importFiles(hq, [bundles.officer[0]!]);
  await approvePendingDevice(hq, OFFICER.name);
  await importFiles(hq, [bundles.lead[0]!, bundles.officer[1]!]);
  await openReview(hq);
  await expect(hq.getByTestId('count-pending')).toHaveText('Not reviewed: 1');
  await expect(hq.getByTestId('count-approved')).toHaveText('Approved: 3');
  await queueRow(hq, /training/i).click();
  await expect(hq.getByTestId('review-pane')).toContainText('Corrected: waits for review again');
  await expect(hq.getByTestId('thread-item')).toContainText(COMMENT);
  await shot(hq, 'review-en-hq');

  await openFullEntry(hq);
  trainingId = decodeURIComponent(/#\/activity\/([^/]+)$/.exec(hq.url())?.[1] ?? '');
  expect(trainingId).not.toBe('');
  const saves = hq.getByTestId('history-save');
  await expect(saves).toHaveCount(3);
  for (const i of [0, 1, 2]) await expect(saves.nth(i)).toContainText('arrived in a bundle');
  await expect(saves.nth(1)).toContainText(LEAD.name);
  await expect(saves.nth(1)).toContainText('Returned');
  await expect(saves.nth(2)).toContainText(CORRECTED);
  await expectNoAxeViolations(hq, 'entry detail at HQ');
  await saves.nth(2).scrollIntoViewIfNeeded();
  await shot(hq, 'review-en-hq-history');
});

test('a review from a lead of another region is refused at HQ, with a too-long comment; the rest applies', async () => {
  const europe = DEMO_LEADS.find((l) => l.officerId === 'lead-europe');
  if (!europe?.posts[0]) throw new Error('no demo lead for Europe');
  const deviceId = demoLeadDeviceId(europe.officerId);
  const keys = await demoDeviceKeys(deviceId);
  const device: ForgedDevice = {
    deviceId,
    officerId: europe.officerId,
    postCode: europe.posts[0],
    keys,
    code: await fingerprintCode(keys.signing.publicKey),
    nextSeq: 1,
    wall: Date.now(),
  };
  // Its own entry at a post it leads: allowed, and applied.
  const own = ownLiaisonEntry(device, 'Briefing with border police');
  const ownId = own[0]?.recordId ?? '';
  const at = new Date().toISOString();
  const comment = (text: string) => ({ by: europe.officerId, role: 'lead', at, text });
  const changes = [
    ...own,
    // A review of the Bogotá entry, whose post this lead does not lead: refused.
    ...nextChanges(device, trainingId, [
      { path: 'review.status', value: 'approved' },
      { path: 'review.comments.e2e-foreign-1', value: { ...comment('Fine.'), state: 'approved' } },
    ]),
    // A comment on its own entry, over the 2,000-character limit: refused with the limit named.
    ...nextChanges(device, ownId, [
      { path: 'review.comments.e2e-too-long-1', value: comment('x'.repeat(2001)) },
    ]),
  ];
  const bytes = await forgeBundle(device, changes);
  await openSync(hq);
  await importFiles(hq, [{ name: 'lead-europe.llb', buffer: bytes }]);
  const report = lastRunFiles(hq).first();
  await expect(report).toHaveAttribute('data-outcome', 'applied');
  await expect(report.getByTestId('sync-outcome')).toHaveText(
    'Imported, but 3 changes were refused.',
  );
  await expect(report).toContainText('The team lead does not lead the post of this entry.');
  await expect(report).toContainText('A review comment longer than 2,000 characters');
  await expect(report.getByTestId('sync-entries')).toHaveText('Entries: 1 new, 0 changed.');
  await shot(hq, 'review-en-hq-refused');

  // The Bogotá entry is as it was; the lead's own entry waits for review.
  await openReview(hq);
  await expect(hq.getByTestId('count-pending')).toHaveText('Not reviewed: 2');
  await queueRow(hq, /training/i).click();
  await expect(hq.getByTestId('review-pane')).toContainText('Corrected: waits for review again');
  await expect(hq.getByTestId('thread-item')).toHaveCount(1);
});
