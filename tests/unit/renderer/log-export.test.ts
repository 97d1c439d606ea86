// The CSV of the filtered log: its columns (sensitive fields only when asked for), its header
// lines, the shared CSV rules (BOM, CRLF, quoting, formulas, separator by language) and the
// slices that keep a long export from holding the window.
import { describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { type Sealer } from '../../../renderer/src/db/sealing.ts';
import {
  logCsvColumns,
  logCsvHeader,
  type LogCsvOptions,
  type LogCsvWords,
} from '../../../renderer/src/features/log/log-csv.ts';
import { buildLogCsv, EXPORT_SLICE } from '../../../renderer/src/features/log/log-export.ts';
import { CATALOGUE, getActivityType } from '../../../shared/domain/catalogue.ts';
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { neutraliseCell } from '../../../shared/summary/csv.ts';
import { summaryMessages } from '../../../shared/summary/messages.ts';
import { freshName, testClock, testSealer } from './db-fixtures.ts';

const WORDS: LogCsvWords = {
  title: 'Liaison Log activity log',
  id: 'Entry id',
  type: 'Type',
  date: 'Date',
  post: 'Post',
  officer: 'Officer',
  review: 'Review',
  createdAt: 'Created',
  updatedAt: 'Changed',
  yes: 'Yes',
  no: 'No',
  unreadable: 'Unreadable',
  reviewState: (s) => `state:${s}`,
  postName: (code) => `post:${code}`,
};

const interdiction = getActivityType('interdiction');
const SECRET = 'Canary Sensitive-Name';

function options(over: Partial<LogCsvOptions> = {}): LogCsvOptions {
  return { lang: 'en', types: [interdiction], includeSensitive: false, words: WORDS, ...over };
}

/** An RFC 4180 reader (every field quoted here), independent of the writer. */
function parse(text: string, delimiter: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const body = text.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  for (const line of body.slice(0, -2).split('\r\n')) {
    if (line === '') {
      rows.push([]);
      continue;
    }
    const cells = line.slice(1, -1).split(`"${delimiter}"`);
    rows.push(cells.map((c) => c.replaceAll('""', '"')));
  }
  return rows;
}

async function officerDb(count: number): Promise<{ db: LiaisonDb; sealer: Sealer; ids: string[] }> {
  // The first id starts with '-', as a random base64url id may: the CSV must neutralise it.
  let n = 0;
  const newId = () => (n++ === 0 ? '-first-entry' : `entry-${n}`);
  const db = await openDatabase(freshName(), { now: testClock().now, newId });
  const sealer = await testSealer();
  const author = { deviceId: 'dev-1', officerId: 'lo-bogota-1', postCode: 'BOG' };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const view = await createActivity(
      db,
      author,
      {
        type: 'interdiction',
        schemaVersion: interdiction.version,
        occurredOn: `2025-04-${String(1 + (i % 28)).padStart(2, '0')}`,
        data: {
          airport: 'BOG',
          carrier: i === 0 ? '=HYPERLINK("x")' : 'Avianca',
          documentType: 'passport',
          fraudType: 'impostor',
          persons: 1 + (i % 3),
          outcome: 'boarding-denied',
          travellerName: `${SECRET} ${i}`,
        },
      },
      { sealer },
    );
    ids.push(view.id);
  }
  await createActivity(
    db,
    author,
    {
      type: 'liaison',
      schemaVersion: getActivityType('liaison').version,
      occurredOn: '2025-04-02',
      data: { meetings: 2, subject: 'Briefing', counterpart: 'rcmp', jointActivity: true },
    },
    { sealer },
  );
  return { db, sealer, ids };
}

const header = logCsvHeader(WORDS.title, [
  ['Type', 'Interdiction'],
  ['Exported by', 'Sofía Herrera (lo-bogota-1)'],
]);

describe('the CSV of the filtered log', () => {
  it('has the entry’s own columns, then the type’s fields, and no sensitive column unless asked', () => {
    const names = logCsvColumns(options()).map((c) => c.name);
    expect(names.slice(0, 8)).toEqual([
      'Entry id',
      'Type',
      'Date',
      'Post',
      'Officer',
      'Review',
      'Created',
      'Changed',
    ]);
    const sensitive = interdiction.fields.filter((f) => f.sensitive).map((f) => f.label.en);
    const open = interdiction.fields.filter((f) => !f.sensitive).map((f) => f.label.en);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(names.slice(8)).toEqual(open);
    const withSensitive = logCsvColumns(options({ includeSensitive: true })).map((c) => c.name);
    expect(withSensitive.slice(8)).toEqual(interdiction.fields.map((f) => f.label.en));
  });

  it('names a field by its type when the file holds several types, in the person’s language', () => {
    const names = logCsvColumns(options({ types: CATALOGUE, lang: 'fr' })).map((c) => c.name);
    expect(names).toContain(`${interdiction.label.fr}: ${interdiction.fields[0]?.label.fr}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('opens with what was selected, when and by whom, then a blank line', () => {
    expect(header).toEqual([
      ['Liaison Log activity log'],
      ['Type', 'Interdiction'],
      ['Exported by', 'Sofía Herrera (lo-bogota-1)'],
      [],
    ]);
  });

  it('writes the filtered entries without sensitive values, formulas neutralised', async () => {
    const { db, sealer, ids } = await officerDb(3);
    const { text, entries } = await buildLogCsv(db, {
      filter: { type: 'interdiction' },
      csv: options(),
      header,
      sealer,
    });
    expect(entries).toBe(3);
    expect(text).not.toContain(SECRET);
    const rows = parse(text, ',');
    expect(rows.slice(0, 4)).toEqual(header);
    const columns = rows[4] ?? [];
    expect(columns[0]).toBe('Entry id');
    const data = rows.slice(5);
    // An id may start with '-' (ids are base64url): it is neutralised like any cell.
    expect(data.map((r) => r[0]).sort()).toEqual(ids.map(neutraliseCell).sort());
    expect(data.map((r) => r[0])).toContain("'-first-entry");
    const carrier = columns.indexOf('Carrier');
    expect(data.map((r) => r[carrier])).toContain(`'=HYPERLINK("x")`);
    expect(data.every((r) => r[1] === interdiction.label.en && r[3] === 'post:BOG')).toBe(true);
    expect(data.every((r) => r[5] === 'state:pending')).toBe(true);
  });

  it('includes sensitive values only when asked, and then says so on the first line', async () => {
    const { db, sealer } = await officerDb(2);
    for (const lang of ['en', 'fr'] as Language[]) {
      const { text } = await buildLogCsv(db, {
        filter: { type: 'interdiction' },
        csv: options({ includeSensitive: true, lang }),
        header,
        sealer,
      });
      const delimiter = lang === 'fr' ? ';' : ',';
      const rows = parse(text, delimiter);
      expect(rows[0]).toEqual([summaryMessages[lang].summary.csv.sensitiveIncluded]);
      const name = interdiction.fields.find((f) => f.name === 'travellerName')?.label[lang] ?? '';
      const column = (rows[5] ?? []).indexOf(name);
      expect(column).toBeGreaterThan(0);
      expect(
        rows
          .slice(6)
          .map((r) => r[column])
          .sort(),
      ).toEqual([`${SECRET} 0`, `${SECRET} 1`]);
    }
  });

  it('refuses sensitive fields while locked rather than writing sealed text', async () => {
    const { db } = await officerDb(1);
    await expect(
      buildLogCsv(db, { filter: {}, csv: options({ includeSensitive: true }), header }),
    ).rejects.toMatchObject({ code: 'locked' });
  });

  it('takes the override separator, and works in slices with progress, cancellable', async () => {
    expect(EXPORT_SLICE).toBeGreaterThanOrEqual(100);
    const { db, sealer } = await officerDb(5);
    const seen: [number, number][] = [];
    const { text, entries } = await buildLogCsv(db, {
      filter: { type: 'interdiction' },
      csv: options({ lang: 'fr' }),
      header,
      delimiter: ',',
      sealer,
      slice: 2,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(entries).toBe(5);
    expect(parse(text, ',').length).toBe(5 + 5);
    expect(seen).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    const controller = new AbortController();
    await expect(
      buildLogCsv(db, {
        filter: {},
        csv: options({ types: CATALOGUE }),
        header,
        signal: controller.signal,
        slice: 2,
        onProgress: (done) => {
          if (done > 0) controller.abort();
        },
      }),
    ).rejects.toThrow();
  });
});
