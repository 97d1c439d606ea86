// The CSV of the filtered log, as plain data: its columns (the entry's own, then each field of
// the types in the filter, sensitive ones only when the person asked for them), its header
// lines (what was selected, when, by whom) and one row per entry. The text itself is written
// by shared/summary/csv.ts, the rules of every export (BOM, CRLF, quoting, formulas).
import { type Activity } from '../../../../shared/domain/activity.ts';
import {
  type ActivityTypeDef,
  type FieldDef,
  type Language,
} from '../../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../../shared/sync/change.ts';

/** The words the file carries, in the person's language (from i18next). */
export interface LogCsvWords {
  readonly title: string;
  readonly id: string;
  readonly type: string;
  readonly date: string;
  readonly post: string;
  readonly officer: string;
  readonly review: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly yes: string;
  readonly no: string;
  /** The type column of an entry this version cannot read, and a value that would not open. */
  readonly unreadable: string;
  readonly reviewState: (state: string) => string;
  readonly postName: (code: string) => string;
}

export interface LogCsvColumn {
  readonly name: string;
  readonly cell: (entry: LogCsvEntry) => string;
}

/** An entry as the export reads it: data opened when sensitive fields are included. */
export type LogCsvEntry = Pick<
  Activity,
  'id' | 'type' | 'occurredOn' | 'postCode' | 'officerId' | 'createdAt' | 'updatedAt'
> & {
  readonly data: Readonly<Record<string, Json | undefined>>;
  readonly reviewState: string;
  /** Fields whose sealed value would not open (damaged): shown as such, never as empty. */
  readonly unopened?: readonly string[];
};

export interface LogCsvOptions {
  readonly lang: Language;
  /** The types whose fields become columns: the filter's one, or the whole catalogue. */
  readonly types: readonly ActivityTypeDef[];
  readonly includeSensitive: boolean;
  readonly words: LogCsvWords;
}

/** A field's value as a person reads it: option labels, yes / no, lists joined. */
export function fieldText(
  field: FieldDef,
  value: Json | undefined,
  options: LogCsvOptions,
): string {
  if (value === undefined || value === null) return '';
  const label = (v: string) => field.options?.find((o) => o.value === v)?.label[options.lang] ?? v;
  if (typeof value === 'boolean') return value ? options.words.yes : options.words.no;
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? label(v) : JSON.stringify(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return field.options ? label(String(value)) : String(value);
}

/**
 * The columns: the entry's own, then each type's fields (named "Type: Field" when several
 * types share the file, since two types may name a field alike). Sensitive fields only with
 * `includeSensitive`: without it, no column of theirs exists at all.
 */
export function logCsvColumns(options: LogCsvOptions): LogCsvColumn[] {
  const { words } = options;
  const columns: LogCsvColumn[] = [
    { name: words.id, cell: (e) => e.id },
    { name: words.type, cell: (e) => typeName(options, e.type) },
    { name: words.date, cell: (e) => e.occurredOn },
    { name: words.post, cell: (e) => words.postName(e.postCode) },
    { name: words.officer, cell: (e) => e.officerId },
    { name: words.review, cell: (e) => (e.reviewState ? words.reviewState(e.reviewState) : '') },
    { name: words.createdAt, cell: (e) => e.createdAt },
    { name: words.updatedAt, cell: (e) => e.updatedAt },
  ];
  const several = options.types.length > 1;
  for (const type of options.types) {
    for (const field of type.fields) {
      if (field.sensitive && !options.includeSensitive) continue;
      const name = several
        ? `${type.label[options.lang]}: ${field.label[options.lang]}`
        : field.label[options.lang];
      columns.push({
        name,
        cell: (e) => {
          if (e.type !== type.id) return '';
          if (e.unopened?.includes(field.name)) return options.words.unreadable;
          return fieldText(field, e.data[field.name], options);
        },
      });
    }
  }
  return columns;
}

function typeName(options: LogCsvOptions, typeId: string): string {
  return options.types.find((t) => t.id === typeId)?.label[options.lang] ?? typeId;
}

/** What was selected, when and by whom, then a blank line, as the summary's CSV opens. */
export function logCsvHeader(
  title: string,
  lines: readonly (readonly [string, string])[],
): string[][] {
  return [[title], ...lines.map(([name, value]) => [name, value]), []];
}

export function logCsvRow(columns: readonly LogCsvColumn[], entry: LogCsvEntry): string[] {
  return columns.map((column) => column.cell(entry));
}

/** A row for an entry this version cannot read: its id and why, so nothing is left out unseen. */
export function unreadableCsvRow(
  columns: readonly LogCsvColumn[],
  id: string,
  words: LogCsvWords,
): string[] {
  return columns.map((_, i) => (i === 0 ? id : i === 1 ? words.unreadable : ''));
}
