// The desktop's date fields follow the interface language: the language the renderer reports
// is kept in userData, and the next start makes it Chromium's locale (--lang). Skipped, saying
// why, where no Electron binary is installed (it has never run where this was written).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import {
  ROOT,
  SKIP_NO_BINARY,
  findElectronBinary,
  launchArgs,
  missingBuild,
} from './electron-binary.ts';

const binary = findElectronBinary();

test.describe('Electron locale', () => {
  test.skip(binary === null, SKIP_NO_BINARY);

  let app: ElectronApplication | null = null;
  let userData = '';

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('starts in the kept language’s locale, and keeps the one the page reports', async () => {
    expect(missingBuild(), 'App not built: run npm run build').toEqual([]);
    userData = mkdtempSync(join(tmpdir(), 'liaison-electron-locale-'));
    const file = join(userData, 'ui-language.json');
    writeFileSync(file, JSON.stringify({ version: 1, language: 'fr' }));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: launchArgs([`--user-data-dir=${userData}`]),
      cwd: ROOT,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.evaluate(() => navigator.language)).toBe('fr-CA');
    // A new database starts in the locale's language; switching is kept for the next start.
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect
      .poll(() => (JSON.parse(readFileSync(file, 'utf8')) as { language: string }).language)
      .toBe('en');
  });
});
