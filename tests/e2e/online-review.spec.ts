// A lead's review reaches the officer through the relay by itself: the officer logs an entry
// and sets up the relay; the team lead of the Americas sets up the same relay, its sync pulls
// the officer's bundle, the lead approves the officer's device and returns the entry with a
// comment; the officer, touching nothing, sees "1 returned to you" appear. Two browser
// profiles, a real Apache WebDAV server, one-second sync timers (?syncInterval=1000).
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startApache, type ApacheServer } from '../webdav/apache.ts';
import {
  approvePendingDevice,
  demoDevice,
  logActivity,
  openSync,
  shot,
  switchLanguage,
  unlock,
} from './helpers.ts';
import { routeRelay, setRelay } from './relay.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };
const COMMENT = 'Which flight was this? Add the flight number.';

test.describe.configure({ mode: 'serial' });

let apache: ApacheServer;
let officer: Page;
let lead: Page;

/** Reopens the app with test sync timings and unlocks it. */
async function withFastSync(page: Page): Promise<void> {
  await page.goto('/?syncInterval=1000');
  await unlock(page);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  apache = await startApache();
  mkdirSync(join(apache.root, 'net'));
  chmodSync(join(apache.root, 'net'), 0o777); // Apache's workers run as nobody under root
  [officer, lead] = await Promise.all([
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
    demoDevice(browser, { role: 'lead', leadId: 'lead-americas' }),
  ]);
  for (const page of [officer, lead]) await routeRelay(page, apache);
});

test.afterAll(async () => {
  for (const page of [officer, lead]) await page?.context().close();
  await apache?.dispose();
});

test('the officer’s entry reaches the lead through the relay, and the lead approves the device', async () => {
  await logActivity(officer, 'training');
  await withFastSync(officer);
  await setRelay(officer, apache, 'net');
  await expect(officer.getByTestId('relay-status')).toHaveAttribute('data-state', 'synced', {
    timeout: 15_000,
  });

  await withFastSync(lead);
  await setRelay(lead, apache, 'net');
  await openSync(lead);
  await approvePendingDevice(lead, OFFICER.name);
  await lead
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(lead.getByTestId('queue-row').filter({ hasText: /training/i })).toHaveCount(1);
});

test('the lead returns the entry with a comment; it appears on the officer’s screen without a click', async () => {
  await expect(officer.getByTestId('status-returned')).toHaveCount(0);
  await lead
    .getByTestId('queue-row')
    .filter({ hasText: /training/i })
    .click();
  const pane = lead.getByTestId('review-pane');
  await pane.getByRole('textbox', { name: 'Comment', exact: true }).fill(COMMENT);
  await pane.getByRole('button', { name: 'Return with this comment' }).click();
  await expect(lead.getByTestId('count-returned')).toHaveText('Returned: 1');

  // The lead's sync sends it a moment later; the officer's timer brings it in.
  await expect(officer.getByTestId('status-returned')).toHaveText('1 returned to you', {
    timeout: 20_000,
  });
  await expect(officer.getByTestId('relay-status')).toHaveAttribute('data-state', 'synced');
  await shot(officer, 'online-review-arrived-en');
  await switchLanguage(officer, 'fr');
  await expect(officer.getByTestId('status-returned')).toHaveText('1 renvoyée à vous');
  await expect(officer.getByTestId('relay-status')).toContainText(/Relais\s:\ssynchronisé/);
  await shot(officer, 'online-review-arrived-fr');
});
