// The nil report: an officer's word that it had nothing to report in a month, so that an idle
// month is told apart from a silent post. It is a record of the activities collection with its
// own type, so it is saved, queued, bundled, merged and authorised exactly like an entry (an
// officer's own record, in its own post), but it is not an activity people log: it is in no
// form, menu, list, review queue or total, and it counts only towards completeness.
import { type ActivityTypeDef, type ActivityTypeId } from './catalogue-types.ts';
import { isIsoDate } from './dates.ts';

export const NIL_REPORT_TYPE = 'nil-report';

/**
 * The nil report as the database and the import read a type: no fields, version 1. Kept out of
 * CATALOGUE (what people log); `id` is cast because ActivityTypeId names the catalogue's types.
 */
export const nilReportType: ActivityTypeDef = {
  id: NIL_REPORT_TYPE as ActivityTypeId,
  version: 1,
  label: { en: 'Nothing to report', fr: 'Rien à signaler' },
  description: {
    en: 'Nothing to report for the month.',
    fr: 'Rien à signaler pour le mois.',
  },
  unit: { en: 'months', fr: 'mois' },
  countField: '',
  fields: [],
};

export function isNilReport(entry: { readonly type: string }): boolean {
  return entry.type === NIL_REPORT_TYPE;
}

/** The day a nil report is dated: the first of its month ('YYYY-MM' -> 'YYYY-MM-01'). */
export function nilReportDate(month: string): string {
  return `${month}-01`;
}

/** Why a nil report may not be filed (see nilReportProblem). */
export type NilReportProblem = 'not-a-month' | 'future' | 'already-filed' | 'has-entries';

/**
 * Why an officer may not file a nil report for `month` ('YYYY-MM') today, or null when it may:
 * the month must be a calendar month that has begun (past or current, never the future), and
 * the officer must have neither a nil report nor an entry in it already (a nil report beside
 * entries would say two things at once). `today` is 'YYYY-MM-DD'.
 */
export function nilReportProblem(
  month: string,
  today: string,
  state: { readonly nilReports: number; readonly entries: number },
): NilReportProblem | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !isIsoDate(nilReportDate(month)))
    return 'not-a-month';
  if (month > today.slice(0, 7)) return 'future';
  if (state.nilReports > 0) return 'already-filed';
  if (state.entries > 0) return 'has-entries';
  return null;
}

/**
 * A nil report's record id: 'nil.<month>.<officer>.<unique>'. Officer ids hold no dot, so the
 * prefix up to the officer finds that officer's nil reports of a month by a key range. A
 * withdrawn one stays a tombstone, so filing again takes a fresh `unique`.
 */
export function nilReportId(month: string, officerId: string, unique: string): string {
  return `nil.${month}.${officerId}.${unique}`;
}

/** The month and officer a nil report id names, or null for any other id. */
export function parseNilReportId(id: string): { month: string; officerId: string } | null {
  const match = /^nil\.(\d{4}-\d{2})\.([A-Za-z0-9-]{2,32})\./.exec(id);
  return match ? { month: match[1] as string, officerId: match[2] as string } : null;
}
