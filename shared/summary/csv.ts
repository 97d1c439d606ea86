// CSV for spreadsheets, written so that it opens right in Excel and LibreOffice in both
// languages and cannot run as a formula: UTF-8 with a byte-order mark (Excel then reads the
// accents right), CRLF line ends, every field quoted with inner quotes doubled, and a cell
// that a spreadsheet would read as a formula neutralised by a leading apostrophe.
import { type Language } from '../domain/catalogue-types.ts';
import { summaryMessages } from './messages.ts';

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  /** Chooses the default delimiter and the notice's language. */
  readonly lang: Language;
  /** Overrides the language's delimiter. */
  readonly delimiter?: CsvDelimiter;
  /** The rows hold sensitive fields: a first line says so. */
  readonly includesSensitive?: boolean;
}

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * English spreadsheets split on commas; French ones (decimal comma) on semicolons, which is
 * what Excel set to French Canada expects.
 */
export function defaultDelimiter(lang: Language): CsvDelimiter {
  return lang === 'fr' ? ';' : ',';
}

/** First characters that make a spreadsheet read a cell as a formula (ASCII and full-width),
 * and tab / carriage return, which some programs strip before the formula sign. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;
/** A plain number ('-12', '+3', '4.5', '4,5') cannot run, and stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The cell as written: an apostrophe before anything a spreadsheet would run. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}

/** The whole file's text, BOM first; each row ends with CRLF. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions): string {
  const delimiter = options.delimiter ?? defaultDelimiter(options.lang);
  const lines: string[] = [];
  if (options.includesSensitive === true) {
    lines.push(quote(summaryMessages[options.lang].summary.csv.sensitiveIncluded));
  }
  for (const row of rows) {
    lines.push(row.map((cell) => quote(neutraliseCell(cell))).join(delimiter));
  }
  return CSV_BOM + lines.map((line) => line + CRLF).join('');
}
