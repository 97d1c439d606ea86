// A team lead's Summaries screen with the demo network's entries of its region: it starts at
// its posts (not a one-row table of its region), the path says so, and a fiscal year is
// compared with the year before once; in French every activity type's name fits the chart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  JOURNEY_TIMEOUT,
  saveDownload,
  shot,
  switchLanguage,
} from './helpers.ts';
import { DEMO_LEADS } from '../../shared/identity/demo.ts';

test('a lead’s summaries start at its posts, in English and French', async ({ page }) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const lead = DEMO_LEADS.find((l) => l.officerId === 'lead-americas');
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByLabel(/Fill a team lead or HQ with the demo network/).check();
  await page.getByLabel('Demo team lead').selectOption('lead-americas');
  await page.getByRole('button', { name: 'Start as this team lead' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 100_000 });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Summaries' })
    .click();
  await page.getByLabel('Kind of period').selectOption('fiscal-year');
  await page.getByLabel('Fiscal year', { exact: true }).selectOption('2010');

  const where = page.getByRole('navigation', { name: 'Showing' });
  await expect(where.locator('li')).toHaveText(['Your posts']);
  await expect(
    page.getByRole('group', { name: 'Break down by' }).getByRole('button', { name: 'Post' }),
  ).toHaveAttribute('aria-pressed', 'true');
  // One row a post of the lead's region, each by city with its code.
  await expect(page.locator('table.summary-table tbody tr')).toHaveCount(lead?.posts.length ?? -1);
  await expect(page.locator('table.summary-table tbody')).toContainText('Port-au-Prince');
  // The chart per post lists them by city name, as read.
  const perPost = page.getByRole('table', { name: /Data of the chart “.* per post”/ });
  const cities = await perPost.locator('tbody th').allTextContents();
  expect(cities).toHaveLength(lead?.posts.length ?? -1);
  expect(cities).toEqual([...cities].sort((a, b) => a.localeCompare(b, 'en')));
  expect(cities.indexOf('Panama')).toBeLessThan(cities.indexOf('Port-au-Prince'));
  await shot(page, 'summaries-lead-en');
  // Into a post and back up: to "Your posts", where it was opened, in one step.
  await page.getByRole('button', { name: 'Open Port-au-Prince' }).click();
  await expect(where.locator('li')).toHaveText(['Your posts', 'Americas', 'Port-au-Prince PAP']);
  await page.getByRole('button', { name: 'Up one level' }).click();
  await expect(where.locator('li')).toHaveText(['Your posts']);
  await expect(
    page.getByRole('group', { name: 'Break down by' }).getByRole('button', { name: 'Post' }),
  ).toHaveAttribute('aria-pressed', 'true');
  // A file read at HQ names the lead, not "your posts".
  const file = await saveDownload(page, 'Export as CSV', mkdtempSync(join(tmpdir(), 'lead-csv-')));
  const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1).trimEnd(), {
    delimiter: ',',
  }).data;
  expect(rows).toContainEqual(['Showing', `Posts of ${lead?.name ?? '?'}`]);
  await expectNoAxeViolations(page, 'summaries (lead)');

  await switchLanguage(page, 'fr');
  await expect(page.getByRole('navigation', { name: 'Affichage' }).locator('li')).toHaveText([
    'Vos postes',
  ]);
  // The type chart names each type whole (the axis cuts names longer than it can hold).
  const axis = page.locator('.summary-chart').first().locator('.recharts-yAxis-tick-labels');
  await expect(axis).toContainText('Formation sur la fraude documentaire');
  await expect(axis).toContainText('Liaison et échange d’information');
  await expect(axis).not.toContainText('…');
  await page.locator('.summary-chart').first().scrollIntoViewIfNeeded();
  await shot(page, 'summaries-lead-charts-fr');
  await switchLanguage(page, 'en');
});
