// The demo HQ started with the demo network's data: its FY 2010–2011 network summary shows
// the fact sheet's totals (docs/demo-data.md), drills down to a region, a post and an
// officer, exports a CSV with the same numbers, prints, and passes axe, in English and French.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, saveDownload, shot, switchLanguage } from './helpers.ts';
import { DEMO_ROSTER } from '../../shared/demo-data/index.ts';

let page: Page;

/** One seeded HQ for the whole file: seeding 73,000 entries is the slow part, done once. */
test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByLabel(/Fill a team lead or HQ with the demo network/).check();
  const started = Date.now();
  await page.getByRole('button', { name: 'Start as the demo HQ' }).click();
  await expect(page.getByText(/Storing the demo network’s entries/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 280_000 });
  console.log(`Seeding the demo network took ${Date.now() - started} ms`);
});

test.afterAll(async () => {
  await page.context().close();
});

async function openSummaries(): Promise<void> {
  // Leaving the screen first: coming back starts at the network level again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Summaries' })
    .click();
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  await page.getByLabel('Kind of period').selectOption('fiscal-year');
  await page.getByLabel('Fiscal year', { exact: true }).selectOption('2010');
}

function totalsRow(measure: string) {
  return page.locator('table.summary-totals tr', {
    has: page.getByRole('rowheader', { name: measure, exact: true }),
  });
}

test('the network summary of FY 2010–2011 shows the fact sheet’s totals', async () => {
  await openSummaries();
  for (const [measure, total] of [
    ['Persons intercepted', '6,500'],
    ['Travellers facilitated', '3,181'],
    ['Removals assisted', '9,837'],
    ['People trained', '14,120'],
  ]) {
    await expect(
      totalsRow(measure as string)
        .locator('td')
        .first(),
    ).toHaveText(total as string);
  }
  // The break-down by region totals the same, and each chart has its data table.
  await expect(page.locator('table.summary-table tfoot td').first()).toHaveText('6,500');
  await expect(page.locator('.summary-chart svg.recharts-surface')).toHaveCount(3);
  const byType = page.getByRole('table', { name: /Data of the chart “Entries per activity type”/ });
  await expect(byType).toBeAttached();
  // One unit on that chart's axis: entries. A training entry is one session, so the
  // training bar is the totals' sessions, not its people trained.
  const sessions = await totalsRow('Training sessions').locator('td').first().textContent();
  await expect(
    byType.getByRole('row', { name: /^Document-fraud training/ }).locator('td'),
  ).toHaveText(sessions ?? 'missing');
  await shot(page, 'summaries-network-en');
  // The charts' axes (the main area scrolls, not the page).
  await page.locator('.summary-chart').first().scrollIntoViewIfNeeded();
  await shot(page, 'summaries-charts-en');
  await expectNoAxeViolations(page, 'summaries (network)');
});

test('drills down from the network to a region, a post and an officer', async () => {
  await openSummaries();
  await page.getByRole('button', { name: 'Open Americas' }).click();
  await expect(page.getByRole('navigation', { name: 'Showing' })).toContainText('Americas');
  await page.getByRole('button', { name: 'Open Port-au-Prince' }).click();
  const where = page.getByRole('navigation', { name: 'Showing' });
  await expect(where).toContainText('Port-au-Prince');
  // At a post the table lists its officers; the totals are the post's alone.
  await expect(page.getByRole('columnheader', { name: 'Officer' })).toBeVisible();
  const postIntercepted = await totalsRow('Persons intercepted')
    .locator('td')
    .first()
    .textContent();
  expect(Number(postIntercepted?.replace(/\D/g, ''))).toBeLessThan(6500);
  // At a post it breaks down by type or officer only: its region's or its own one-row table
  // told nothing, and "Open Americas" there widened the view again.
  const tabs = page.getByRole('group', { name: 'Break down by' });
  await expect(tabs.getByRole('button')).toHaveText(['Activity type', 'Officer']);
  await expect(page.getByRole('button', { name: 'Open Americas' })).toHaveCount(0);
  // Officers by name, the id beside it, in the table and the path.
  const first = page.locator('table.summary-table tbody th').first();
  const shownName = (await first.getByRole('button').textContent()) ?? '';
  const officer = DEMO_ROSTER.find((o) => o.name === shownName);
  expect(officer?.postCode).toBe('PAP');
  await expect(first).toHaveText(`${officer?.name ?? ''} ${officer?.officerId ?? ''}`);
  await first.getByRole('button').click();
  await expect(where.locator('li')).toHaveCount(4);
  await expect(where.locator('li').last()).toHaveText(
    `${officer?.name ?? ''} ${officer?.officerId ?? ''}`,
  );
  await shot(page, 'summaries-officer-en');
  // The path goes back to any level it names, the focus on where it now ends.
  await where.getByRole('button', { name: 'Americas', exact: true }).click();
  await expect(where.locator('li')).toHaveText(['Network', 'Americas']);
  await expect(where.locator('li').last()).toBeFocused();
  await page.getByRole('button', { name: 'Open Port-au-Prince' }).click();
  await first.getByRole('button').click();
  await expect(where.locator('li')).toHaveCount(4);
  await page.getByRole('button', { name: 'Up one level' }).click();
  await expect(where.locator('li')).toHaveCount(3);
  await first.getByRole('button').click();

  // Its entries in the log: as many as the summary counted, the filters shown and removable.
  const counted = Number(
    ((await totalsRow('Entries counted').locator('td').first().textContent()) ?? '').replace(
      /\D/g,
      '',
    ),
  );
  await page.getByRole('button', { name: 'Show these entries in the log' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText(
    `${counted.toLocaleString('en-CA')} activities`,
  );
  const select = page.getByLabel('Officer', { exact: true });
  await expect(select).toHaveValue(officer?.officerId ?? '');
  await expect(page.getByLabel('Post', { exact: true })).toHaveValue('PAP');
  await shot(page, 'summaries-officer-log-en');
  await expectNoAxeViolations(page, 'log (one officer)');
  await select.selectOption('');
  await expect
    .poll(async () =>
      Number(((await page.getByTestId('activity-count').textContent()) ?? '').replace(/\D/g, '')),
    )
    .toBeGreaterThan(counted);
  // The browser's Back returns to the summary at the level it was left (it went to the top).
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  await expect(where.locator('li')).toHaveCount(4);
  await expect(where.locator('li').last()).toHaveText(
    `${officer?.name ?? ''} ${officer?.officerId ?? ''}`,
  );
});

test('exports the summary as CSV with the numbers on screen, and offers print', async () => {
  await openSummaries();
  const dir = mkdtempSync(join(tmpdir(), 'summary-csv-'));
  const file = await saveDownload(page, 'Export as CSV', dir);
  expect(file.name).toMatch(/\.csv$/);
  const text = file.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('\r\n');
  const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter: ',' }).data;
  expect(rows[0]).toEqual(['Liaison Log summary']);
  expect(rows).toContainEqual(['Period', 'FY 2010–2011']);
  expect(rows.some((r) => r[0] === 'Exported by' && /Demo HQ|HQ/.test(r[1] ?? ''))).toBe(true);
  // The break-down row names its dimension: whatever level an earlier test left, the totals
  // row of the whole network is checked at the network level only.
  const header = rows.find((r) => r.includes('Persons intercepted')) ?? [];
  expect(header[0]).toBe('Region');
  const total = rows.find((r) => r[0] === 'Total') ?? [];
  const column = (name: string) => total[header.indexOf(name)];
  expect(column('Persons intercepted')).toBe('6500');
  expect(column('Travellers facilitated')).toBe('3181');
  expect(column('Removals assisted')).toBe('9837');
  expect(column('People trained')).toBe('14120');
  // Print: the browser's dialog is replaced so the test sees the call.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('table', { name: /Data of the chart/ }).first()).toBeVisible();
  // The paper says when and by whom; the screen does not repeat it.
  const printed = page.getByText(/^Printed on .+ by .*HQ.*\.$/);
  await expect(printed).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
  // "Saved as …" is about this screen: it does not follow to the log.
  await saveDownload(page, 'Export as CSV', dir);
  const saved = page.getByRole('status').filter({ hasText: /^Saved as summary_/ });
  await expect(saved).toBeVisible();
  await page.getByRole('button', { name: 'Show these entries in the log' }).click();
  await expect(page.getByTestId('activity-count')).toBeVisible();
  await expect(saved).toHaveCount(0);
});

test('in French: the same totals, French numbers and names, and a semicolon CSV', async () => {
  await openSummaries();
  await switchLanguage(page, 'fr');
  await expect(page.getByRole('heading', { name: 'Sommaires', level: 1 })).toBeVisible();
  const row = page.locator('table.summary-totals tr', {
    has: page.getByRole('rowheader', { name: 'Renvois appuyés', exact: true }),
  });
  await expect(row.locator('td').first()).toHaveText(/^9\s837$/);
  await expect(page.getByRole('button', { name: 'Ouvrir Amériques' })).toBeVisible();
  await shot(page, 'summaries-network-fr');
  await page.locator('.summary-chart').first().scrollIntoViewIfNeeded();
  await shot(page, 'summaries-charts-fr');
  await expectNoAxeViolations(page, 'sommaires (réseau)');
  const dir = mkdtempSync(join(tmpdir(), 'summary-csv-fr-'));
  const file = await saveDownload(page, 'Exporter en CSV', dir);
  const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1).trimEnd(), {
    delimiter: ';',
  }).data;
  expect(rows).toContainEqual(['Période', 'exercice 2010-2011']);
  // Standing alone in its list, the year starts with a capital.
  await expect(page.getByLabel('Exercice', { exact: true }).locator('option:checked')).toHaveText(
    'Exercice 2010-2011',
  );
  await switchLanguage(page, 'en');
});

test('who has reported lists the silent post and officer first, sortable by keyboard, in English and French', async () => {
  await openSummaries();
  // Kingston is silent from July to September 2010 (docs/demo-data.md); every other post
  // reported every month of FY 2010–2011.
  const posts = page.getByRole('table', { name: 'Reporting per post, silent posts first' });
  const first = posts.locator('tbody tr').first();
  await expect(first.getByRole('rowheader')).toHaveText('Kingston');
  // Rate, months reported, missing months (then nil reports, none, and the last bundle
  // received: the seeded demo HQ has imported none, and says where its entries came from).
  const counts = 'td:nth-child(-n+4)';
  await expect(first.locator(counts)).toHaveText(['75%', '9 of 12', 'July 2010 to September 2010']);
  await expect(first.locator('td.nil-months')).toHaveText('None');
  await expect(first.locator('td').last()).toHaveText(
    'None: these entries came with the demo data',
  );
  await expect(posts.locator('tbody tr').nth(1).locator(counts)).toHaveText([
    '100%',
    '12 of 12',
    'None',
  ]);
  await expect(posts.locator('tbody tr')).toHaveCount(49);
  // Posts alike in silence by the name shown (by code, Abu Dhabi came after Athens).
  await expect(posts.locator('tbody tr').nth(1).getByRole('rowheader')).toHaveText('Abu Dhabi');
  await expect(posts.locator('tbody tr').nth(2).getByRole('rowheader')).toHaveText('Accra');
  await page.getByRole('button', { name: 'Per officer', exact: true }).click();
  const officers = page.getByRole('table', {
    name: 'Reporting per officer, silent officers first',
  });
  await expect(officers.locator('tbody tr')).toHaveCount(63);
  // By name, with the id beside it.
  const kingston = DEMO_ROSTER.find((o) => o.officerId === 'lo-kingston-1');
  await expect(officers.locator('tbody tr').first().getByRole('rowheader')).toHaveText(
    `${kingston?.name ?? '?'} (Kingston) lo-kingston-1`,
  );
  // By keyboard: the officer column's sort button, Enter: A to Z, Kingston no longer first.
  const byName = officers.getByRole('button', { name: 'Officer', exact: true });
  await byName.focus();
  await page.keyboard.press('Enter');
  await expect(officers.getByRole('columnheader', { name: 'Officer' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const names = await officers.locator('tbody th').allTextContents();
  expect(names[0]).not.toContain('lo-kingston-1');
  expect((names[0] ?? '') < (names.at(-1) ?? '')).toBe(true);
  await shot(page, 'summaries-reporting-en');
  await expectNoAxeViolations(page, 'summaries (who has reported)');

  await switchLanguage(page, 'fr');
  const postes = page.getByRole('table', {
    name: 'Déclarations par poste, postes silencieux en premier',
  });
  await page.getByRole('button', { name: 'Par poste', exact: true }).click();
  const premier = postes.locator('tbody tr').first();
  await expect(premier.getByRole('rowheader')).toHaveText('Kingston');
  await expect(premier.locator(counts)).toHaveText([
    /^75\s%$/,
    '9 sur 12',
    'de juillet 2010 à septembre 2010',
  ]);
  await shot(page, 'summaries-reporting-fr');
  await expectNoAxeViolations(page, 'sommaires (qui a fait rapport)');
  await switchLanguage(page, 'en');
});

test('an empty period says so instead of showing blank charts', async () => {
  await openSummaries();
  await page.getByLabel('Fiscal year', { exact: true }).selectOption(String(2020));
  await expect(
    page.getByRole('status').filter({ hasText: 'No entries counted for FY 2020–2021' }),
  ).toBeVisible();
  await expect(page.locator('.summary-chart')).toHaveCount(0);
});

test('another kind of period keeps the place in time: the year’s last quarter, then its month', async () => {
  await openSummaries();
  await page.getByLabel('Kind of period').selectOption('quarter');
  await expect(page.getByLabel('Fiscal year', { exact: true })).toHaveValue('2010');
  await expect(page.getByLabel('Quarter', { exact: true })).toHaveValue('4');
  await page.getByLabel('Quarter', { exact: true }).selectOption('3');
  await page.getByLabel('Kind of period').selectOption('month');
  await expect(page.locator('#summary-month')).toHaveValue('2010-12');
  await page.getByLabel('Kind of period').selectOption('range');
  await expect(page.locator('#summary-from')).toHaveValue('2010-12-01');
  await expect(page.locator('#summary-to')).toHaveValue('2010-12-31');
});

test('up from a type goes back to where it was chosen, and the focus follows the path', async () => {
  await openSummaries();
  // A fiscal year's period before is the year earlier: one column for both, not two alike.
  await expect(page.locator('table.summary-totals thead th')).toHaveText([
    'Measure',
    'This period',
    'Period before',
  ]);
  const typeTab = page
    .getByRole('group', { name: 'Break down by' })
    .getByRole('button', { name: 'Activity type' });
  await typeTab.click();
  await page.getByRole('button', { name: 'Open Facilitation' }).press('Enter');
  const where = page.getByRole('navigation', { name: 'Showing' });
  await expect(where.locator('li')).toHaveText(['Network', 'Facilitation']);
  // The focus is where the path ends, not on a row of the new table.
  await expect(where.locator('li').last()).toBeFocused();
  await page.getByRole('button', { name: 'Up one level' }).click();
  await expect(where.locator('li')).toHaveText(['Network']);
  await expect(typeTab).toHaveAttribute('aria-pressed', 'true');
  await expect(where.locator('li').last()).toBeFocused();
});

test('a range that cuts months shows in the log the whole months it counted', async () => {
  await openSummaries();
  await page.getByLabel('Kind of period').selectOption('range');
  await page.locator('#summary-from').fill('2010-10-15');
  await page.locator('#summary-to').fill('2010-10-20');
  await expect(page.getByText(/^Summaries count whole months/)).toBeVisible();
  // The period is named by what is counted, not by the dates typed.
  await expect(
    page.getByText('October 1, 2010 to October 31, 2010 (whole months)').first(),
  ).toBeVisible();
  const counted = page
    .locator('table.summary-totals tr', {
      has: page.getByRole('rowheader', { name: 'Entries counted', exact: true }),
    })
    .locator('td')
    .first();
  await expect(counted).toHaveText(/^\d[\d,]*$/);
  const n = Number(((await counted.textContent()) ?? '').replace(/\D/g, ''));
  await page.getByRole('button', { name: 'Show these entries in the log' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText(
    `${n.toLocaleString('en-CA')} activities`,
  );
  await expect(page.locator('#filter-from')).toHaveValue('2010-10-01');
  await expect(page.locator('#filter-to')).toHaveValue('2010-10-31');
});

test('a custom range typed the wrong way round is explained, and the summary stays on the last one', async () => {
  await openSummaries();
  await page.getByLabel('Kind of period').selectOption('range');
  const problem = page.locator('#summary-range-problem');
  const intercepted = totalsRow('Persons intercepted').locator('td').first();
  await expect(intercepted).toHaveText('6,500');
  // The end before the start: it had thrown and put the whole screen to "Something went wrong".
  await page.locator('#summary-to').fill('2010-01-01');
  await expect(problem).toHaveText(
    'The start date is after the end date. The summary below is still for April 1, 2010 to March 31, 2011.',
  );
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  await expect(intercepted).toHaveText('6,500');
  // A year as it is being typed.
  await page.locator('#summary-to').fill('0002-03-31');
  await expect(problem).toHaveText(/^Choose dates from 1990 to 2099\./);
  // Put right, the summary follows.
  await page.locator('#summary-to').fill('2010-06-30');
  await expect(problem).toHaveText('');
  await expect(page.locator('.where')).toBeVisible();
  await expect(intercepted).not.toHaveText('6,500');
  // A month whose year is being typed (0001) is not taken either: it had crashed the screen.
  await page.getByLabel('Kind of period').selectOption('month');
  await expect(page.locator('#summary-month')).toHaveValue('2010-06');
  await page.locator('#summary-month').fill('0001-06');
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeVisible();
  await expect(page.locator('.print-only-period')).toContainText('June 2010');
});

// The same seeded HQ, on another screen: its review queue holds some 72,000 entries.
test('HQ’s review queue lists the newest 500 at once and says how to reach the others', async () => {
  const started = Date.now();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByTestId('queue-row')).toHaveCount(500);
  console.log(
    `HQ's review queue (500 of the seeded network's) drawn in ${Date.now() - started} ms`,
  );
  await expect(page.getByTestId('queue-limited')).toContainText('The newest 500 entries');
  const pending = Number(
    ((await page.getByTestId('count-pending').textContent()) ?? '').replace(/\D/g, ''),
  );
  expect(pending).toBeGreaterThan(500);
  // The first entry is current; another filter, or Review chosen again in the menu, starts
  // again at the first entry of the new list, not at the one chosen before.
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  // Kingston's newest first; then every post: Kingston's newest is still listed, further
  // down, and must not stay current.
  await page.getByRole('combobox', { name: /^Post/ }).selectOption('KIN');
  await expect(rows.first()).toContainText('Kingston');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('combobox', { name: /^Post/ }).selectOption('');
  await expect(rows.first()).not.toContainText('Kingston');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await rows.nth(2).click();
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await rows.nth(3).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByRole('combobox', { name: /^State/ })).toHaveValue('pending');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  // A narrow filter lists its own newest, under the limit: no note.
  await page.getByRole('combobox', { name: /^Post/ }).selectOption('KIN');
  await page.getByLabel('From', { exact: true }).fill('2010-10-01');
  await page.getByLabel('To', { exact: true }).fill('2010-10-31');
  await expect(page.getByTestId('queue-row').first()).toContainText('Oct');
  await expect(page.getByTestId('queue-limited')).toHaveCount(0);
  await expect(page.getByTestId('queue-row').first()).toContainText('Kingston');
});

test('HQ’s settings name its id as a user’s, not an officer’s, in both languages', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const card = page.getByTestId('device-card');
  await expect(card).toContainText('User ID');
  await expect(card).not.toContainText('Officer ID');
  await switchLanguage(page, 'fr');
  await expect(card).toContainText('Identifiant de l’utilisateur');
  await switchLanguage(page, 'en');
});
