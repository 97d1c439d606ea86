// Shows stored values the way a person reads them, in the chosen language: option labels
// instead of codes, dates and numbers through Intl.
import { type FieldDef, type Language } from '../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../shared/sync/change.ts';

/** Any stored value as plain text: strings as they are, numbers and booleans printed, the rest as JSON. */
export function valueText(v: Json): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A YYYY-MM-DD day, shown as a date without shifting it through a time zone. */
export function formatDay(day: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const key = `${lang}-day`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    dateFormats.set(key, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An instant (ms since epoch) in a post's time zone. */
export function formatInstant(ms: number, lang: Language, timeZone: string): string {
  const key = `${lang}-${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    dateFormats.set(key, f);
  }
  return f.format(new Date(ms));
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA').format(n);
}

export function formatFieldValue(
  field: FieldDef,
  value: Json | undefined,
  lang: Language,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined || value === null || value === '') return '';
  const optionLabel = (v: Json) =>
    field.options?.find((o) => o.value === v)?.label[lang] ?? valueText(v);
  switch (field.kind) {
    case 'boolean':
      return value === true ? yesNo.yes : yesNo.no;
    case 'select':
      return optionLabel(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map(optionLabel).join(', ') : '';
    case 'integer':
      return typeof value === 'number' ? formatNumber(value, lang) : valueText(value);
    case 'date':
      return typeof value === 'string' ? formatDay(value, lang) : '';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
