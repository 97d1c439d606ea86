// A file that cannot be read in the middle of an import (moved or deleted between the
// choice and the read): the good files around it are imported, it has its own rejected
// line saying why, in English and in French.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoDevice,
  dropFiles,
  expectNoAxeViolations,
  importFiles,
  lastRunFiles,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
} from './helpers.ts';

/** From now on, reading a file of this name fails the way Chromium fails for a gone file. */
async function makeUnreadable(page: Page, name: string): Promise<void> {
  await page.evaluate((gone) => {
    // File inherits arrayBuffer from Blob: shadow it on File for this one name.
    Object.defineProperty(File.prototype, 'arrayBuffer', {
      configurable: true,
      value(this: File) {
        return this.name === gone
          ? Promise.reject(
              new DOMException('A requested file could not be found.', 'NotFoundError'),
            )
          : Blob.prototype.arrayBuffer.call(this);
      },
    });
  }, name);
}

test('a file that cannot be read is reported on its own and the others are imported', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-unreadable-'));
  const hq = await demoDevice(browser, { role: 'hq' });
  await openSync(hq);
  const profile = await saveDownload(hq, 'Export network profile', dir);
  await makeUnreadable(hq, 'moved.llb');

  await importFiles(hq, [profile, { name: 'moved.llb', buffer: Buffer.from([1, 2, 3]) }, profile]);
  const files = lastRunFiles(hq);
  await expect(files).toHaveCount(3);
  await expect(files.nth(0)).toHaveAttribute('data-outcome', 'profile');
  await expect(files.nth(1)).toHaveAttribute('data-outcome', 'rejected');
  await expect(files.nth(2)).toHaveAttribute('data-outcome', 'profile');
  await expect(files.nth(1)).toContainText('moved.llb');
  await expect(files.nth(1).getByTestId('sync-outcome')).toContainText(
    'moved or deleted after it was chosen',
  );
  await files.nth(1).scrollIntoViewIfNeeded();
  await shot(hq, 'unreadable-import-en');
  await expectNoAxeViolations(hq, 'import report with an unreadable file');

  // Dropped files: the same, one line per file.
  await dropFiles(hq, [{ name: 'moved.llb', buffer: Buffer.from([1]) }, profile]);
  await expect(lastRunFiles(hq).nth(0)).toHaveAttribute('data-outcome', 'rejected');
  await expect(lastRunFiles(hq).nth(1)).toHaveAttribute('data-outcome', 'profile');

  // The report follows a language switch: the reason reads in French too.
  await switchLanguage(hq, 'fr');
  await expect(lastRunFiles(hq).nth(0).getByTestId('sync-outcome')).toContainText(
    'déplacé ou supprimé après avoir été choisi',
  );
  await lastRunFiles(hq).nth(0).scrollIntoViewIfNeeded();
  await shot(hq, 'unreadable-import-fr');
});
