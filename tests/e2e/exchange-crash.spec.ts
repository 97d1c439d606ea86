// Crash safety of an import: HQ starts importing several large bundles, the page is closed
// part way (as a crash or a closed window would), and the next start completes the import.
// In the end every entry is there exactly once, and importing the same files again changes
// nothing. The bundles come from a device made in this test (its key in this process).
import { expect, test } from '@playwright/test';
import {
  approvePendingDevice,
  importFiles,
  lastRunFiles,
  logCount,
  openSync,
  setUpDemoDevice,
  shot,
  unlock,
} from './helpers.ts';
import { forgeBundle, makeForgedDevice, ownLiaisonEntry } from './exchange-forge.ts';

const SENDER = { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' };
const BUNDLES = 6;
const ENTRIES_PER_BUNDLE = 1500;

test('an import cut short by closing the page completes on the next start, without duplicates', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await setUpDemoDevice(page, { role: 'hq' });

  // HQ approves the sender's device with a first, small bundle.
  const device = await makeForgedDevice(SENDER.officerId, SENDER.postCode);
  const first = await forgeBundle(device, ownLiaisonEntry(device, 'First meeting'));
  await openSync(page);
  await importFiles(page, [{ name: 'lagos-first.llb', buffer: first }]);
  await approvePendingDevice(page, SENDER.name);
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');

  const files: { name: string; buffer: Buffer }[] = [];
  for (let b = 0; b < BUNDLES; b += 1) {
    const changes = [];
    for (let e = 0; e < ENTRIES_PER_BUNDLE; e += 1) {
      changes.push(...ownLiaisonEntry(device, `Meeting ${b + 1}.${e + 1}`));
    }
    files.push({ name: `lagos-${b + 1}.llb`, buffer: await forgeBundle(device, changes) });
  }

  // Start importing them all; once the second file is under way, the window goes.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (
    await chooser
  ).setFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })),
  );
  // One bar for the run: its name says the file, its value the run's share done.
  const overall = page.getByRole('progressbar');
  await expect(
    page.getByRole('progressbar', { name: `File 2 of ${BUNDLES}: lagos-2.llb` }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(overall).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  // The screen answers while the worker imports: the Cancel button is there and enabled.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await overall.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-en-import-progress');
  await page.getByRole('button', { name: 'Passer au français' }).click();
  await shot(page, 'exchange-fr-import-progress');
  await page.close();

  // The next start: unlock, and the interrupted import resumes by itself, saying so, with
  // its progress (read in French here).
  const again = await context.newPage();
  await again.goto('/#/sync');
  await unlock(again);
  // The language chosen just before the window closed may or may not have been saved.
  const toFrench = again.getByRole('button', { name: 'Passer au français' });
  if (await toFrench.isVisible()) await toFrench.click();
  await expect(again.getByRole('heading', { name: 'Synchronisation', level: 1 })).toBeVisible();
  await expect(again.getByText(/^Une importation a été interrompue avant la fin/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(again.getByRole('progressbar', { name: /^Fichier \d+ sur / })).toBeVisible();
  await shot(again, 'exchange-fr-import-resuming');
  await again.getByRole('button', { name: 'Switch to English' }).click();
  await expect(again.getByText('An interrupted import was completed.')).toBeVisible({
    timeout: 120_000,
  });
  const expected = 1 + BUNDLES * ENTRIES_PER_BUNDLE;
  expect(await logCount(again)).toBe(expected);

  // Each bundle was recorded once: importing all of them again changes nothing.
  await openSync(again);
  await importFiles(again, files);
  await expect(lastRunFiles(again)).toHaveCount(BUNDLES);
  for (let i = 0; i < BUNDLES; i += 1) {
    await expect(lastRunFiles(again).nth(i)).toHaveAttribute('data-outcome', 'already-imported');
  }
  expect(await logCount(again)).toBe(expected);
});
