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

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Date and time, each part spelled out (dateStyle and timeStyle cannot name the zone), in
 * `timeZone` or the computer's own; `named` adds the zone's short name. Cached.
 */
export function zoned(
  lang: Language,
  timeZone: string | undefined,
  named: boolean,
): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${named ? 'named' : 'plain'}`;
  let f = zonedFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
      ...(named ? { timeZoneName: 'short' } : {}),
    });
    zonedFormats.set(key, f);
  }
  return f;
}

/**
 * An instant as people at the post read it, with the zone named ("Mar 4, 2026, 9:05 a.m.
 * GMT-5"), and as the viewer reads it when the viewer's clock shows another time. An
 * unknown zone name falls back to UTC rather than throwing.
 */
export function formatInZones(
  ms: number,
  lang: Language,
  postZone: string,
  viewerZone: string | undefined,
): { post: string; viewer?: string } {
  const date = new Date(ms);
  const safe = (zone: string) => {
    try {
      return zoned(lang, zone, true) && zone;
    } catch {
      return 'UTC';
    }
  };
  const post = safe(postZone);
  const text = zoned(lang, post, true).format(date);
  if (!viewerZone) return { post: text };
  const viewer = safe(viewerZone);
  if (zoned(lang, post, false).format(date) === zoned(lang, viewer, false).format(date)) {
    return { post: text };
  }
  return { post: text, viewer: zoned(lang, viewer, true).format(date) };
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
