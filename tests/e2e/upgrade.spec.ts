// Opening a database written by an older version upgrades it at start-up: the window says so
// in both languages while the upgrade waits or runs, then the app opens on the upgraded data.
// The old database is made here as version 1 stored it (STORES_V1), before the app first runs.
import { expect, test, type Page } from '@playwright/test';
import { shot } from './helpers.ts';

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
  await expect(
    notice.getByRole('heading', { name: 'Updating your log for this version', level: 1 }),
  ).toBeVisible();
  await expect(
    notice.getByRole('heading', { name: 'Mise à jour de votre journal pour cette version' }),
  ).toBeVisible();
  await expect(notice.getByRole('progressbar', { name: 'Updating' })).toBeVisible();
  await expect(notice.locator('section[lang="fr"]')).toContainText('rien n’est perdu');
  // Quick checks only while the tab holds on: after 10 s the app gives up on a blocked open
  // (errors.blocked), so no axe run here; the roles above are what a screen reader reads.
  await shot(page, 'upgrade-notice');

  // The old tab lets go: the upgrade runs, and the app opens on the upgraded database (a
  // device never set up: the set-up wizard).
  await holder.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  const version = await page.evaluate(async () => {
    const found = (await indexedDB.databases()).find((d) => d.name === 'liaison-log');
    return found?.version;
  });
  expect(version).toBe(100);
  await holder.close();
});
