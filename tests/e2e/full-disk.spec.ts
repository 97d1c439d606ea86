// A full disk, for real: Chromium's profile on a small tmpfs filled to its last byte
// (full-disk.ts says why not a quota override). The person is told the disk is full, in
// their language, what they typed stays in the form, every table holds exactly what it
// held before (read with the raw IndexedDB API once space is freed), and once space is
// freed the same window saves again (the database layer reopens the connection Chromium
// closed, renderer/src/db/connection.ts).
import { expect, test, type Page } from '@playwright/test';
import { browserOnSmallDisk, dumpDatabase, expectSameDatabase } from './full-disk.ts';
import {
  fillFields,
  logActivity,
  newestDraftAt,
  SAMPLES,
  setUpOfficer,
  shot,
  startNewActivity,
  switchLanguage,
} from './helpers.ts';

/**
 * A report body of `length` random letters: the draft is sealed (encrypted) as a whole, so
 * several kilobytes of it need new pages on the disk, which a full disk refuses (a few bytes
 * could still land in the last page the database file already holds).
 */
function longBody(length = 12_000): string {
  return Array.from(
    { length },
    () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)],
  ).join('');
}

/**
 * Types the report's body and waits for its draft to be stored, before the disk is filled: an
 * autosave failing after the fill makes Chromium close the database, and reopening it lets
 * LevelDB drop its old log, which frees space, so the save under test would find room.
 */
async function typeBody(page: Page, body: string): Promise<void> {
  const typedAt = await page.evaluate(() => Date.now());
  await page.locator('#field-body').fill(body);
  await expect
    .poll(async () => Date.parse(await newestDraftAt(page)) || 0)
    .toBeGreaterThanOrEqual(typedAt);
}

/** An officer with one saved entry and a half-typed info report whose draft is stored. */
async function halfTypedEntry(page: Page): Promise<void> {
  await setUpOfficer(page);
  await logActivity(page, 'training');
  await startNewActivity(page, '7');
  const typedAt = await page.evaluate(() => Date.now());
  await fillFields(page, SAMPLES['info-report']?.values ?? {});
  await expect
    .poll(async () => Date.parse(await newestDraftAt(page)) || 0)
    .toBeGreaterThanOrEqual(typedAt);
}

test('on a full disk, the draft is refused with a clear message, the typing stays and nothing stored changes', async ({
  browserName,
}, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    await halfTypedEntry(page);
    const before = await dumpDatabase(page);
    expect(before.activities).toHaveLength(1);
    expect(before.drafts).toHaveLength(1);

    const body = longBody();
    await disk.fill();
    // The autosave of the next keystrokes fails: the form says so, and keeps them.
    await page.locator('#field-body').fill(body);
    await expect(page.getByTestId('draft-failure')).toHaveText(
      'The disk is full: what you typed could not be kept as a draft. It is still in this form: free some space before you close this window.',
    );
    await expect(page.locator('#field-body')).toHaveValue(body);
    await shot(page, 'full-disk-entry-en');

    await disk.free();
    expectSameDatabase(await dumpDatabase(page), before);
  } finally {
    await disk.close();
  }
});

test('on a full disk, the draft refusal reads in French', async ({ browserName }, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    await setUpOfficer(page);
    await switchLanguage(page, 'fr');
    await startNewActivity(page, '7');
    await fillFields(page, SAMPLES['info-report']?.values ?? {});
    const before = await dumpDatabase(page);
    const body = longBody();
    await disk.fill();
    await page.locator('#field-body').fill(body);
    await expect(page.getByTestId('draft-failure')).toContainText(
      'Le disque est plein\u00a0: ce que vous avez saisi n’a pas pu être gardé comme brouillon.',
    );
    await shot(page, 'full-disk-entry-fr');
    await disk.free();
    // The draft may or may not have been stored before the disk filled; nothing else moved.
    const after = await dumpDatabase(page);
    for (const table of Object.keys(before).filter((t) => t !== 'drafts')) {
      expect(after[table], `table ${table}`).toEqual(before[table]);
    }
  } finally {
    await disk.close();
  }
});

/** The toast of a failed save, which stays until dismissed. */
const saveFailure = (page: Page) => page.locator('.toast.error');

/** Ctrl+Enter from the form's first field, as a person saves. */
async function pressSave(page: Page): Promise<void> {
  await page.locator('#occurredOn').focus();
  await page.keyboard.press('Control+Enter');
}

test('on a full disk, the save refusal reads in French', async ({ browserName }, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    await setUpOfficer(page);
    await switchLanguage(page, 'fr');
    await startNewActivity(page, '7');
    await fillFields(page, SAMPLES['info-report']?.values ?? {});
    await typeBody(page, longBody());
    await disk.fill();
    await pressSave(page);
    await expect(saveFailure(page)).toContainText(
      'votre entrée n’a pas été enregistrée, mais elle reste dans le formulaire.',
    );
    await expect(saveFailure(page)).toContainText('Le disque est plein');
    await shot(page, 'full-disk-save-fr');
    await disk.free();
    await pressSave(page);
    await expect(
      page.getByRole('status').filter({ hasText: 'Activité enregistrée.' }),
    ).toBeVisible();
  } finally {
    await disk.close();
  }
});

test('on a full disk, saving an entry is refused with a clear message, the entry stays in the form and nothing stored changes', async ({
  browserName,
}, testInfo) => {
  const disk = await browserOnSmallDisk(testInfo);
  try {
    expect(browserName).toBe('chromium');
    const { page } = disk;
    await halfTypedEntry(page);
    const body = longBody();
    await typeBody(page, body);
    const before = await dumpDatabase(page);
    expect(before.activities).toHaveLength(1);

    await disk.fill();
    await pressSave(page);
    await expect(saveFailure(page)).toContainText(
      'The disk is full: your entry was not saved, but it is kept in the form. Free some space and save again.',
    );
    await expect(page.locator('#field-body')).toHaveValue(body);
    await shot(page, 'full-disk-save-en');

    await disk.free();
    // The draft may have been saved again before the save (the form autosaves); nothing else moved.
    const after = await dumpDatabase(page);
    for (const table of Object.keys(before).filter((t) => t !== 'drafts')) {
      expect(after[table], `table ${table}`).toEqual(before[table]);
    }
    // The same window saves once space is freed.
    await pressSave(page);
    await expect(page.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
    expect((await dumpDatabase(page)).activities).toHaveLength(2);
  } finally {
    await disk.close();
  }
});
