// Opening a database written by an older version upgrades it at start-up: the window says so
// in both languages while the upgrade waits or runs, then the app opens on the upgraded data.
// The old database is made here as version 1 stored it (STORES_V1), before the app first runs.
import { expect, test, type Page } from '@playwright/test';
import { shot } from './helpers.ts';
import { DB_VERSION } from '../../renderer/src/db/schema.ts';

/** The page at the app's address with its scripts refused: same origin, no app running. */
async function withoutApp(page: Page): Promise<void> {
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/');
  await page.unroute('**/*.js');
}

test('an older database is upgraded at start-up, and the window says so meanwhile', async ({
  context,
  page,
}) => {
  // A second tab holds a schema 1 database open, so the upgrade waits on it (as on a large
  // store it would work) and the notice can be read.
  const holder = await context.newPage();
  await withoutApp(holder);
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Dexie stores schema n as native version 10n.
        const open = indexedDB.open('liaison-log', 10);
        open.onupgradeneeded = () => {
          const db = open.result;
          const activities = db.createObjectStore('activities', { keyPath: 'id' });
          activities.createIndex('sortKey', 'sortKey');
          activities.createIndex('[type+sortKey]', ['type', 'sortKey']);
          activities.createIndex('[reviewStatus+sortKey]', ['reviewStatus', 'sortKey']);
          const changes = db.createObjectStore('changes', { keyPath: ['deviceId', 'seq'] });
          changes.createIndex('hlc', 'hlc');
          changes.createIndex('[recordId+hlc]', ['recordId', 'hlc']);
          db.createObjectStore('meta', { keyPath: 'key' });
          db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        };
        open.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = open.result;
          resolve();
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );

  await page.goto('/');
  const notice = page.locator('main.upgrade-notice');
  // Quick checks only while the tab holds on: after 10 s start-up gives up on a blocked
  // upgrade (errors.blocked). The notice says what the update waits for, in both languages.
  await expect(
    notice.getByRole('heading', { name: 'Updating your log for this version', level: 1 }),
  ).toBeVisible();
  await expect(notice.getByRole('alert')).toContainText('waits for another Liaison Log window');
  await expect(notice.locator('section[lang="fr"]')).toContainText('attend une autre fenêtre');
  await shot(page, 'upgrade-notice');

  // The old tab lets go: the upgrade runs, and the app opens on the upgraded database (a
  // device never set up: the set-up wizard).
  await holder.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  // No error left behind for later: the wait ended well.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const version = await page.evaluate(async () => {
    const found = (await indexedDB.databases()).find((d) => d.name === 'liaison-log');
    return found?.version;
  });
  // Dexie stores schema n as native version 10n.
  expect(version).toBe(DB_VERSION * 10);
  await holder.close();
});
