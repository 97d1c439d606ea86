// What the relay's sync shows on HQ's Sync screen, in Chromium against a real Apache relay:
// while HQ pulls 63 bundles the screen has the same bar as a file import ("File 12 of 63",
// en and fr, told by the engine through the exchange worker); and when one device's inbox
// refuses the copy of HQ's new profile version, the screen names that device (its holder,
// posts and device code), says what it means and that the next sync retries.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startApache, type ApacheServer } from '../webdav/apache.ts';
import { readBundleHeader } from '../../shared/bundle/codec.ts';
import {
  DEMO_LEADS,
  demoDeviceKeys,
  demoLeadDeviceId,
  fingerprintCode,
} from '../../shared/identity/index.ts';
import { DEMO_ROSTER, demoOfficerDeviceId } from '../../shared/identity/demo-roster.ts';
import { remoteBundleName } from '../../shared/remote/layout.ts';
import { forgeBundle, ownLiaisonEntry, type ForgedDevice } from './exchange-forge.ts';
import {
  demoDevice,
  expectNoAxeViolations,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
  unlock,
} from './helpers.ts';
import { routeRelay, setRelay } from './relay.ts';

const BUNDLES = 63;

let apache: ApacheServer | null = null;
const pages: Page[] = [];
test.afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  await apache?.dispose();
  apache = null;
});

/** The demo's 63 generated-data devices, each sending as its officer (the demo's keys). */
async function rosterDevices(): Promise<ForgedDevice[]> {
  return Promise.all(
    DEMO_ROSTER.slice(0, BUNDLES).map(async (o) => {
      const deviceId = demoOfficerDeviceId(o.officerId);
      const keys = await demoDeviceKeys(deviceId);
      return {
        deviceId,
        officerId: o.officerId,
        postCode: o.postCode,
        keys,
        code: await fingerprintCode(keys.signing.publicKey),
        nextSeq: 1,
        wall: Date.now(),
      };
    }),
  );
}

/** One new entry from each device, as a bundle in its outbox on the relay. */
async function fillOutboxes(root: string, devices: ForgedDevice[]): Promise<void> {
  for (const device of devices) {
    const changes = ownLiaisonEntry(device, 'Through the relay');
    const bytes = await forgeBundle(device, changes);
    const { bundleId } = readBundleHeader(bytes);
    const seqs = changes.map((c) => c.seq);
    const name = remoteBundleName(
      `${device.postCode}_${device.officerId}_seq-${Math.min(...seqs)}-${Math.max(...seqs)}.llb`,
      bundleId,
    );
    const dir = join(root, 'outbox', device.deviceId);
    mkdirSync(dir, { recursive: true });
    // Apache's workers run as nobody under root: HQ makes its own outbox beside these.
    for (const made of [join(root, 'outbox'), dir]) chmodSync(made, 0o777);
    writeFileSync(join(dir, name), bytes);
  }
}

/** The Sync screen's bar for the relay's import, once it shows one of the 63 files. */
async function expectRelayBar(page: Page, file: RegExp, timeout = 20_000): Promise<void> {
  const bar = page.getByTestId('relay-import').getByRole('progressbar', { name: file });
  await expect(bar).toBeVisible({ timeout });
}

test('HQ sees the relay’s import as a bar, and the devices its new profile did not reach, in en and fr', async ({
  browser,
}, testInfo) => {
  test.setTimeout(360_000);
  apache = await startApache();
  const server = apache;
  const root = join(server.root, 'net');
  mkdirSync(root);
  chmodSync(root, 0o777); // Apache's workers run as nobody under root
  const devices = await rosterDevices();
  await fillOutboxes(root, devices);

  const hq = await demoDevice(browser, { role: 'hq' });
  pages.push(hq);
  await routeRelay(hq, server);
  // One lead's inbox refuses every request (a folder its operator locked): HQ's copy of the
  // profile cannot land there; every other inbox takes it.
  const lead = DEMO_LEADS[0];
  if (!lead) throw new Error('no demo lead');
  const refused = `/relay/net/inbox/${demoLeadDeviceId(lead.officerId)}`;
  await hq.route(
    (url) => url.pathname === refused || url.pathname.startsWith(`${refused}/`),
    (route) => route.fulfill({ status: 403, body: 'Forbidden' }),
  );

  await hq.goto('/?syncInterval=1000');
  await unlock(hq);
  await setRelay(hq, server, 'net');
  await openSync(hq);
  await expectRelayBar(hq, /^File \d+ of 63: /, 60_000);
  await expect(hq.getByTestId('relay-files-done')).toContainText(/Files done: \d+ of 63/);
  await shot(hq, 'online-relay-import-en');
  // The same bar in French, while the same run goes on.
  await switchLanguage(hq, 'fr');
  await expectRelayBar(hq, /^Fichier \d+ sur 63\s: /);
  await expect(hq.getByTestId('relay-files-done')).toContainText(
    /Fichiers terminés\s?: \d+ sur 63/,
  );
  await shot(hq, 'online-relay-import-fr');
  await switchLanguage(hq, 'en');
  // The run is the newest in the report, marked as the relay's; the bar goes once it ends.
  const lastRun = hq.getByTestId('sync-last-run');
  await expect(lastRun.getByTestId('sync-run-relay')).toHaveText('Received through the relay');
  await expect(hq.getByTestId('relay-import')).toHaveCount(0, { timeout: 90_000 });
  await expect(lastRun).not.toContainText('Not finished');
  // The sync goes on with a receipt into each of the 63 inboxes, then ends.
  const strip = hq.getByTestId('relay-status');
  await expect(strip).toHaveAttribute('data-state', 'synced', { timeout: 120_000 });

  // HQ issues version 2 (its relay in the profile); the next sync copies it to every inbox.
  await hq.getByRole('link', { name: 'Network', exact: true }).click();
  const form = hq.getByRole('form', { name: 'Online sync relay' });
  await form.getByLabel('Every device syncs through this relay').check();
  await form.getByLabel('Relay folder address').fill(`${new URL(hq.url()).origin}/relay/net/`);
  await form.getByRole('button', { name: 'Apply relay settings' }).click();
  await saveDownload(hq, 'Issue updated profile (version 2)', testInfo.outputPath());
  await expect(hq.getByTestId('profile-version')).toHaveText('2');
  await openSync(hq);
  const notice = hq.getByRole('region', {
    name: 'Network profile version 2 could not be put in one device’s relay inbox',
  });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const code = await fingerprintCode(
    (await demoDeviceKeys(demoLeadDeviceId(lead.officerId))).signing.publicKey,
  );
  const item = notice.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(lead.name);
  await expect(item).toContainText(`(device code ${code})`);
  await expect(notice).toContainText('It will be tried again at the next sync');
  await notice.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(hq, 'HQ sync screen with a profile copy not sent');
  await shot(hq, 'online-profile-not-sent-en');
  await switchLanguage(hq, 'fr');
  const noticeFr = hq.getByRole('region', {
    name: 'La version 2 du profil du réseau n’a pas pu être déposée dans la boîte de réception d’un appareil sur le relais',
  });
  await expect(noticeFr).toContainText(`(code d’appareil ${code})`);
  await expect(noticeFr).toContainText('Un nouvel essai aura lieu à la prochaine synchronisation');
  await expectNoAxeViolations(hq, 'HQ sync screen with a profile copy not sent, in French');
  await shot(hq, 'online-profile-not-sent-fr');
});
