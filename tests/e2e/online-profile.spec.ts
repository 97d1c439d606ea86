// The relay set once by HQ, for every device: HQ enters the relay folder and sync interval in
// its network rules (a plain-http address to another computer is refused, in en and fr) and
// issues a new profile version; an officer imports that file as usual, and its Settings show
// the address read-only, "set by HQ"; the officer types only a user name and password, and the
// officer's entry reaches HQ through the real Apache relay, where HQ's Sync screen lists the
// import "Received through the relay". Two browser profiles, one-second sync timers.
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startApache, type ApacheServer } from '../webdav/apache.ts';
import {
  demoDevice,
  expectNoAxeViolations,
  importFiles,
  lastRunFiles,
  logActivity,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
  unlock,
} from './helpers.ts';
import { routeRelay } from './relay.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };

let apache: ApacheServer | null = null;
const pages: Page[] = [];
test.afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  await apache?.dispose();
  apache = null;
});

/** Settings › Online sync with HQ's address: only the credentials are typed. */
async function enterCredentials(page: Page, server: ApacheServer, url: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const address = page.getByLabel('Relay folder address');
  await expect(address).toHaveValue(url);
  await expect(address).not.toBeEditable();
  await expect(page.getByTestId('relay-set-by-hq')).toContainText(
    'Set by HQ in the network profile',
  );
  await page.getByLabel('User name').fill(server.user);
  await page.getByLabel('Password or app token').fill(server.password);
  await page.getByRole('button', { name: 'Save and sync' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

test('HQ sets the relay in its profile; an officer imports it and syncs through it with only a password', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  apache = await startApache();
  const server = apache;
  mkdirSync(join(server.root, 'net'));
  chmodSync(join(server.root, 'net'), 0o777); // Apache's workers run as nobody under root
  const [hq, officer] = await Promise.all([
    demoDevice(browser, { role: 'hq' }),
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
  ]);
  pages.push(hq, officer);
  for (const page of [hq, officer]) await routeRelay(page, server);
  const url = `${new URL(hq.url()).origin}/relay/net/`;

  // HQ: the relay among the network's rules; a plain-http address elsewhere is refused.
  await hq.getByRole('link', { name: 'Network', exact: true }).click();
  const form = hq.getByRole('form', { name: 'Online sync relay' });
  await form.getByLabel('Every device syncs through this relay').check();
  await form.getByLabel('Relay folder address').fill('http://relay.example.org/dav/');
  await form.getByRole('button', { name: 'Apply relay settings' }).click();
  const urlError = form.getByText('Enter an https folder address');
  await expect(urlError).toBeVisible();
  await expect(form.getByLabel('Relay folder address')).toHaveAttribute('aria-invalid', 'true');
  await switchLanguage(hq, 'fr');
  await expect(
    hq
      .getByRole('form', { name: 'Relais de synchronisation en ligne' })
      .getByText('Saisissez l’adresse https d’un dossier'),
  ).toBeVisible();
  await switchLanguage(hq, 'en');
  await form.getByLabel('Relay folder address').fill(url);
  await form.getByLabel('Sync interval (minutes)').fill('0');
  await form.getByRole('button', { name: 'Apply relay settings' }).click();
  await expect(form.getByText('Enter a whole number of minutes from 1 to 1440.')).toBeVisible();
  await form.getByLabel('Sync interval (minutes)').fill('10');
  await form.getByRole('button', { name: 'Apply relay settings' }).click();
  await expect(hq.getByText('You have changes that are not issued yet.')).toBeVisible();
  await form.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(hq, 'HQ network screen with the relay form');
  await shot(hq, 'online-profile-hq-relay-en');
  const profile = await saveDownload(
    hq,
    'Issue updated profile (version 2)',
    testInfo.outputPath(),
  );
  await expect(hq.getByTestId('profile-version')).toHaveText('2');

  // The officer: the new profile by file, as today; then Settings show HQ's relay.
  await logActivity(officer, 'liaison');
  await openSync(officer);
  await importFiles(officer, [profile]);
  await expect(lastRunFiles(officer).first()).toContainText('Network profile updated to version 2');
  await officer.goto('/?syncInterval=1000');
  await unlock(officer);
  await enterCredentials(officer, server, url);
  await expectNoAxeViolations(officer, 'officer settings with the relay set by HQ');
  await shot(officer, 'online-profile-officer-settings-en');
  await expect(officer.getByTestId('relay-status')).toHaveAttribute('data-state', 'synced', {
    timeout: 20_000,
  });
  const outbox = join(server.root, 'net', 'outbox');
  const sent = readdirSync(outbox).flatMap((d) =>
    readdirSync(join(outbox, d)).filter((n) => n.endsWith('.llb')),
  );
  expect(sent).toHaveLength(1);
  await switchLanguage(officer, 'fr');
  await expect(officer.getByTestId('relay-set-by-hq')).toContainText(
    'Défini par l’AC dans le profil du réseau',
  );
  await shot(officer, 'online-profile-officer-settings-fr');

  // HQ pulls it through the same relay; the import is in its Sync screen's report.
  await hq.goto('/?syncInterval=1000');
  await unlock(hq);
  await enterCredentials(hq, server, url);
  await openSync(hq);
  await expect(hq.getByTestId('sync-pending-device').filter({ hasText: OFFICER.name })).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  const lastRun = hq.getByTestId('sync-last-run');
  await expect(lastRun.getByTestId('sync-run-relay')).toHaveText('Received through the relay');
  await expectNoAxeViolations(hq, 'HQ sync screen with a relay import');
  await shot(hq, 'online-profile-hq-sync-en');
});
