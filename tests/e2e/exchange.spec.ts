// The offline loop with three devices of the demo network, each its own browser profile: the
// demo officer at Bogotá logs entries with no link and exports a bundle (once, in beforeAll:
// every test starts from that file); the demo team lead of the Americas and the demo HQ import
// it (approving the officer's new device first); HQ's figures match; a repeat, a damaged copy
// and a forged change are handled; receipts travel back; a lost bundle costs nothing; a real
// gap is shown until its changes arrive. Tests run in file order in one worker
// (fullyParallel is off); only the last one changes the officer's device.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approvePendingDevice,
  demoDevice,
  dropFiles,
  expectNoAxeViolations,
  exportBundle,
  exported,
  importApplied,
  importFiles,
  lastRunFiles,
  logActivity,
  logCount,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
  type DemoDevice,
  type Exported,
  type SavedFile,
  expectKeyboardFocus,
  JOURNEY_TIMEOUT,
} from './helpers.ts';
import { forgeBundle, makeForgedDevice, nextChanges, ownLiaisonEntry } from './exchange-forge.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };
const LEAD = { leadId: 'lead-americas', name: 'Camille Tremblay' };
const FORGER = { officerId: 'lo-mexico-1', name: 'Marc-André Gagnon', postCode: 'MEX' };

type CountKind = 'inserted' | 'updated' | 'unchanged' | 'stale' | 'refused';

/** The per-change counts of one file report of the last import, by kind. */
async function countsOf(page: Page, index: number): Promise<Record<CountKind, number>> {
  const file = lastRunFiles(page).nth(index);
  const read = async (kind: string) =>
    Number(((await file.getByTestId(`sync-count-${kind}`).textContent()) ?? '').replace(/\D/g, ''));
  return {
    inserted: await read('inserted'),
    updated: await read('updated'),
    unchanged: await read('unchanged'),
    stale: await read('stale'),
    refused: await read('refused'),
  };
}

/** A screenshot with `part` of the sync screen scrolled into view (main scrolls, not the page). */
async function shotOf(page: Page, part: string, name: string): Promise<void> {
  await page.getByTestId(part).scrollIntoViewIfNeeded();
  await shot(page, name);
}

function flipByte(file: SavedFile, at: number): { name: string; buffer: Buffer } {
  const buffer = Buffer.from(file.bytes);
  buffer[at] = (buffer[at] ?? 0) ^ 0x01;
  return { name: `altered-${file.name}`, buffer };
}

/** What every test starts from: the officer's device and its first bundle. */
let dir = '';
let officer: Page;
let first: SavedFile;
let sent: Exported;

test.beforeAll(async ({ browser }) => {
  dir = await mkdtemp(join(tmpdir(), 'liaison-exchange-'));
  officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  // The officer works with no link at all.
  await officer.context().setOffline(true);
  for (const type of ['training', 'interdiction', 'liaison'] as const) {
    await logActivity(officer, type);
  }
  expect(await logCount(officer)).toBe(3);
  await openSync(officer);
  first = await saveDownload(officer, 'Export bundle', dir);
  sent = await exported(officer);
});

/** A new device of the demo network that has imported the first bundle and approved its sender. */
async function withFirstBundle(browser: Browser, who: DemoDevice): Promise<Page> {
  const page = await demoDevice(browser, who);
  await openSync(page);
  await importFiles(page, [first]);
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'pending-device');
  await approvePendingDevice(page, OFFICER.name);
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');
  return page;
}

test('an officer with no link exports one bundle of its three entries, numbered from 1', async () => {
  expect(first.name).toMatch(/\.llb$/);
  expect(sent.entries).toBe(3);
  // Numbers 1..to, every change logged; a field saved twice travels once (compaction).
  expect(sent.from).toBe(1);
  expect(sent.to).toBeGreaterThanOrEqual(sent.changes);
  await expect(officer.getByTestId('status-last-export')).toContainText('Last export:');
  await shot(officer, 'exchange-en-export-done');
  await switchLanguage(officer, 'fr');
  await shot(officer, 'exchange-fr-export-done');
  await switchLanguage(officer, 'en');
});

test('HQ refuses an altered copy, applies the bundle once the device is approved, and a repeat changes nothing', async ({
  browser,
}) => {
  const hq = await demoDevice(browser, { role: 'hq' });
  // A copy with one byte altered is refused and changes nothing.
  await openSync(hq);
  // A byte of the encrypted payload (the signature is the last 64 bytes).
  await importFiles(hq, [flipByte(first, first.bytes.length - 100)]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'rejected');
  // The keyboard user lands on the report when the import ends.
  await expectKeyboardFocus(hq.getByRole('heading', { name: 'Last import' }));
  await expect(lastRunFiles(hq).first().getByTestId('sync-outcome')).toContainText(
    'This bundle was refused',
  );
  expect(await logCount(hq)).toBe(0);

  // The real file waits for the new device's approval, then applies.
  await openSync(hq);
  await importFiles(hq, [first]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'pending-device');
  await expect(hq.getByTestId('sync-pending-device')).toContainText(OFFICER.name);
  await expectNoAxeViolations(hq, 'sync screen with a pending device');
  await approvePendingDevice(hq, OFFICER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  const counts = await countsOf(hq, 0);
  expect(counts.refused).toBe(0);
  expect(counts.inserted + counts.updated + counts.unchanged + counts.stale).toBe(sent.changes);
  expect(await logCount(hq)).toBe(3);

  // Importing the same file again (dropped on the window this time) changes nothing and
  // says so; the browser does not navigate away to the dropped file.
  await openSync(hq);
  await dropFiles(hq, [first]);
  await expect(hq).toHaveURL(/#\/sync$/);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'already-imported');
  await expect(lastRunFiles(hq).first().getByTestId('sync-outcome')).toContainText(
    'nothing changed',
  );
  expect(await logCount(hq)).toBe(3);
});

test('the team lead approves the officer of its post, applies the bundle and lists its approval', async ({
  browser,
}) => {
  const lead = await withFirstBundle(browser, { role: 'lead', leadId: LEAD.leadId });
  // The lead's own approval is listed, with a way to withdraw it (a lost laptop).
  await expect(lead.getByTestId('sync-approved-device')).toContainText(OFFICER.name);
  await shot(lead, 'exchange-en-lead-approved-devices');
  await switchLanguage(lead, 'fr');
  await expect(
    lead.getByRole('heading', { name: 'Appareils que vous avez approuvés' }),
  ).toBeVisible();
  await shot(lead, 'exchange-fr-lead-approved-devices');
  await switchLanguage(lead, 'en');
  expect(await logCount(lead)).toBe(3);
});

test('HQ refuses a forged change to another officer’s entry and applies the rest of its bundle', async ({
  browser,
}) => {
  const hq = await withFirstBundle(browser, { role: 'hq' });
  // A device made in this test, for officer Marc-André Gagnon at Mexico City, sends a bundle
  // with an entry of its own and a change to Sofía's liaison entry (its id read from HQ's log).
  await logCount(hq);
  const href = await hq
    .getByTestId('activity-row')
    .filter({ hasText: /smuggling/i })
    .getAttribute('href');
  const victimId = decodeURIComponent((href ?? '').replace('#/activity/', ''));
  expect(victimId).not.toBe('');
  const forger = await makeForgedDevice(FORGER.officerId, FORGER.postCode);
  const hostile = await forgeBundle(forger, [
    ...ownLiaisonEntry(forger, 'Meeting with the airport police'),
    ...nextChanges(forger, victimId, [
      { path: 'data.subject', value: 'Overwritten by another device' },
    ]),
  ]);
  await openSync(hq);
  await importFiles(hq, [{ name: 'from-mexico.llb', buffer: hostile }]);
  await expect(hq.getByTestId('sync-pending-device')).toContainText(FORGER.name);
  await expect(hq.getByTestId('sync-pending-device').locator('code')).toHaveText(forger.code);
  await switchLanguage(hq, 'fr');
  await shotOf(hq, 'sync-pending', 'exchange-fr-pending-device');
  await switchLanguage(hq, 'en');
  await shotOf(hq, 'sync-pending', 'exchange-en-pending-device');
  await approvePendingDevice(hq, FORGER.name);
  const forged = lastRunFiles(hq).first();
  await expect(forged).toHaveAttribute('data-outcome', 'applied');
  await expect(forged.getByTestId('sync-outcome')).toHaveText(
    'Imported, but 1 change was refused.',
  );
  await expect(forged.locator('.sync-refused li')).toHaveText([
    `Entry ${victimId}, field “data.subject”: The entry belongs to another officer or post.`,
  ]);
  expect((await countsOf(hq, 0)).refused).toBe(1);
  await shotOf(hq, 'sync-last-run', 'exchange-en-report');
  await expectNoAxeViolations(hq, 'sync screen with an import report');
  await switchLanguage(hq, 'fr');
  await shotOf(hq, 'sync-last-run', 'exchange-fr-report');
  await switchLanguage(hq, 'en');
  expect(await logCount(hq)).toBe(4);
  await hq
    .getByTestId('activity-row')
    .filter({ hasText: /smuggling/i })
    .click();
  // The entry's field, not its history's copy of the value.
  await expect(
    hq.getByRole('definition').filter({ hasText: 'Joint briefing on smuggling routes' }),
  ).toBeVisible();
  await expect(hq.getByText('Overwritten by another device')).toHaveCount(0);
});

test('a bundle lost before a later one shows as a gap at HQ until the next bundle carries it', async ({
  browser,
}) => {
  const hq = await demoDevice(browser, { role: 'hq' });
  const forger = await makeForgedDevice(FORGER.officerId, FORGER.postCode);
  await openSync(hq);
  await importFiles(hq, [
    {
      name: 'mexico-first.llb',
      buffer: await forgeBundle(forger, ownLiaisonEntry(forger, 'First')),
    },
  ]);
  await approvePendingDevice(hq, FORGER.name);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');

  // The Mexico City device's next bundle is lost and a later one arrives first.
  const lostChanges = ownLiaisonEntry(forger, 'Lost on a USB stick');
  const laterChanges = ownLiaisonEntry(forger, 'Arrived first');
  const later = await forgeBundle(forger, laterChanges);
  await importFiles(hq, [{ name: 'mexico-later.llb', buffer: later }]);
  const lost = { from: lostChanges[0]?.seq ?? 0, to: lostChanges.at(-1)?.seq ?? 0 };
  await expect(hq.getByTestId('sync-gap-line')).toHaveText([
    `A bundle from ${FORGER.name} at Mexico City is missing: some of their entries or edits have not arrived.`,
  ]);
  await hq.getByTestId('sync-gap').getByText('Details').click();
  await expect(hq.getByTestId('sync-gap-detail')).toContainText(
    `Changes ${lost.from}–${lost.to} are missing.`,
  );
  await shotOf(hq, 'sync-gaps', 'exchange-en-gap');
  await switchLanguage(hq, 'fr');
  await shotOf(hq, 'sync-gaps', 'exchange-fr-gap');
  await switchLanguage(hq, 'en');
  expect(await logCount(hq)).toBe(2);
  // Its next bundle carries everything HQ has not acknowledged, the lost changes included.
  const resent = await forgeBundle(forger, [...lostChanges, ...laterChanges]);
  await openSync(hq);
  await importFiles(hq, [{ name: 'mexico-resent.llb', buffer: resent }]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'applied');
  await expect(hq.getByTestId('sync-gap')).toHaveCount(0);
  expect(await logCount(hq)).toBe(3);
});

test('receipts from HQ and the lead shorten the next export, and a lost bundle costs nothing', async ({
  browser,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const hq = await withFirstBundle(browser, { role: 'hq' });
  const lead = await withFirstBundle(browser, { role: 'lead', leadId: LEAD.leadId });
  // Receipts: HQ and the lead say what they hold; the officer's next export leaves it out.
  const receipts: SavedFile[] = [];
  for (const page of [hq, lead]) {
    await page.getByLabel('Receipt for').selectOption('BOG');
    receipts.push(await saveDownload(page, 'Export receipt', dir));
  }
  await openSync(officer);
  await importFiles(officer, receipts);
  await expect(lastRunFiles(officer)).toHaveCount(2);
  await expect(lastRunFiles(officer).nth(0).getByTestId('sync-outcome')).toHaveText(
    'Receipt: Demo HQ (Ottawa) holds all your entries.',
  );
  await expect(lastRunFiles(officer).nth(1).getByTestId('sync-outcome')).toHaveText(
    `Receipt: ${LEAD.name} holds all your entries.`,
  );
  await expect(officer.getByTestId('status-last-receipt')).toContainText('Last receipt from HQ:');
  await switchLanguage(officer, 'fr');
  await shotOf(officer, 'sync-last-run', 'exchange-fr-officer-receipts');
  await switchLanguage(officer, 'en');
  await logActivity(officer, 'facilitation');
  const { file: second, sent: secondSent } = await exportBundle(officer, dir);
  expect(secondSent.from).toBe(sent.to + 1);
  expect(secondSent.entries).toBe(1);

  // That bundle is lost. The next export carries its changes again, and nothing is missing.
  expect(second.bytes.length).toBeGreaterThan(0);
  await logActivity(officer, 'evacuation');
  const { file: third, sent: thirdSent } = await exportBundle(officer, dir);
  expect(thirdSent.from).toBe(sent.to + 1);
  expect(thirdSent.entries).toBe(2);
  await importApplied(hq, [third]);
  await expect(hq.getByTestId('sync-gap')).toHaveCount(0);
  expect(await logCount(hq)).toBe(5);
});
