// Shared steps for the end-to-end tests: set up an officer, log an activity the way a
// person does (keyboard and form), scan a screen with axe, keep a screenshot to look at.
import { readFileSync } from 'node:fs';
import {
  expect,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { decodeProfileFile, fingerprintCode } from '../../shared/identity/index.ts';
import { DEMO_PASSPHRASE } from '../../renderer/src/features/lock/demo.ts';

export const SCREENS_DIR = 'test-results/screens';

/**
 * The time limit of a long journey: across several devices (an officer, a lead, HQ: each its
 * own browser context, set up, then bundles carried between them), or through every activity
 * type's form. Such a journey took 30–50 s on the loaded 2-core CI machine, too close to the
 * default 60 s; this keeps it far under its limit.
 */
export const JOURNEY_TIMEOUT = 120_000;

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/**
 * Where the keyboard is: the element the document's focus is on. Playwright's toBeFocused
 * also asks that the page's window has the OS focus, which only one of several pages open
 * side by side (an officer, a lead and HQ) has at a time; the app cannot control that.
 */
export async function expectKeyboardFocus(target: Locator): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => el === el.ownerDocument.activeElement), {
      message: 'keyboard focus',
    })
    .toBe(true);
}

// ---- First run (the setup wizard) -----------------------------------------------------

/** The passphrase every demo device uses (shown on the demo screen). */
export { DEMO_PASSPHRASE };

/**
 * The demo officer at Bogotá (Sofía Herrera, lo-bogota-1), through the wizard's demo path:
 * two clicks from a fresh browser profile. Its passphrase is DEMO_PASSPHRASE.
 */
export async function setUpOfficer(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByRole('button', { name: 'As an officer at Bogotá' }).click();
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
}

/** On the lock screen (English or French): type the passphrase and unlock. */
export async function unlock(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.getByLabel(/^(Passphrase|Phrase de passe)$/).fill(passphrase);
  await page.getByRole('button', { name: /^(Unlock|Déverrouiller)$/ }).click();
  await expect(page.getByRole('heading', { name: /locked|verrouillé/ })).toHaveCount(0);
}

/** A reload locks the window (the data key lives in memory only): reload, then unlock. */
export async function reloadAndUnlock(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.reload();
  await unlock(page, passphrase);
}

export interface OfficerAnswers {
  name: string;
  officerId: string;
  /** A post code of the profile's open posts. */
  post: string;
}

/**
 * The code HQ reads out by phone for the profile in this file (HQ's Network screen shows the
 * same): the start of the fingerprint of HQ's signing key.
 */
export async function hqCodeOfProfileFile(profilePath: string): Promise<string> {
  const { profile } = decodeProfileFile(new Uint8Array(readFileSync(profilePath)));
  const hq = (profile as { hq?: { signingKey?: unknown } }).hq;
  if (typeof hq?.signingKey !== 'string') throw new Error(`${profilePath}: no HQ signing key`);
  return fingerprintCode(hq.signingKey);
}

/**
 * The verify step: type the code HQ read by phone (English or French), then Next. The step
 * does not show the code; the person must have heard it.
 */
export async function typeHqCode(page: Page, hqCode: string): Promise<void> {
  await page.getByLabel(/^(The code HQ read to you|Le code que l’AC vous a lu)$/).fill(hqCode);
  await page.getByRole('button', { name: /^(Next|Suivant)$/ }).click();
}

/**
 * An officer's first run with a network profile file HQ exported: "Set up for my post",
 * choose the file, type HQ's code (as HQ reads it by phone), name, officer id and post,
 * passphrase twice, then start logging from the device card. Returns the HQ code typed.
 */
export async function setUpOfficerFromProfile(
  page: Page,
  profilePath: string,
  passphrase: string,
  who: OfficerAnswers = { name: 'Marie Tremblay', officerId: 'LO-0042', post: 'BOG' },
  options: { shots?: string } = {},
): Promise<{ hqCode: string }> {
  const step = (name: string) =>
    options.shots ? shot(page, `${options.shots}-${name}`) : Promise.resolve();
  const hqCode = await hqCodeOfProfileFile(profilePath);
  await page.goto('/');
  await page.getByRole('button', { name: 'Set up for my post' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose the profile file…' }).click();
  await step('03-import');
  await (await chooser).setFiles(profilePath);
  await expect(page.getByRole('heading', { name: 'Check HQ’s code' })).toBeVisible();
  await step('04-verify');
  await typeHqCode(page, hqCode);
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Officer ID').fill(who.officerId);
  await page.getByLabel('Post', { exact: true }).selectOption(who.post);
  await step('05-who');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await step('06-passphrase');
  await page.getByRole('button', { name: 'Set up this device' }).click();
  await expect(page.getByRole('heading', { name: 'Your device card' })).toBeVisible();
  await step('07-card');
  await page.getByRole('button', { name: 'Start logging' }).click();
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
  return { hqCode };
}

type Sample = Record<string, string | number | boolean | string[]>;

/** One realistic entry per activity type, by field name. */
export const SAMPLES: Record<string, { key: string; values: Sample; search: string }> = {
  training: {
    key: '1',
    values: {
      audience: 'airline-staff',
      organization: 'Aerolíneas Andinas',
      location: 'El Dorado airport',
      peopleTrained: 25,
      topics: ['document-examination', 'impostors'],
    },
    search: 'andinas',
  },
  interdiction: {
    key: '2',
    values: {
      airport: 'BOG',
      carrier: 'Avianca',
      flightNumber: 'AV 204',
      documentType: 'passport',
      fraudType: 'impostor',
      documentCountry: 'COL',
      persons: 2,
      outcome: 'boarding-denied',
      travellerName: 'Canary Sensitive-Name',
    },
    search: 'avianca',
  },
  facilitation: {
    key: '3',
    values: { reason: 'lost-documents', persons: 3, destination: 'Toronto' },
    search: 'toronto',
  },
  removal: {
    key: '4',
    values: {
      removals: 1,
      assistance: ['travel-document', 'escort'],
      escorted: true,
      destinationCountry: 'COL',
    },
    search: '',
  },
  evacuation: {
    key: '5',
    values: {
      crisis: 'Earthquake response',
      screened: 40,
      cleared: 35,
      referred: 5,
      destination: 'canada',
    },
    search: 'earthquake',
  },
  liaison: {
    key: '6',
    values: {
      counterpart: 'rcmp',
      jointActivity: true,
      meetings: 1,
      subject: 'Joint briefing on smuggling routes',
    },
    search: 'smuggling',
  },
  'info-report': {
    key: '7',
    values: {
      priority: 'PIR-7',
      classification: 'protected-a',
      title: 'Trend in visa fraud',
      body: 'Three altered visas seen this month.',
      reports: 1,
    },
    search: 'visa',
  },
};

export async function fillFields(page: Page, values: Sample): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`#field-${name}`);
    if (Array.isArray(value)) {
      for (const v of value) await page.locator(`input[name="data.${name}"][value="${v}"]`).check();
    } else if (typeof value === 'boolean') {
      await field.setChecked(value);
    } else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') {
      await field.selectOption(String(value));
    } else {
      await field.fill(String(value));
    }
  }
}

/**
 * "New activity", then the type's digit (1-7) on the picker, as a person types it; waits
 * for the form. The picker listens for digits from the effect that also focuses its first
 * button, so a digit pressed before that focus is seen would be lost: the focus is what a
 * person sees, and what this waits for before pressing.
 */
export async function startNewActivity(page: Page, digit: string): Promise<void> {
  await page
    .getByRole('link', { name: /^(New activity|Nouvelle activité)$/ })
    .first()
    .click();
  await expectKeyboardFocus(page.locator('.type-grid button').first());
  await page.keyboard.press(digit);
  await expect(page.locator('#form-heading')).toBeVisible();
}

/** From the log: New activity, the type's digit, fill, Ctrl+Enter, back on the log. */
export async function logActivity(page: Page, type: keyof typeof SAMPLES): Promise<void> {
  const sample = SAMPLES[type];
  if (!sample) throw new Error(`no sample for ${type}`);
  await startNewActivity(page, sample.key);
  await fillFields(page, sample.values);
  await page.locator('#occurredOn').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
}

export async function activityCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('activity-count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

// ---- Exchange: the sync screen (tests/e2e/exchange*.spec.ts) --------------------------

export type DemoDevice =
  { role: 'officer'; officerId: string } | { role: 'lead'; leadId: string } | { role: 'hq' };

/** A fresh browser profile set up as one device of the demo network, through the wizard. */
export async function setUpDemoDevice(page: Page, who: DemoDevice): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  if (who.role === 'officer') {
    await page.getByLabel('Demo officer').selectOption(who.officerId);
    await page.getByRole('button', { name: 'Start as this officer' }).click();
  } else if (who.role === 'lead') {
    await page.getByLabel('Demo team lead').selectOption(who.leadId);
    await page.getByRole('button', { name: 'Start as this team lead' }).click();
  } else {
    await page.getByRole('button', { name: 'Start as the demo HQ' }).click();
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/**
 * A new device of the demo network: its own browser context (profile), set up through the
 * wizard. `options` sets what differs between people's computers (time zone, screen size).
 */
export async function demoDevice(
  browser: Browser,
  who: DemoDevice,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  await setUpDemoDevice(page, who);
  return page;
}

export async function openSync(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
}

export interface SavedFile {
  name: string;
  path: string;
  bytes: Buffer;
}

/** Clicks a button that saves a file (a download in the browser) and keeps the file. */
export async function saveDownload(page: Page, button: string, dir: string): Promise<SavedFile> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await download;
  const name = file.suggestedFilename();
  const path = `${dir}/${name}`;
  await file.saveAs(path);
  const { readFile } = await import('node:fs/promises');
  return { name, path, bytes: await readFile(path) };
}

export type ImportInput = { name: string; buffer: Buffer } | SavedFile;

/** Sync screen: "Choose files…" and pick these files; waits until the import has finished. */
export async function importFiles(page: Page, files: readonly ImportInput[]): Promise<void> {
  // "Choose files…" is enabled before a run begins as after it ends: wait for a run ended
  // after this call (stored or not; a full disk stores none) that was started with these
  // files, so the resume every start runs, or another run, cannot pass for this one.
  const screen = page.locator('section.sync-screen');
  const endedBefore = Number(await screen.getAttribute('data-import-ends'));
  const names = files.map((f) => f.name).join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (
    await chooser
  ).setFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/octet-stream',
      buffer: 'bytes' in f ? f.bytes : f.buffer,
    })),
  );
  await expect
    .poll(
      async () =>
        Number(await screen.getAttribute('data-import-ends')) > endedBefore &&
        (await screen.getAttribute('data-import-ended-files')) === names,
      { message: 'this import run to end', timeout: 60_000 },
    )
    .toBe(true);
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
}

/** The per-file reports of the last import, in file order. */
export function lastRunFiles(page: Page) {
  return page.getByTestId('sync-last-run').getByTestId('sync-file-report');
}

/** Pending devices: approve the one of `officerName` after the phone check; returns its code. */
export async function approvePendingDevice(page: Page, officerName: string): Promise<string> {
  const row = page.getByTestId('sync-pending-device').filter({ hasText: officerName });
  const code = (await row.locator('code').textContent()) ?? '';
  await row.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: `Approve the device of ${officerName}?` });
  await expect(dialog.locator('code')).toHaveText(code);
  await dialog.getByRole('button', { name: 'The codes match: approve' }).click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  return code;
}

/** The count of entries in the log (HQ: the network log). */
export async function logCount(page: Page): Promise<number> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
  await expect(page.getByTestId('activity-count')).toBeVisible();
  return activityCount(page);
}

/**
 * Drops files on the page, as a person dragging them from the file manager would, onto
 * `target` (anywhere in the window by default).
 */
export async function dropFiles(
  page: Page,
  files: readonly ImportInput[],
  target = 'main',
): Promise<void> {
  const list = files.map((f) => ({
    name: f.name,
    bytes: Array.from('bytes' in f ? f.bytes : f.buffer),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) dt.items.add(new File([new Uint8Array(item.bytes)], item.name));
    return dt;
  }, list);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.locator(target).dispatchEvent(type, { dataTransfer });
  }
}

/**
 * The newest stored draft's `updatedAt` (ISO), read straight from IndexedDB, or '' when
 * there is none. Lets a test wait for the autosave instead of sleeping a guessed time.
 */
export async function newestDraftAt(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('liaison-log');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drafts').objectStore('drafts').getAll();
          request.onsuccess = () => {
            db.close();
            const times = (request.result as { updatedAt: string }[]).map((d) => d.updatedAt);
            resolve(times.sort().at(-1) ?? '');
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
}

export interface Exported {
  changes: number;
  entries: number;
  /** The one range of own change numbers the bundle declares. */
  from: number;
  to: number;
}

/** The numbers "N changes to M entries (numbers a–b)" of the export message. */
export async function exported(page: Page): Promise<Exported> {
  const status = page.getByTestId('sync-export-status');
  await expect(status).toContainText('Saved');
  const text = (await status.textContent()) ?? '';
  const m = /: ([\d,]+) changes? to ([\d,]+) entr(?:y|ies) \(numbers ([^)]+)\)/.exec(text);
  if (!m) throw new Error(`unexpected export message: ${text}`);
  const n = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
  const range = /^([\d,]+)–([\d,]+)$/.exec(m[3] ?? '');
  if (!range) throw new Error(`not one range: ${m[3]}`);
  return { changes: n(m[1]), entries: n(m[2]), from: n(range[1]), to: n(range[2]) };
}

/** Switches the interface language with the top bar's button. */
export async function switchLanguage(page: Page, to: 'en' | 'fr'): Promise<void> {
  await page
    .getByRole('button', { name: to === 'fr' ? 'Passer au français' : 'Switch to English' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** From the sync screen: "Export bundle", saved into `dir`, with the numbers it says it carries. */
export async function exportBundle(
  page: Page,
  dir: string,
): Promise<{ file: SavedFile; sent: Exported }> {
  await openSync(page);
  const file = await saveDownload(page, 'Export bundle', dir);
  return { file, sent: await exported(page) };
}

/** Imports files from the sync screen and expects the first file's report to say "applied". */
export async function importApplied(page: Page, files: readonly ImportInput[]): Promise<void> {
  await openSync(page);
  await importFiles(page, files);
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');
}
