// Encryption at rest, checked where it matters: on the disk. A browser profile in a folder of
// our own gets one interdiction with a unique sensitive canary (the traveller's name) and a
// unique open canary (the carrier). After the browser closes, every file of the profile's
// IndexedDB is searched: the open canary must be there (the search works, the data is on
// disk), the sensitive one must not be, in any encoding Chromium uses for strings.
import { chromium, expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';
import { fillFields, setUpOfficer, shot, startNewActivity } from './helpers.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Which files hold `text` as Latin-1/UTF-8 bytes or as UTF-16LE (V8's two string forms). */
async function filesHolding(files: readonly string[], text: string): Promise<string[]> {
  const forms = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null);
    if (bytes && forms.some((form) => bytes.includes(form))) found.push(file);
  }
  return found;
}

/**
 * A fresh random tag per canary, each from its own alphabet: canaries sharing a substring
 * could let compression store the shared part once (a back reference to the open canary)
 * and so hide a plaintext sensitive value from the byte search.
 */
function randomTag(alphabet: string, length = 12): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

test('a sensitive canary never reaches the disk, an open one does', async ({
  browserName,
}, testInfo) => {
  expect(browserName).toBe('chromium');
  const profileDir = await mkdtemp(join(tmpdir(), 'liaison-at-rest-'));
  // No four characters in a row in common between any two of them (prefixes included).
  const secret = `XSECRETNAME${randomTag('GHJKLMNRSTUVWXYZ')}`;
  const open = `QOPENCARRIER${randomTag('0123456789')}`;
  const documentNumber = `P${randomTag('ABCDEF')}`;
  const baseURL = testInfo.project.use.baseURL ?? '';
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await setUpOfficer(page);
    await startNewActivity(page, '2');
    await fillFields(page, {
      airport: 'BOG',
      carrier: open,
      documentType: 'passport',
      fraudType: 'impostor',
      persons: 1,
      outcome: 'boarding-denied',
      travellerName: secret,
      documentNumber,
    });
    await page.locator('#occurredOn').focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
    // The detail view shows the name (unlocked), so the value was saved, only sealed.
    await page
      .getByRole('link', { name: new RegExp(open) })
      .first()
      .click();
    await expect(page.getByText(secret).first()).toBeVisible();
    await shot(page, 'at-rest-detail-unlocked');
    await context.close();

    const files = await filesUnder(join(profileDir, 'Default', 'IndexedDB'));
    expect(files.length).toBeGreaterThan(0);
    expect(await filesHolding(files, open), 'the open canary is on disk').not.toEqual([]);
    expect(await filesHolding(files, secret), 'the sensitive canary is on disk').toEqual([]);
    expect(await filesHolding(files, documentNumber), 'the document number is on disk').toEqual([]);
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
});
