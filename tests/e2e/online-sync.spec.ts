// Online sync in Chromium against a real Apache WebDAV server: the officer sets up the relay
// while it is down, the status strip says so in plain words, and once the server comes up the
// strip turns to synced by itself and the officer's bundle is in its outbox on the server.
// The page reaches the relay through its own origin (/relay/, docs/online-sync.md), which
// Playwright forwards to Apache here (relay.ts).
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startApache, type ApacheServer } from '../webdav/apache.ts';
import { DEMO_PASSPHRASE, logActivity, setUpOfficer, shot, unlock } from './helpers.ts';
import { routeRelay } from './relay.ts';

let apache: ApacheServer | null = null;
test.afterEach(async () => {
  await apache?.dispose();
  apache = null;
});

test('the status strip goes from unreachable to synced as the relay comes up, in en and fr', async ({
  page,
}) => {
  apache = await startApache();
  const server = apache;
  mkdirSync(join(server.root, 'net'));
  chmodSync(join(server.root, 'net'), 0o777);
  await server.stop();
  let up = false;
  await routeRelay(page, server, () => up);

  await setUpOfficer(page);
  const origin = new URL(page.url()).origin;
  await logActivity(page, 'liaison');
  // Test timings: a one-second timer and backoff base (the build's default is minutes).
  await page.goto('/?syncInterval=1000');
  await unlock(page, DEMO_PASSPHRASE);
  const strip = page.getByTestId('relay-status');
  await expect(strip).toHaveAttribute('data-state', 'off');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Relay folder address').fill(`${origin}/relay/net/`);
  await page.getByLabel('User name').fill(server.user);
  await page.getByLabel('Password or app token').fill(server.password);
  await page.getByRole('button', { name: 'Save and sync' }).click();
  await expect(strip).toHaveAttribute('data-state', 'offline');
  await expect(strip).toHaveText('Relay unreachable; trying again soon');
  await shot(page, 'online-relay-down-en');

  await server.start();
  up = true;
  await expect(strip).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
  await expect(strip).toContainText('Relay: synced');
  await expect(page.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');
  // One bundle in the officer's own outbox on the server (whatever the device id).
  const outboxes = join(server.root, 'net', 'outbox');
  const bundles = readdirSync(outboxes).flatMap((d) =>
    readdirSync(join(outboxes, d)).filter((n) => n.endsWith('.llb')),
  );
  expect(bundles).toHaveLength(1);
  await page.getByRole('heading', { name: 'Online sync' }).scrollIntoViewIfNeeded();
  await shot(page, 'online-synced-en');
  await page.getByLabel('Language').selectOption('fr');
  await expect(strip).toContainText(/Relais\s:\ssynchronisé/);
  await expect(page.getByText('Enregistré. Le mot de passe est conservé chiffré')).toBeVisible();
  await shot(page, 'online-synced-fr');
});
