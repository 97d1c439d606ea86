// A queued file whose import never finishes (it crashes or kills the app) used to be tried
// again at every start, so the app crashed again at every start. Here HQ imports a large
// bundle, the window goes while the file is under way, the next start resumes it and the
// window goes again; the start after that sets the file aside with its reason, says so on the
// Sync screen, and the app is usable. The bundle is made in this test (a device of its own).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  approvePendingDevice,
  importFiles,
  lastRunFiles,
  logCount,
  openSync,
  setUpDemoDevice,
  shot,
  unlock,
  JOURNEY_TIMEOUT,
} from './helpers.ts';
import { forgeBundle, makeForgedDevice, ownLiaisonEntry } from './exchange-forge.ts';

const SENDER = { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' };
const ENTRIES = 3000;

/** A new window on the Sync screen of the same profile, unlocked: the app's next start. */
async function nextStart(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/#/sync');
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  return page;
}

test('a file whose import dies twice is set aside with its reason, and the app starts', async ({
  browser,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const context = await browser.newContext();
  const page = await context.newPage();
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

  // A bundle large enough that its import is still under way when the window goes.
  const changes = [];
  for (let e = 0; e < ENTRIES; e += 1) changes.push(...ownLiaisonEntry(device, `Meeting ${e}`));
  const poison = await forgeBundle(device, changes);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (
    await chooser
  ).setFiles([{ name: 'poison.llb', mimeType: 'application/octet-stream', buffer: poison }]);
  // The try is counted before the file's progress shows: the app dies here (first try).
  const fileBar = (p: Page) => p.getByRole('progressbar', { name: 'File 1 of 1: poison.llb' });
  await expect(fileBar(page)).toBeVisible({ timeout: 20_000 });
  await page.close();

  // Next start: the interrupted import resumes by itself, and dies again (second try).
  const second = await nextStart(context);
  await expect(fileBar(second)).toBeVisible({ timeout: 20_000 });
  await second.close();

  // The start after that: the file is set aside, with its reason, and not tried again.
  const third = await nextStart(context);
  await expect(third.getByTestId('sync-set-aside')).toHaveText(
    'poison.llb could not be imported and was set aside: its import stopped twice. The reason is under “Last import”.',
  );
  const report = lastRunFiles(third).first();
  await expect(report).toHaveAttribute('data-outcome', 'set-aside');
  await expect(report).toContainText('Could not import: set aside after 2 tries.');
  await expect(report).toContainText('The import stopped each time while working on this file');
  await third.getByTestId('sync-set-aside').scrollIntoViewIfNeeded();
  await shot(third, 'exchange-en-set-aside');
  await third.getByRole('button', { name: 'Passer au français' }).click();
  await expect(third.getByTestId('sync-set-aside')).toContainText(
    'poison.llb n’a pas pu être importé et a été mis de côté',
  );
  await shot(third, 'exchange-fr-set-aside');
  await third.getByRole('button', { name: 'Switch to English' }).click();

  // The app is usable: the log opens with the first bundle's entry only, and nothing waits.
  expect(await logCount(third)).toBe(1);
  await openSync(third);
  await expect(third.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  await context.close();
});
