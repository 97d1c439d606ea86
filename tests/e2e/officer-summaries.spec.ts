// An officer's own summaries: empty before anything is logged, then the totals of what it
// logged (hand-counted from the samples), by type only, drilled into one type and shown in
// the log, exported as CSV, in English and French, with axe.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  logActivity,
  saveDownload,
  setUpOfficer,
  shot,
  switchLanguage,
} from './helpers.ts';

async function openSummaries(page: Page, name: 'Summaries' | 'Sommaires'): Promise<void> {
  await page
    .getByRole('navigation', { name: /^(Main|Navigation principale)$/ })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

function totalOf(page: Page, measure: string) {
  return page
    .locator('table.summary-totals tr', {
      has: page.getByRole('rowheader', { name: measure, exact: true }),
    })
    .locator('td')
    .first();
}

test('an officer reads its own totals, by type, and exports them', async ({ page }) => {
  await setUpOfficer(page);
  await openSummaries(page, 'Summaries');
  await expect(page.getByText('Your own entries.')).toBeVisible();
  // Nothing logged yet: the empty state, never an empty chart.
  await expect(
    page.getByRole('status').filter({ hasText: /^No entries counted for/ }),
  ).toBeVisible();
  await expect(page.locator('.summary-chart')).toHaveCount(0);

  // The samples (tests/e2e/helpers.ts): 25 people trained, 2 persons intercepted, 3
  // travellers facilitated, all dated today.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
  await logActivity(page, 'training');
  await logActivity(page, 'interdiction');
  await logActivity(page, 'facilitation');
  await openSummaries(page, 'Summaries');
  await expect(totalOf(page, 'People trained')).toHaveText('25');
  await expect(totalOf(page, 'Persons intercepted')).toHaveText('2');
  await expect(totalOf(page, 'Travellers facilitated')).toHaveText('3');
  await expect(totalOf(page, 'Entries counted')).toHaveText('3');
  // Its own entries, named by the officer, broken down by type only: no network, no region
  // or post tab, no chart per post.
  const where = page.getByRole('navigation', { name: 'Showing' });
  await expect(where.locator('li')).toHaveText(['Sofía Herrera lo-bogota-1']);
  await expect(page.getByRole('heading', { name: 'By activity type', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Region', exact: true })).toHaveCount(0);
  await expect(page.locator('.summary-chart svg.recharts-surface')).toHaveCount(2);
  await expect(page.locator('table.summary-table tbody tr')).toHaveCount(3);
  await shot(page, 'summaries-own-en');
  await page.locator('.summary-chart').first().scrollIntoViewIfNeeded();
  await shot(page, 'summaries-own-charts-en');
  await expectNoAxeViolations(page, 'summaries (officer)');

  const dir = mkdtempSync(join(tmpdir(), 'own-summary-csv-'));
  const file = await saveDownload(page, 'Export as CSV', dir);
  const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1).trimEnd(), {
    delimiter: ',',
  }).data;
  expect(rows).toContainEqual(['Showing', 'Sofía Herrera (lo-bogota-1)']);
  const header = rows.find((r) => r.includes('People trained')) ?? [];
  expect(header[0]).toBe('Activity type');
  const total = rows.find((r) => r[0] === 'Total') ?? [];
  expect(total[header.indexOf('People trained')]).toBe('25');
  expect(total[header.indexOf('Persons intercepted')]).toBe('2');

  // One type: its totals alone, and the log lists the one entry counted.
  await page.getByRole('button', { name: 'Open Document-fraud training' }).click();
  await expect(where.locator('li')).toHaveText([
    'Sofía Herrera lo-bogota-1',
    'Document-fraud training',
  ]);
  await expect(totalOf(page, 'Entries counted')).toHaveText('1');
  await expect(totalOf(page, 'People trained')).toHaveText('25');
  // Only what a training counts, and the charts follow it.
  await expect(
    page.locator('table.summary-totals').getByRole('rowheader', { name: 'Persons intercepted' }),
  ).toHaveCount(0);
  await expect(page.getByLabel('Measure in the charts')).toHaveValue('peopleTrained');
  await expect(page.locator('.summary-chart figcaption').last()).toHaveText(
    'People trained per month',
  );
  // Summaries chosen in the menu while shown: afresh, the focus on its heading.
  await openSummaries(page, 'Summaries');
  await expect(where.locator('li')).toHaveText(['Sofía Herrera lo-bogota-1']);
  await expect(page.getByRole('heading', { name: 'Summaries', level: 1 })).toBeFocused();
  await page.getByRole('button', { name: 'Open Document-fraud training' }).click();
  await expect(where.locator('li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Show these entries in the log' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText('1 activity');

  // In French: the same numbers, the officer's words.
  await switchLanguage(page, 'fr');
  await openSummaries(page, 'Sommaires');
  await expect(page.getByText('Vos propres entrées.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Par type d’activité', level: 2 })).toBeVisible();
  await expect(totalOf(page, 'Personnes formées')).toHaveText('25');
  await shot(page, 'summaries-own-fr');
  await expectNoAxeViolations(page, 'sommaires (agent)');
});
