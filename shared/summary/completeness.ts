// Which posts and officers reported: for each, the months it was expected to report in a
// period (it was open for at least one day of the month, and the month is over), the months
// it did (an entry or a nil report, "nothing to report this month"), the months missing, and
// its reporting rate. Silent ones first.
import { requireIsoDate } from '../domain/dates.ts';
import { addMonths } from './periods.ts';

export interface ReportingUnit {
  readonly kind: 'post' | 'officer';
  /** Post code or officer id. */
  readonly id: string;
  /** First day it could report ('YYYY-MM-DD'); open since before the period when absent. */
  readonly startOn?: string;
  /** Last day it could report; still open when absent. */
  readonly endOn?: string;
  /** Months ('YYYY-MM') with at least one entry or a nil report. */
  readonly reportedMonths: Iterable<string>;
  /** Of those, the months reported by a nil report alone (no entry): shown as "nil report". */
  readonly nilMonths?: Iterable<string>;
}

export interface CompletenessRow {
  readonly kind: 'post' | 'officer';
  readonly id: string;
  readonly monthsExpected: readonly string[];
  readonly monthsReported: readonly string[];
  readonly missingMonths: readonly string[];
  /** The expected months reported by a nil report alone ("nothing to report"). */
  readonly nilMonths: readonly string[];
  /** monthsReported ÷ monthsExpected, 0 to 1; null when nothing was expected. */
  readonly rate: number | null;
}

/**
 * The months a unit is expected to report among periodMonths: open on at least one of the
 * month's days, and the month ended before asOf ('YYYY-MM-DD', today), so the month under
 * way is never "missing".
 */
export function expectedMonths(
  unit: Pick<ReportingUnit, 'startOn' | 'endOn'>,
  periodMonths: readonly string[],
  asOf: string,
): string[] {
  requireIsoDate(asOf);
  const current = asOf.slice(0, 7);
  const first = monthOrElse(unit.startOn, '0000-00');
  const last = monthOrElse(unit.endOn, '9999-12');
  return periodMonths.filter((month) => month >= first && month <= last && month < current);
}

function monthOrElse(date: string | undefined, otherwise: string): string {
  if (date === undefined) return otherwise;
  requireIsoDate(date);
  return date.slice(0, 7);
}

export function completenessOf(
  unit: ReportingUnit,
  periodMonths: readonly string[],
  asOf: string,
): CompletenessRow {
  const expected = expectedMonths(unit, periodMonths, asOf);
  const reported = new Set(unit.reportedMonths);
  const monthsReported = expected.filter((month) => reported.has(month));
  const missingMonths = expected.filter((month) => !reported.has(month));
  const nil = new Set(unit.nilMonths ?? []);
  return {
    kind: unit.kind,
    id: unit.id,
    monthsExpected: expected,
    monthsReported,
    missingMonths,
    nilMonths: monthsReported.filter((month) => nil.has(month)),
    rate: expected.length === 0 ? null : monthsReported.length / expected.length,
  };
}

/** Silent first: the lower rate, then more months missing (nothing expected last); 0 for rows alike in both. */
export function compareSilence(a: CompletenessRow, b: CompletenessRow): number {
  if (a.rate === null || b.rate === null) {
    if (a.rate !== b.rate) return a.rate === null ? 1 : -1;
  } else if (a.rate !== b.rate) {
    return a.rate - b.rate;
  }
  return b.missingMonths.length - a.missingMonths.length;
}

/** Silent first, then by id: a stable order for rows alike in silence. */
export function compareCompleteness(a: CompletenessRow, b: CompletenessRow): number {
  return compareSilence(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Completeness of every unit over a period's months, silent first. */
export function completenessTable(
  units: Iterable<ReportingUnit>,
  periodMonths: readonly string[],
  asOf: string,
): CompletenessRow[] {
  return [...units]
    .map((unit) => completenessOf(unit, periodMonths, asOf))
    .sort(compareCompleteness);
}

/** Missing months as runs, for a short display: ['2010-04', '2010-05', '2010-07'] ->
 * [['2010-04', '2010-05'], ['2010-07', '2010-07']]. */
export function monthRuns(months: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const month of months) {
    const last = runs[runs.length - 1];
    if (last && addMonths(last[1], 1) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs;
}
