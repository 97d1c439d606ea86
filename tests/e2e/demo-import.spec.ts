// "Try the demo" as HQ, empty (no seeding), then import the 63 demo officers' bundle files at
// once, as HQ would receive them: one run, one progress bar, one combined report per officer;
// the FY 2010–2011 summaries then show the fact sheet's totals (docs/demo-data.md), drill
// down to one officer's entries, export a CSV with the same numbers and print; the same files
// again are 63 duplicates that change nothing; once in French.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  DEFAULT_DEMO_SEED,
  DEMO_ROSTER,
  demoOfficerBundle,
  generateDemoData,
  officerChanges,
  seededIdSource,
} from '../../shared/demo-data/index.ts';
import { FACT_SHEET_TARGETS } from '../../shared/demo-data/targets.ts';
import {
  activityCount,
  expectNoAxeViolations,
  logCount,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
} from './helpers.ts';

/** The import of the 63 files, on the shared 2-core machine under load (docs/demo-data.md). */
const TIMEOUT_IMPORT = 420_000;
/** The same files again: a hash and one read each. */
const TIMEOUT_REIMPORT = 120_000;

interface BundleFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

// One HQ for the whole file, each test building on the one before: a failure stops the rest.
test.describe.configure({ mode: 'serial' });

let page: Page;
let files: BundleFile[] = [];
let entryCount = 0;

/** The 63 files, made as `npm run demo:bundles` makes them, and the empty demo HQ. */
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const data = generateDemoData({ seed: DEFAULT_DEMO_SEED });
  entryCount = data.entries.length;
  const bundleIds = seededIdSource(`${DEFAULT_DEMO_SEED}/bundles`);
  files = [];
  for (const officer of DEMO_ROSTER) {
    const file = await demoOfficerBundle(
      officer,
      officerChanges(data.entries, officer),
      bundleIds(),
    );
    files.push({
      name: file.fileName,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(file.data),
    });
  }
  console.log(`Generating the 63 demo bundles took ${Date.now() - started} ms`);
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  // No seeding: HQ starts empty and gets everything from the files.
  await expect(page.getByLabel(/Fill a team lead or HQ with the demo network/)).not.toBeChecked();
  await page.getByRole('button', { name: 'Start as the demo HQ' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test.afterAll(async () => {
  await page.context().close();
});

async function chooseAll(): Promise<void> {
  await openSync(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(files);
}

const en = new Intl.NumberFormat('en-CA');
/** A number as French writes it: spaces (no-break, of either width) between thousands. */
const fr = (n: number) => new RegExp(`^${en.format(n).replace(/,/g, '\\s')}$`);
const lastRun = () => page.getByTestId('sync-last-run');
/** The officer the drill-down ends at: Port-au-Prince's first. */
const PAP = DEMO_ROSTER.find((o) => o.officerId === 'lo-port-au-prince-1') ?? DEMO_ROSTER[0]!;
/** Every column of the combined report in view: the table fits its box, no sideways scroll. */
async function expectNoSidewaysScroll(report: Locator): Promise<void> {
  const box = report.locator('.combined-scroll');
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}
/** The number in the first cell of a row, whatever the language's digit grouping. */
async function firstNumber(row: Locator): Promise<number> {
  return Number(((await row.locator('td').first().textContent()) ?? '').replace(/\D/g, ''));
}
const total = (kind: string) => lastRun().getByTestId(`combined-total-${kind}`);

/** A screenshot with `part` scrolled into view (the main area scrolls, not the page). */
async function shotOf(name: string, part?: string): Promise<void> {
  if (part) await page.locator(part).first().scrollIntoViewIfNeeded();
  await shot(page, name);
}

test('imports the 63 officers’ files in one run, one progress bar, one combined report', async () => {
  test.setTimeout(TIMEOUT_IMPORT);
  await chooseAll();
  const started = Date.now();
  // One bar for the run: which file, how many done.
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAccessibleName(
    /^File \d+ of 63: [A-Z]{3}_lo-[a-z-]+-\d_2013-\d\d-\d\d_seq-1-\d+\.llb$/,
  );
  await expect(page.getByTestId('sync-files-done')).toHaveText(/^Files done: \d+ of 63$/);
  await expect(bar).toHaveAttribute('aria-valuetext', /^Files done: \d+ of 63, \d+%$/);
  await shotOf('demo-import-progress-en', '[data-testid="sync-files-done"]');
  // The window answers while the worker imports.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled({
    timeout: TIMEOUT_IMPORT - 20_000,
  });
  console.log(`Importing the 63 demo bundles took ${Date.now() - started} ms`);
  await expect(bar).toHaveCount(0);

  // One report: totals first, then one row per officer, by name, with the id beside.
  await expect(total('new')).toHaveText('63');
  await expect(total('duplicate')).toHaveText('0');
  await expect(total('refused')).toHaveText('0');
  await expect(total('entries')).toHaveText(en.format(entryCount));
  const rows = lastRun().getByTestId('combined-row');
  await expect(rows).toHaveCount(63);
  const sofia = rows.filter({ hasText: 'lo-bogota-1' });
  // In the half-width column the post sits under the name (its column folded away).
  await expect(sofia.getByRole('rowheader')).toHaveText('Sofía Herreralo-bogota-1Bogotá');
  await expect(sofia.getByRole('rowheader').getByText('Bogotá')).toBeVisible();
  await expectNoSidewaysScroll(lastRun());
  await expect(sofia.locator('td[data-kind="new"]')).toHaveText('1');
  await expect(lastRun().getByTestId('combined-reason')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^Per officer/ })).toBeVisible();
  await shotOf('demo-import-report-en', '[data-testid="sync-last-run"]');
  await expectNoAxeViolations(page, 'sync (combined report)');

  // Each file's report is one keyboard press away, and closes again.
  const each = lastRun().getByText('The report of each file (63)');
  await each.focus();
  await page.keyboard.press('Enter');
  await expect(lastRun().getByTestId('sync-file-report')).toHaveCount(63);
  await expect(lastRun().getByTestId('sync-file-report').first()).toHaveAttribute(
    'data-outcome',
    'applied',
  );
  await page.keyboard.press('Enter');
  await expect(lastRun().getByTestId('sync-file-report')).toHaveCount(0);
});

async function openSummaries(): Promise<void> {
  // Leaving the screen first: coming back starts at the network level again.
  const nav = page.getByRole('navigation', { name: /^(Main|Navigation principale)$/ });
  await nav.getByRole('link').first().click();
  await nav.getByRole('link', { name: /^(Summaries|Sommaires)$/ }).click();
  await page.getByLabel(/^(Kind of period|Type de période)$/).selectOption('fiscal-year');
  await page.getByLabel(/^(Fiscal year|Exercice)$/, { exact: true }).selectOption('2010');
}

function totalsRow(measure: string) {
  return page.locator('table.summary-totals tr', {
    has: page.getByRole('rowheader', { name: measure, exact: true }),
  });
}

/** The FY 2010–2011 network totals the fact sheet gives (shared/demo-data/targets.ts). */
const FACT_SHEET: [string, string, number][] = [
  ['Persons intercepted', 'Personnes interceptées', FACT_SHEET_TARGETS.interdiction.value],
  [
    'Travellers facilitated',
    'Voyageurs aidés (facilitation)',
    FACT_SHEET_TARGETS.facilitation.value,
  ],
  ['Removals assisted', 'Renvois appuyés', FACT_SHEET_TARGETS.removal.value],
  ['People trained', 'Personnes formées', FACT_SHEET_TARGETS.training.value],
];

test('the imported network’s FY 2010–2011 summary shows the fact sheet’s totals, and drills down to one officer’s entries', async () => {
  await openSummaries();
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  for (const [measure, , value] of FACT_SHEET) {
    await expect(totalsRow(measure).locator('td').first()).toHaveText(en.format(value));
  }
  // The charts render, each with its data table.
  await expect(page.locator('.summary-chart svg.recharts-surface')).toHaveCount(3);
  await expect(
    page.getByRole('table', { name: /Data of the chart “Entries per activity type”/ }),
  ).toBeAttached();
  await shotOf('demo-import-summaries-en', 'table.summary-totals');
  await shotOf('demo-import-charts-en', '.summary-chart');
  await expectNoAxeViolations(page, 'summaries of the imported network');

  // Network › Americas › Port-au-Prince › one officer › the entries.
  const where = page.getByRole('navigation', { name: 'Showing' });
  await page.getByRole('button', { name: 'Open Americas' }).click();
  await expect(where).toContainText('Americas');
  await page.getByRole('button', { name: 'Open Port-au-Prince' }).click();
  await expect(where).toContainText('Port-au-Prince');
  await expect(page.getByRole('columnheader', { name: 'Officer' })).toBeVisible();
  await page.getByRole('button', { name: `Open ${PAP.name}` }).click();
  await expect(where.locator('li')).toHaveCount(4);
  // By name, the id beside it.
  await expect(where.locator('li').last()).toHaveText(`${PAP.name} ${PAP.officerId}`);
  const officerIntercepted = await firstNumber(totalsRow('Persons intercepted'));
  expect(officerIntercepted).toBeGreaterThan(0);
  expect(officerIntercepted).toBeLessThan(FACT_SHEET_TARGETS.interdiction.value);
  const counted = await firstNumber(totalsRow('Entries counted'));
  await shotOf('demo-import-summaries-officer-en', 'table.summary-totals');
  await page.getByRole('button', { name: 'Show these entries in the log' }).click();
  await expect(page.getByRole('heading', { name: 'Network log', level: 1 })).toBeVisible();
  // The officer's entries alone: as many as the summary counted, the place shown in the bar.
  await expect(page.getByTestId('activity-count')).toHaveText(`${en.format(counted)} activities`);
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('americas');
  await expect(page.getByLabel('Post', { exact: true })).toHaveValue('PAP');
  const officer = page.getByLabel('Officer', { exact: true });
  await expect(officer).toHaveValue(PAP.officerId);
  await expect(officer.locator('option:checked')).toHaveText(`${PAP.name} (${PAP.officerId})`);
  await shotOf('demo-import-log-officer-en');
  await expectNoAxeViolations(page, 'log filtered to one officer');

  // The log's CSV says where its entries are from.
  const dir = mkdtempSync(join(tmpdir(), 'demo-import-log-csv-'));
  await page.getByRole('button', { name: 'Export to CSV…' }).click();
  const file = await saveDownload(page, 'Export as CSV', dir);
  const csv = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1).trimEnd(), {
    delimiter: ',',
  }).data;
  expect(csv).toContainEqual(['Region', 'Americas']);
  expect(csv).toContainEqual(['Post', 'Port-au-Prince (PAP)']);
  expect(csv).toContainEqual(['Officer', `${PAP.name} (${PAP.officerId})`]);
  const header = csv.findIndex((r) => r[0] === 'Entry id');
  expect(csv.length - header - 1).toBe(counted);
  await page.getByRole('button', { name: 'Export to CSV…' }).click();

  // Removed from the keyboard: the officer's select back to "All officers", the post's
  // entries (more of them) are listed.
  await officer.focus();
  await officer.selectOption('');
  await expect(officer).toHaveValue('');
  await expect
    .poll(async () => activityCount(page), { message: 'the post’s entries' })
    .toBeGreaterThan(counted);
  expect(await activityCount(page)).toBeLessThan(entryCount);
});

test('exports the summary as CSV with the same numbers, and prints', async () => {
  await openSummaries();
  const dir = mkdtempSync(join(tmpdir(), 'demo-import-csv-'));
  const file = await saveDownload(page, 'Export as CSV', dir);
  expect(file.name).toMatch(/\.csv$/);
  const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1).trimEnd(), {
    delimiter: ',',
  }).data;
  expect(rows).toContainEqual(['Period', 'FY 2010–2011']);
  const header = rows.find((r) => r.includes('Persons intercepted')) ?? [];
  expect(header[0]).toBe('Region');
  const totals = rows.find((r) => r[0] === 'Total') ?? [];
  for (const [measure, , value] of FACT_SHEET) {
    expect(totals[header.indexOf(measure)]).toBe(String(value));
  }
  // Print or save as PDF: the browser's dialog is replaced so the test sees the call.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^Printed on .+ by .*HQ.*\.$/)).toBeVisible();
  await shotOf('demo-import-print-en');
  await page.emulateMedia({ media: 'screen' });
});

test('importing the same 63 files again reports 63 duplicates and changes nothing', async () => {
  test.setTimeout(TIMEOUT_REIMPORT);
  // The log kept the period "Show these entries" set: the whole network's count needs none.
  await logCount(page);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText(
    `${en.format(entryCount)} activities`,
  );
  const before = await logCount(page);
  expect(before).toBe(entryCount);
  await chooseAll();
  const started = Date.now();
  // The end of this run, not the button before the run has begun (it is enabled in both):
  // the combined report counts the duplicates up as the files are done, 63 only at the end.
  await expect(total('duplicate')).toHaveText('63', { timeout: TIMEOUT_REIMPORT - 20_000 });
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  console.log(`Importing the 63 demo bundles again took ${Date.now() - started} ms`);
  await expect(total('new')).toHaveText('0');
  await expect(total('refused')).toHaveText('0');
  await expect(total('entries')).toHaveText('0');
  await expect(lastRun().getByTestId('combined-row')).toHaveCount(63);
  await expect(
    lastRun().getByTestId('combined-row').first().locator('td[data-kind="duplicate"]'),
  ).toHaveText('1');
  expect(await logCount(page)).toBe(before);
  await openSummaries();
  await expect(totalsRow('Removals assisted').locator('td').first()).toHaveText(
    en.format(FACT_SHEET_TARGETS.removal.value),
  );
});

test('in French: the combined report, with French numbers', async () => {
  // Two full combined reports of 63 rows on screen for axe, on a loaded machine.
  test.setTimeout(120_000);
  await openSync(page);
  await switchLanguage(page, 'fr');
  await expect(page.getByRole('heading', { name: 'Synchronisation', level: 1 })).toBeVisible();
  // The last run (the duplicates), then the first one among the past imports.
  await expect(lastRun().getByRole('columnheader', { name: 'Doublons' })).toBeVisible();
  await expect(total('duplicate')).toHaveText('63');
  const past = page.getByTestId('sync-past-runs').getByRole('button').first();
  await past.focus();
  await page.keyboard.press('Enter');
  const first = page.getByTestId('sync-past-runs').getByTestId('combined-report');
  await expect(first.getByTestId('combined-total-new')).toHaveText('63');
  await expect(first.getByTestId('combined-total-entries')).toHaveText(fr(entryCount));
  await expect(first.getByRole('table', { name: /^Par agent/ })).toBeVisible();
  await expectNoSidewaysScroll(first);
  await shotOf(
    'demo-import-report-fr',
    '[data-testid="sync-past-runs"] [data-testid="combined-report"]',
  );
  await expectNoAxeViolations(page, 'synchronisation (rapport combiné)');
});

test('in French: the network totals, with French numbers', async () => {
  await openSummaries();
  await expect(page.getByRole('heading', { name: 'Sommaires', level: 1 })).toBeVisible();
  for (const [, measure, value] of FACT_SHEET) {
    await expect(totalsRow(measure).locator('td').first()).toHaveText(fr(value));
  }
  await shotOf('demo-import-summaries-fr', 'table.summary-totals');
  await shotOf('demo-import-charts-fr', '.summary-chart');
  await expectNoAxeViolations(page, 'sommaires du réseau importé');

  // Down to the officer, by name, then its entries alone in the log, in French.
  const where = page.getByRole('navigation', { name: 'Affichage' });
  await page.getByRole('button', { name: 'Ouvrir Amériques' }).click();
  await page.getByRole('button', { name: 'Ouvrir Port-au-Prince' }).click();
  await page.getByRole('button', { name: `Ouvrir ${PAP.name}` }).click();
  await expect(where.locator('li').last()).toHaveText(`${PAP.name} ${PAP.officerId}`);
  const counted = await firstNumber(totalsRow('Entrées comptées'));
  await page.getByRole('button', { name: 'Afficher ces entrées dans le journal' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText(
    new RegExp(`^${en.format(counted).replace(/,/g, '\\s')} activités?$`),
  );
  const agent = page.getByLabel('Agent', { exact: true });
  await expect(agent).toHaveValue(PAP.officerId);
  await expect(page.getByLabel('Poste', { exact: true })).toHaveValue('PAP');
  await expect(page.getByLabel('Région', { exact: true })).toHaveValue('americas');
  await expect(agent.locator('option:checked')).toHaveText(`${PAP.name} (${PAP.officerId})`);
  await expect(agent.locator('option').first()).toHaveText('Tous les agents');
  await shotOf('demo-import-log-officer-fr');
  await expectNoAxeViolations(page, 'journal filtré sur un agent');
  await agent.selectOption('');
  await expect.poll(async () => activityCount(page)).toBeGreaterThan(counted);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(agent).toHaveValue('');
  await switchLanguage(page, 'en');
});
