// Importing a bundle on a full disk, for real (full-disk.ts: Chromium's profile on a small
// tmpfs filled to its last byte). The person is told the disk is full, in their language;
// every table, read with the raw IndexedDB API once space is freed, holds exactly what it
// held before; and the same import then succeeds.
import { expect, test, type Page } from '@playwright/test';
import { browserOnSmallDisk, dumpDatabase, expectSameDatabase } from './full-disk.ts';
import { forgeBundle, makeForgedDevice, ownLiaisonEntry } from './exchange-forge.ts';
import {
  approvePendingDevice,
  importFiles,
  lastRunFiles,
  logCount,
  openSync,
  setUpDemoDevice,
  shot,
  switchLanguage,
} from './helpers.ts';

const SENDER = { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' };
const ENTRIES = 200;

/** Random letters: what compression cannot shrink, so the bundle needs new pages on disk. */
function randomText(length: number): string {
  return Array.from(
    { length },
    () => 'abcdefghijklmnopqrstuvwxyz '[Math.floor(Math.random() * 27)],
  ).join('');
}

/** HQ with a sender approved (one entry from it) and a large bundle of that sender to import. */
async function hqWithBundleToImport(page: Page): Promise<{ name: string; buffer: Buffer }> {
  await setUpDemoDevice(page, { role: 'hq' });
  const device = await makeForgedDevice(SENDER.officerId, SENDER.postCode);
  await openSync(page);
  await importFiles(page, [
    {
      name: 'lagos-first.llb',
      buffer: await forgeBundle(device, ownLiaisonEntry(device, 'First')),
    },
  ]);
  await approvePendingDevice(page, SENDER.name);
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  const changes = Array.from({ length: ENTRIES }, () =>
    ownLiaisonEntry(device, randomText(2_000)),
  ).flat();
  return { name: 'lagos-big.llb', buffer: await forgeBundle(device, changes) };
}

test('on a full disk, an import says the disk is full, stores nothing, and succeeds once space is freed', async ({
  browserName,
}, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    const file = await hqWithBundleToImport(page);
    const before = await dumpDatabase(page);
    expect(before.activities).toHaveLength(1);

    await disk.fill();
    await importFiles(page, [file]);
    // Not even the run could be stored: the screen says why, above everything.
    await expect(page.getByRole('alert')).toHaveText(
      'The disk is full. Nothing from this file was stored; free some space and import it again.',
    );
    await shot(page, 'full-disk-import-en');

    await disk.free();
    expectSameDatabase(await dumpDatabase(page), before);

    await importFiles(page, [file]);
    // The refused run was never stored, so until this run ends the last run shown is the
    // first file's: wait for this file's own report (its name), not just any applied one.
    const report = lastRunFiles(page).filter({ hasText: file.name });
    await expect(report).toHaveAttribute('data-outcome', 'applied', { timeout: 60_000 });
    await expect(lastRunFiles(page)).toHaveCount(1);
    expect(await logCount(page)).toBe(1 + ENTRIES);
  } finally {
    await disk.close();
  }
});

test('on a full disk, the import refusal reads in French', async ({ browserName }, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    const file = await hqWithBundleToImport(page);
    await switchLanguage(page, 'fr');
    const before = await dumpDatabase(page);
    await disk.fill();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir des fichiers…' }).click();
    await (
      await chooser
    ).setFiles([{ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer }]);
    await expect(page.getByRole('alert')).toHaveText(
      'Le disque est plein. Rien de ce fichier n’a été enregistré; libérez de l’espace et importez-le de nouveau.',
    );
    await shot(page, 'full-disk-import-fr');
    await disk.free();
    expectSameDatabase(await dumpDatabase(page), before);
  } finally {
    await disk.close();
  }
});
