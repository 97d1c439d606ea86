import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  summaryMessages,
  toCsv,
  type CsvDelimiter,
} from '../../../shared/summary/index.ts';

/**
 * An RFC 4180 reader written for the test, independent of the writer (papaparse, the
 * library we would use, is not among the installed packages): quoted or bare fields,
 * doubled quotes, CRLF or LF between records.
 */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const DANGEROUS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\t', '\r'];

/** What a cell should read back as: an apostrophe before a formula, but not before a number. */
function expectedCell(cell: string): string {
  const startsDangerous = DANGEROUS.some((prefix) => cell.startsWith(prefix));
  const isNumber = /^[+-]?\d+(?:[.,]\d+)?$/.test(cell);
  return startsDangerous && !isNumber ? `'${cell}` : cell;
}

const arbCell = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab,;"\r\n é’ç=+-@\uFF1D\uFF0B\t1'.split('')) }),
  fc.constantFrom('=SUM(A1:A9)', '-12', '+3', '4,5', '@cmd', '－1+1', 'Montréal', '"quoted"', ''),
  fc.string(),
);
const arbTable = fc.array(fc.array(arbCell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('CSV writer', () => {
  it('writes UTF-8 with a BOM, CRLF, every field quoted and quotes doubled', () => {
    expect(
      toCsv(
        [
          ['a', 'say "hi"'],
          ['Montréal', ''],
        ],
        { lang: 'en' },
      ),
    ).toBe(`${CSV_BOM}"a","say ""hi"""\r\n"Montréal",""\r\n`);
  });

  it('uses a comma in English and a semicolon in French, unless told otherwise', () => {
    expect(toCsv([['1', '2']], { lang: 'en' })).toBe(`${CSV_BOM}"1","2"\r\n`);
    expect(toCsv([['1', '2']], { lang: 'fr' })).toBe(`${CSV_BOM}"1";"2"\r\n`);
    expect(toCsv([['1', '2']], { lang: 'fr', delimiter: ',' })).toBe(`${CSV_BOM}"1","2"\r\n`);
  });

  it('neutralises formulas, in ASCII and full width, but leaves numbers alone', () => {
    const text = toCsv([['=1+1', '＝1', '@A1', '\t=1', '-5', '+2.5', '-A1', 'a=b']], {
      lang: 'en',
    });
    expect(text).toBe(`${CSV_BOM}"'=1+1","'＝1","'@A1","'\t=1","-5","+2.5","'-A1","a=b"\r\n`);
  });

  it('says on its first line, in the reader’s language, when it holds sensitive fields', () => {
    const fr = toCsv([['x']], { lang: 'fr', includesSensitive: true });
    expect(parseCsv(fr.slice(1), ';')).toEqual([
      [summaryMessages.fr.summary.csv.sensitiveIncluded],
      ['x'],
    ]);
    expect(toCsv([['x']], { lang: 'en' })).not.toContain('sensitive');
  });

  it('parses back to the same cells, whatever they hold (property)', () => {
    fc.assert(
      fc.property(arbTable, fc.constantFrom<CsvDelimiter>(',', ';'), (table, delimiter) => {
        const text = toCsv(table, { lang: 'en', delimiter });
        expect(text.startsWith(CSV_BOM)).toBe(true);
        expect(parseCsv(text.slice(CSV_BOM.length), delimiter)).toEqual(
          table.map((row) => row.map(expectedCell)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
