// Online sync in the real Electron binary: an officer's device, set up through the demo
// wizard in the app's own window, enters the test Apache relay in Settings (plain http to this
// computer, which the desktop build allows) and syncs through the main process's transport
// (net.fetch of its own session); its bundle lands in its outbox on the server. Skipped, saying
// why, where no Electron binary is installed (it has never run where this was written).
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { startApache, type ApacheServer } from '../webdav/apache.ts';
import { logActivity } from '../e2e/helpers.ts';
import {
  ROOT,
  SKIP_NO_BINARY,
  findElectronBinary,
  launchArgs,
  missingBuild,
} from './electron-binary.ts';

const binary = findElectronBinary();

test.describe('Electron relay', () => {
  test.skip(binary === null, SKIP_NO_BINARY);

  let apache: ApacheServer | null = null;
  let app: ElectronApplication | null = null;
  let userData = '';

  test.afterAll(async () => {
    await app?.close();
    await apache?.dispose();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('an officer device syncs to the relay through the main process', async () => {
    test.setTimeout(120_000);
    expect(missingBuild(), 'App not built: run npm run build').toEqual([]);
    // A profile of its own: the app's database, relay.json and folders start empty.
    userData = mkdtempSync(join(tmpdir(), 'liaison-electron-relay-'));
    apache = await startApache();
    const folder = join(apache.root, 'desk');
    mkdirSync(folder);
    chmodSync(folder, 0o777); // Apache's workers run as nobody under root
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: launchArgs([`--user-data-dir=${userData}`]),
      cwd: ROOT,
    });
    const page: Page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    // The demo officer at Bogotá, as a person starts it (no page.goto: the app serves app://).
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('button', { name: 'As an officer at Bogotá' }).click();
    await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
    await logActivity(page, 'liaison');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Relay folder address').fill(`${apache.url}desk/`);
    await page.getByLabel('User name').fill(apache.user);
    await page.getByLabel('Password or app token').fill(apache.password);
    await page.getByRole('button', { name: 'Save and sync' }).click();
    // With a keyring the main process seals the password; without one (basic_text) it keeps
    // it for the session: either way Settings says it was saved.
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    const strip = page.getByTestId('relay-status');
    await expect(strip).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
    const outbox = join(folder, 'outbox');
    const bundles = readdirSync(outbox).flatMap((d) =>
      readdirSync(join(outbox, d)).filter((n) => n.endsWith('.llb')),
    );
    expect(bundles).toHaveLength(1);
  });
});
