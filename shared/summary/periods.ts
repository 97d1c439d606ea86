// Reporting periods: a fiscal year (1 April–31 March), a fiscal quarter (Q1 April–June), a
// calendar month, or a custom range of dates; each with its months (rollups are monthly),
// the period before it and the same period a year earlier. Dates are 'YYYY-MM-DD', months
// 'YYYY-MM'.
import { type Language } from '../domain/catalogue-types.ts';
import { addDays, daysInMonth, formatIsoDate, isIsoDate, requireIsoDate } from '../domain/dates.ts';
import {
  type DateRange,
  type FiscalQuarter,
  fiscalQuarterLabel,
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  quarterRange,
} from '../domain/fiscal.ts';

export type Period =
  | { readonly kind: 'fiscal-year'; readonly fiscalYear: number }
  | { readonly kind: 'quarter'; readonly fiscalYear: number; readonly quarter: FiscalQuarter }
  /** month: 'YYYY-MM'. */
  | { readonly kind: 'month'; readonly month: string }
  /** Inclusive dates. */
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

const MONTH = /^(\d{4})-(\d{2})$/;

function monthParts(month: string): { year: number; month: number } {
  const match = MONTH.exec(month);
  const year = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || year < 1 || m < 1 || m > 12)
    throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return { year, month: m };
}

export function isMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[1]) >= 1 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  requireIsoDate(date);
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const { year, month: m } = monthParts(month);
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from first to last, inclusive; empty when last is before first. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  if (months.length === 0) monthParts(first);
  return months;
}

export function monthRange(month: string): DateRange {
  const { year, month: m } = monthParts(month);
  return { from: formatIsoDate(year, m, 1), to: formatIsoDate(year, m, daysInMonth(year, m)) };
}

/** The inclusive dates a period covers. */
export function periodRange(period: Period): DateRange {
  switch (period.kind) {
    case 'fiscal-year':
      return fiscalYearRange(period.fiscalYear);
    case 'quarter':
      return quarterRange(period.fiscalYear, period.quarter);
    case 'month':
      return monthRange(period.month);
    case 'range': {
      requireIsoDate(period.from);
      requireIsoDate(period.to);
      if (period.to < period.from) throw new RangeError(`Range ends before it starts`);
      return { from: period.from, to: period.to };
    }
  }
}

/** The dates a custom range may take: before or after them a typed year is a slip. */
export const RANGE_BOUNDS: DateRange = { from: '1990-01-01', to: '2099-12-31' };

/**
 * What keeps two typed dates from being a custom range, or null when they make one:
 * 'incomplete' (a date not whole yet, or not a calendar date), 'outside' RANGE_BOUNDS (a
 * year half typed: 0002, 0020…), 'reversed' (the start after the end).
 */
export function rangeProblem(
  from: string,
  to: string,
): 'incomplete' | 'outside' | 'reversed' | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'incomplete';
  const inBounds = (d: string) => d >= RANGE_BOUNDS.from && d <= RANGE_BOUNDS.to;
  if (!inBounds(from) || !inBounds(to)) return 'outside';
  return from > to ? 'reversed' : null;
}

/**
 * The same place in time as another kind of period, for a picker whose kind changes: the
 * year, quarter or month holding the period's latest day that is not after `today` (a past
 * year gives its last quarter or March, the current year today's quarter or month, a
 * future period its first), and as a custom range the period's own dates.
 */
export function periodAsKind(period: Period, kind: Period['kind'], today: string): Period {
  const { from, to } = periodRange(period);
  if (kind === 'range') return { kind, from, to };
  const day = to <= today ? to : from <= today ? today : from;
  switch (kind) {
    case 'fiscal-year':
      return { kind, fiscalYear: fiscalYearOf(day) };
    case 'quarter':
      return { kind, fiscalYear: fiscalYearOf(day), quarter: fiscalQuarterOf(day) };
    case 'month':
      return { kind, month: monthOf(day) };
  }
}

/** The months a period touches, in order. */
export function periodMonths(period: Period): string[] {
  const { from, to } = periodRange(period);
  return monthsBetween(from.slice(0, 7), to.slice(0, 7));
}

/**
 * Whether the period is made of whole months, so monthly rollups give its totals exactly.
 * A custom range starting or ending mid-month is not: its first and last months are counted
 * whole by rollups (the UI says so, or counts those edges from the entries).
 */
export function coversWholeMonths(period: Period): boolean {
  const { from, to } = periodRange(period);
  return from.endsWith('-01') && monthRange(to.slice(0, 7)).to === to;
}

function shiftYear(date: string, years: number): string {
  const { year, month, day } = requireIsoDate(date);
  return formatIsoDate(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

/** The period just before: the previous year, quarter (Q1 -> Q4 of the year before) or month,
 * or for a custom range the same number of days ending the day before it starts. */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'fiscal-year':
      return { kind: 'fiscal-year', fiscalYear: period.fiscalYear - 1 };
    case 'quarter':
      return period.quarter === 1
        ? { kind: 'quarter', fiscalYear: period.fiscalYear - 1, quarter: 4 }
        : {
            kind: 'quarter',
            fiscalYear: period.fiscalYear,
            quarter: (period.quarter - 1) as FiscalQuarter,
          };
    case 'month':
      return { kind: 'month', month: addMonths(period.month, -1) };
    case 'range': {
      const { from, to } = periodRange(period);
      if (coversWholeMonths(period)) {
        const count = monthsBetween(from.slice(0, 7), to.slice(0, 7)).length;
        const first = addMonths(from.slice(0, 7), -count);
        return { kind: 'range', from: monthRange(first).from, to: addDays(from, -1) };
      }
      const days = dayNumber(to) - dayNumber(from) + 1;
      return { kind: 'range', from: addDays(from, -days), to: addDays(from, -1) };
    }
  }
}

/** The same period one year earlier (29 February falls back to the 28th). */
export function yearEarlier(period: Period): Period {
  switch (period.kind) {
    case 'fiscal-year':
      return { kind: 'fiscal-year', fiscalYear: period.fiscalYear - 1 };
    case 'quarter':
      return { ...period, fiscalYear: period.fiscalYear - 1 };
    case 'month':
      return { kind: 'month', month: addMonths(period.month, -12) };
    case 'range': {
      const { from, to } = periodRange(period);
      const end = coversWholeMonths(period)
        ? monthRange(addMonths(to.slice(0, 7), -12)).to
        : shiftYear(to, -1);
      return { kind: 'range', from: shiftYear(from, -1), to: end };
    }
  }
}

function dayNumber(date: string): number {
  const { year, month, day } = requireIsoDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * A period's name: 'FY 2010–2011' / 'exercice 2010-2011', 'Q1 FY 2010–2011' /
 * 'T1 exercice 2010-2011', 'April 2010' / 'avril 2010', 'April 1, 2010 to June 15, 2010' /
 * 'du 1 avril 2010 au 15 juin 2010'.
 */
export function periodLabel(period: Period, lang: Language): string {
  switch (period.kind) {
    case 'fiscal-year':
      return fiscalYearLabel(period.fiscalYear, lang);
    case 'quarter':
      return `${fiscalQuarterLabel(period.quarter, lang)} ${fiscalYearLabel(period.fiscalYear, lang)}`;
    case 'month': {
      const { year, month } = monthParts(period.month);
      return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'long',
      }).format(new Date(Date.UTC(year, month - 1, 1)));
    }
    case 'range': {
      // What is counted: whole months (rollups are monthly). A range that cuts a month is
      // named by the months it counts, and says so: the exact dates typed, beside totals of
      // whole months, were copied into reports as if they matched.
      const typed = periodRange(period);
      const from = monthRange(typed.from.slice(0, 7)).from;
      const to = monthRange(typed.to.slice(0, 7)).to;
      const widened = from !== typed.from || to !== typed.to;
      const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      });
      const [f, t] = [from, to].map((date) => {
        const { year, month, day: d } = requireIsoDate(date);
        const text = day.format(new Date(Date.UTC(year, month - 1, d)));
        // French writes the first of a month as an ordinal: « le 1er octobre ».
        return lang === 'fr' && d === 1 ? text.replace(/^1 /, '1er ') : text;
      });
      const label = lang === 'fr' ? `du ${f} au ${t}` : `${f} to ${t}`;
      if (!widened) return label;
      return lang === 'fr' ? `${label} (mois entiers)` : `${label} (whole months)`;
    }
  }
}
