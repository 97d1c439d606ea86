// A lost bundle, end to end with the app's own exports only: the officer's second bundle
// reaches the team lead but is lost on its way to HQ. The lead's receipt lets the officer's
// next bundle start after it, so HQ sees the missing numbers as a gap; HQ's own receipt then
// makes the officer's following export carry them again, and the gap closes.
import { expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approvePendingDevice,
  demoDevice,
  exportBundle,
  importApplied,
  importFiles,
  lastRunFiles,
  logActivity,
  logCount,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-mexico-1', name: 'Marc-André Gagnon' };
const LEAD = { leadId: 'lead-americas', name: 'Camille Tremblay' };

test('a bundle lost on its way to HQ shows as a gap there until the next export carries it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-gap-'));
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  const lead = await demoDevice(browser, { role: 'lead', leadId: LEAD.leadId });
  const hq = await demoDevice(browser, { role: 'hq' });

  // Bundle 1 reaches both.
  await logActivity(officer, 'training');
  const { file: first, sent: sent1 } = await exportBundle(officer, dir);
  for (const page of [lead, hq]) {
    await openSync(page);
    await importFiles(page, [first]);
    await approvePendingDevice(page, OFFICER.name);
    await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');
  }

  // Bundle 2 reaches the lead only.
  await logActivity(officer, 'liaison');
  const { file: second, sent: sent2 } = await exportBundle(officer, dir);
  expect(sent2.from).toBe(1);
  await importApplied(lead, [second]);
  expect(await logCount(lead)).toBe(2);

  // The lead's receipt says it holds everything; HQ has sent none, so the officer's next
  // bundle starts after what the lead holds.
  await openSync(lead);
  await lead.getByLabel('Receipt for').selectOption('MEX');
  const leadReceipt = await saveDownload(lead, 'Export receipt', dir);
  await importFiles(officer, [leadReceipt]);
  await logActivity(officer, 'facilitation');
  const { file: third, sent: sent3 } = await exportBundle(officer, dir);
  expect(sent3.from).toBe(sent2.to + 1);
  expect(sent3.entries).toBe(1);

  // HQ: the numbers of bundle 2 it never got are a gap.
  await importApplied(hq, [third]);
  // Said in bundles and entries; the change numbers are one click away.
  await expect(hq.getByTestId('sync-gap-line')).toHaveText([
    `A bundle from ${OFFICER.name} at Mexico City is missing: some of their entries or edits have not arrived.`,
  ]);
  await hq.getByTestId('sync-gap').getByText('Details').click();
  await expect(hq.getByTestId('sync-gap-detail')).toContainText(
    `Changes ${sent1.to + 1}–${sent2.to} are missing.`,
  );
  await hq.getByTestId('sync-gaps').scrollIntoViewIfNeeded();
  await shot(hq, 'exchange-en-real-gap');
  await switchLanguage(hq, 'fr');
  await expect(hq.getByTestId('sync-gap')).toContainText(OFFICER.name);
  await shot(hq, 'exchange-fr-real-gap');
  await switchLanguage(hq, 'en');
  expect(await logCount(hq)).toBe(2);

  // HQ's receipt says what it holds (bundle 1 only, the numbers after the gap are not
  // contiguous); the officer's next bundle starts right after it and carries bundle 2 again.
  await openSync(hq);
  await hq.getByLabel('Receipt for').selectOption('MEX');
  const hqReceipt = await saveDownload(hq, 'Export receipt', dir);
  await importFiles(officer, [hqReceipt]);
  // HQ lacks the liaison entry of bundle 2 and the facilitation saved after it.
  const receiptFile = lastRunFiles(officer).first();
  await expect(receiptFile.getByTestId('sync-outcome')).toHaveText(
    'Receipt: Demo HQ (Ottawa) holds your entries except 2 saved or changed since; they travel in your next bundle.',
  );
  await receiptFile.getByText('Details').click();
  await expect(receiptFile.getByTestId('sync-receipt-detail')).toHaveText(
    `Your changes it holds: numbers 1–${sent1.to}.`,
  );
  const { file: fourth, sent: sent4 } = await exportBundle(officer, dir);
  expect(sent4.from).toBe(sent1.to + 1);
  expect(sent4.entries).toBe(2);
  await importApplied(hq, [fourth]);
  await expect(hq.getByTestId('sync-gap')).toHaveCount(0);
  expect(await logCount(hq)).toBe(3);
});
