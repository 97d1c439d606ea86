// The log's current filter exported as CSV: the demo officer logs two interdictions (each
// with a traveller's name, a sensitive field) and a training, filters the log to
// interdictions, and saves the CSV: the two rows, no name without the tick, the name (and
// the first line saying so) with it; then once in French, with semicolons. axe on the panel.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import {
  SAMPLES,
  expectNoAxeViolations,
  logActivity,
  saveDownload,
  setUpDemoDevice,
  shot,
  switchLanguage,
} from './helpers.ts';

const SECRET = String(SAMPLES.interdiction?.values.travellerName);

function parse(bytes: Buffer, delimiter: string): string[][] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('\r\n');
  return Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter }).data;
}

/** The entries' rows: those after the column names (the row starting with the id column). */
function entryRows(rows: string[][], idColumn: string): { columns: string[]; data: string[][] } {
  const at = rows.findIndex((r) => r[0] === idColumn);
  expect(at).toBeGreaterThan(0);
  return { columns: rows[at] ?? [], data: rows.slice(at + 1) };
}

async function shotTo(page: Page, name: string): Promise<void> {
  await shot(page, name);
}

test('exports the filtered log as CSV, sensitive fields only when ticked, in English and French', async ({
  browser,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await setUpDemoDevice(page, { role: 'officer', officerId: 'lo-bogota-1' });
  await logActivity(page, 'interdiction');
  await logActivity(page, 'interdiction');
  await logActivity(page, 'training');

  await page.getByLabel('Type', { exact: true }).selectOption('interdiction');
  await expect(page.getByTestId('activity-count')).toHaveText('2 activities');
  await page.getByRole('button', { name: 'Export to CSV…' }).click();
  const panel = page.getByRole('region', { name: 'Export the filtered log' });
  await expect(panel).toContainText('The file will hold the 2 entries the filters select.');
  await expectNoAxeViolations(page, 'log export panel');
  await shotTo(page, 'log-export-en');

  const dir = mkdtempSync(join(tmpdir(), 'log-csv-'));
  const plain = await saveDownload(page, 'Export as CSV', dir);
  await expect(
    page.getByRole('status').filter({ hasText: /Saved 2 entries as log_interdiction_.+\.csv\./ }),
  ).toBeVisible();
  expect(plain.bytes.toString('utf8')).not.toContain(SECRET);
  const rows = parse(plain.bytes, ',');
  expect(rows[0]).toEqual(['Liaison Log activity log']);
  expect(rows).toContainEqual(['Type', 'Interdiction or intervention']);
  expect(rows).toContainEqual(['Sensitive fields', 'Left out']);
  expect(rows.some((r) => r[0] === 'Exported by' && /lo-bogota-1/.test(r[1] ?? ''))).toBe(true);
  const { columns, data } = entryRows(rows, 'Entry id');
  expect(data).toHaveLength(2);
  expect(columns).not.toContain('Traveller’s name');
  const carrier = columns.indexOf('Carrier');
  expect(data.map((r) => r[carrier])).toEqual(['Avianca', 'Avianca']);

  await panel.getByLabel('Include sensitive fields').check();
  const withNames = await saveDownload(page, 'Export as CSV', dir);
  const rows2 = parse(withNames.bytes, ',');
  expect(rows2[0]?.[0]).toMatch(/^This file includes sensitive fields/);
  const sensitive = entryRows(rows2, 'Entry id');
  const name = sensitive.columns.findIndex((c) => /traveller/i.test(c));
  expect(name).toBeGreaterThan(0);
  expect(sensitive.data.map((r) => r[name])).toEqual([SECRET, SECRET]);

  await switchLanguage(page, 'fr');
  const panelFr = page.getByRole('region', { name: 'Exporter le journal filtré' });
  await expect(panelFr).toBeVisible();
  await panelFr.getByLabel('Inclure les champs sensibles').uncheck();
  await expectNoAxeViolations(page, 'exportation du journal');
  await shotTo(page, 'log-export-fr');
  const fr = await saveDownload(page, 'Exporter en CSV', dir);
  expect(fr.bytes.toString('utf8')).not.toContain(SECRET);
  const rowsFr = parse(fr.bytes, ';');
  expect(rowsFr[0]).toEqual(['Journal des activités Liaison Log']);
  expect(rowsFr).toContainEqual(['Champs sensibles', 'Exclus']);
  const french = entryRows(rowsFr, 'Identifiant de l’entrée');
  expect(french.data).toHaveLength(2);
  expect(french.data.every((r) => r.length === french.columns.length)).toBe(true);
  await context.close();
});
